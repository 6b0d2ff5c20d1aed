package io.exchangehub.sandbox.ews;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * EWS search expressions ({@code m:Restriction}) compiled to predicates: IsEqualTo,
 * IsNotEqualTo, IsGreaterThan(OrEqualTo), IsLessThan(OrEqualTo), Contains, Excludes, Exists,
 * And, Or, Not. Property values come from a {@link Fields} view of the searched objects, and a
 * constant is read as the type of the value it is compared with, as Exchange does.
 */
final class Restrictions {

    /**
     * The searchable properties of one kind of object.
     *
     * @param <T> items or folders
     */
    interface Fields<T> {

        /** Whether the FieldURI (with {@code #index} for indexed ones) can be searched. */
        boolean supports(String fieldUri);

        /**
         * The property's value: a String, Boolean, Long, Instant, {@link Ranked}, or a List of
         * Strings for multi-valued properties; null when the object has none.
         */
        Object value(T object, String fieldUri);
    }

    /**
     * A value of an ordered enumeration (Importance: Low &lt; Normal &lt; High).
     *
     * @param names the names in order
     * @param rank  this value's position
     */
    record Ranked(List<String> names, int rank) {}

    private static final Set<String> MODES = Set.of("FullString", "Prefixed", "Substring", "PrefixOnWords", "ExactPhrase");
    private static final Set<String> COMPARISONS = Set.of("Exact", "IgnoreCase", "IgnoreNonSpacingCharacters", "Loose",
            "IgnoreCaseAndNonSpacingCharacters", "LooseAndIgnoreCase", "LooseAndIgnoreNonSpace",
            "LooseAndIgnoreCaseAndIgnoreNonSpace");

    private Restrictions() {}

    /** Compiles the single expression inside an {@code m:Restriction}; null when there is none. */
    static <T> Predicate<T> compile(XmlIn restriction, Fields<T> fields) {
        if (restriction == null) {
            return null;
        }
        XmlIn expression = restriction.first();
        if (expression == null) {
            throw SoapFault.schema(restriction, "The element 'Restriction' has incomplete content.");
        }
        return expression(expression, fields);
    }

    private static <T> Predicate<T> expression(XmlIn element, Fields<T> fields) {
        switch (element.name()) {
            case "And", "Or" -> {
                List<XmlIn> children = element.children();
                if (children.isEmpty()) {
                    throw SoapFault.schema(element, "The element '" + element.name() + "' has incomplete content.");
                }
                Predicate<T> combined = expression(children.get(0), fields);
                for (XmlIn child : children.subList(1, children.size())) {
                    Predicate<T> next = expression(child, fields);
                    combined = element.name().equals("And") ? combined.and(next) : combined.or(next);
                }
                return combined;
            }
            case "Not" -> {
                XmlIn inner = element.first();
                if (inner == null) {
                    throw SoapFault.schema(element, "The element 'Not' has incomplete content.");
                }
                return expression(inner, fields).negate();
            }
            case "Exists" -> {
                String field = path(element.first(), fields);
                return object -> present(fields.value(object, field));
            }
            case "Contains" -> {
                return contains(element, fields);
            }
            case "Excludes" -> {
                String field = path(element.first(), fields);
                XmlIn bitmask = element.require("Bitmask");
                long mask = parseMask(bitmask);
                return object -> fields.value(object, field) instanceof Long value && (value & mask) == 0;
            }
            case "IsEqualTo", "IsNotEqualTo", "IsGreaterThan", "IsGreaterThanOrEqualTo", "IsLessThan", "IsLessThanOrEqualTo" -> {
                return comparison(element, fields);
            }
            default -> throw SoapFault.schema(element, "The element '" + element.name() + "' is not a search expression.");
        }
    }

    private static <T> String path(XmlIn path, Fields<T> fields) {
        if (path == null || !(path.name().equals("FieldURI") || path.name().equals("IndexedFieldURI")
                || path.name().equals("ExtendedFieldURI"))) {
            throw SoapFault.schema(path, "A property path (FieldURI, IndexedFieldURI, ExtendedFieldURI) is expected.");
        }
        String uri = path.attr("FieldURI");
        if (path.name().equals("IndexedFieldURI")) {
            uri = uri + "#" + path.attr("FieldIndex", "");
        }
        if (uri == null || !fields.supports(uri)) {
            throw new EwsError("ErrorUnsupportedPathForQuery", "The property path is not supported for a query restriction.");
        }
        return uri;
    }

    private static <T> Predicate<T> comparison(XmlIn element, Fields<T> fields) {
        String field = path(element.first(), fields);
        XmlIn operand = element.require("FieldURIOrConstant").first();
        if (operand == null) {
            throw SoapFault.schema(element, "The element 'FieldURIOrConstant' has incomplete content.");
        }
        String operation = element.name();
        if (operand.name().equals("Constant")) {
            String constant = operand.attr("Value");
            if (constant == null) {
                throw SoapFault.schema(operand, "The required attribute 'Value' is missing.");
            }
            return object -> compare(operation, fields.value(object, field), constant, operand);
        }
        String other = path(operand, fields);
        return object -> {
            Object right = fields.value(object, other);
            return right != null && compare(operation, fields.value(object, field), text(right), operand);
        };
    }

    private static boolean compare(String operation, Object value, String constant, XmlIn at) {
        if (value == null) {
            return operation.equals("IsNotEqualTo");
        }
        if (value instanceof List<?> list) {
            boolean any = false;
            for (Object element : list) {
                if (compare(operation.equals("IsNotEqualTo") ? "IsEqualTo" : operation, element, constant, at)) {
                    any = true;
                    break;
                }
            }
            return operation.equals("IsNotEqualTo") != any;
        }
        int order = order(value, constant, at);
        return switch (operation) {
            case "IsEqualTo" -> order == 0;
            case "IsNotEqualTo" -> order != 0;
            case "IsGreaterThan" -> order > 0;
            case "IsGreaterThanOrEqualTo" -> order >= 0;
            case "IsLessThan" -> order < 0;
            default -> order <= 0;
        };
    }

    /** Compares a property value with a constant read as the value's type. */
    private static int order(Object value, String constant, XmlIn at) {
        if (value instanceof Boolean b) {
            return Boolean.compare(b, Xsd.bool(at, constant.strip(), "Value"));
        }
        if (value instanceof Long number) {
            try {
                return Long.compare(number, Long.parseLong(constant.strip()));
            } catch (NumberFormatException e) {
                throw new EwsError("ErrorInvalidValueForProperty", "The value '" + constant + "' is not a number.");
            }
        }
        if (value instanceof Instant instant) {
            return instant.compareTo(Xsd.dateTime(at, constant, "Value"));
        }
        if (value instanceof Ranked ranked) {
            for (int i = 0; i < ranked.names().size(); i++) {
                if (ranked.names().get(i).equalsIgnoreCase(constant.strip())) {
                    return Integer.compare(ranked.rank(), i);
                }
            }
            throw new EwsError("ErrorInvalidValueForProperty", "The value '" + constant + "' is not one of " + ranked.names() + ".");
        }
        return value.toString().compareToIgnoreCase(constant);
    }

    private static <T> Predicate<T> contains(XmlIn element, Fields<T> fields) {
        String field = path(element.first(), fields);
        XmlIn constantElement = element.require("Constant");
        String constant = constantElement.attr("Value", "");
        String mode = Xsd.enumAttr(element, "ContainmentMode", "ContainmentModeType", MODES, "Substring");
        String comparison = Xsd.enumAttr(element, "ContainmentComparison", "ContainmentComparisonType", COMPARISONS, "IgnoreCase");
        boolean ignoreCase = !comparison.equals("Exact");
        String needle = ignoreCase ? constant.toLowerCase(Locale.ROOT) : constant;
        return object -> {
            Object value = fields.value(object, field);
            if (value instanceof List<?> list) {
                return list.stream().anyMatch(v -> contained(mode, text(v), needle, ignoreCase));
            }
            return value != null && contained(mode, text(value), needle, ignoreCase);
        };
    }

    private static boolean contained(String mode, String value, String needle, boolean ignoreCase) {
        String haystack = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        return switch (mode) {
            case "FullString" -> haystack.equals(needle);
            case "Prefixed" -> haystack.startsWith(needle);
            case "PrefixOnWords" -> startsAWord(haystack, needle);
            default -> haystack.contains(needle);
        };
    }

    /** Whether some word of the text starts with the needle, as AQS and PrefixOnWords match. */
    static boolean startsAWord(String haystack, String needle) {
        int from = 0;
        while (true) {
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                return false;
            }
            if (at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1))) {
                return true;
            }
            from = at + 1;
        }
    }

    private static String text(Object value) {
        if (value instanceof Ranked ranked) {
            return ranked.names().get(ranked.rank());
        }
        if (value instanceof Instant instant) {
            return Xsd.dateTime(instant);
        }
        return value.toString();
    }

    private static boolean present(Object value) {
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        return value != null;
    }

    private static long parseMask(XmlIn bitmask) {
        String value = bitmask.attr("Value", "").strip();
        try {
            return value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw SoapFault.invalidValue(bitmask, "Value", value, "http://www.w3.org/2001/XMLSchema:string");
        }
    }
}
