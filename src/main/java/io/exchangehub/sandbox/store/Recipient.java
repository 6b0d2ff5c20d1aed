package io.exchangehub.sandbox.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mailbox on a message or meeting.
 *
 * @param name    the display name, may be empty
 * @param address the SMTP address
 */
public record Recipient(String name, String address) {

    private static final Pattern ROUTABLE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Recipient {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
    }

    /** The address, lower-case, for comparisons. */
    public String key() {
        return address.toLowerCase(Locale.ROOT);
    }

    public boolean sameAddress(String other) {
        return other != null && address.equalsIgnoreCase(other);
    }

    /** Whether a mail server could route to the address: a local part, {@code @}, and a dotted domain. */
    public boolean routable() {
        return ROUTABLE.matcher(address).matches();
    }
}
