package io.exchangehub.api;

import java.util.Locale;

/**
 * Enum values as the API writes them: lower camel case ({@code NOT_FLAGGED} is {@code notFlagged}),
 * like Graph, whichever backend the value came from.
 */
public final class ApiEnums {

    private ApiEnums() {}

    public static String name(Enum<?> value) {
        if (value == null) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : value.name().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return name.toString();
    }

    /**
     * The constant an API value names; the contract has already checked the value, so an
     * unknown one is a validation problem only when a caller bypasses it.
     */
    public static <E extends Enum<E>> E value(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        String constant = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, constant);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Problems.Kind.VALIDATION, "A value is not one of those the field allows.");
        }
    }
}
