package io.exchangehub.sandbox.ews;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * XML Schema values as EWS reads and writes them: booleans, integers, dates and times (answers
 * in UTC with {@code Z}, without fractions, as Exchange writes them), and enumeration checks.
 */
final class Xsd {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Xsd() {}

    static String dateTime(Instant instant) {
        return instant == null ? null : UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static String bool(boolean value) {
        return value ? "true" : "false";
    }

    static boolean bool(XmlIn element, boolean fallback) {
        return element == null ? fallback : bool(element, element.token(), element.name());
    }

    static boolean boolAttr(XmlIn element, String attribute, boolean fallback) {
        String value = element.attr(attribute);
        return value == null ? fallback : bool(element, value.strip(), attribute);
    }

    static boolean bool(XmlIn at, String value, String what) {
        return switch (value) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw SoapFault.invalidValue(at, what, value, "http://www.w3.org/2001/XMLSchema:boolean");
        };
    }

    static int integer(XmlIn at, String value, String what) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw SoapFault.invalidValue(at, what, value, "http://www.w3.org/2001/XMLSchema:int");
        }
    }

    static int integer(XmlIn element) {
        return integer(element, element.text(), element.name());
    }

    /** An xs:dateTime; one without an offset is read as UTC, as Exchange does without a time zone context. */
    static Instant dateTime(XmlIn at, String value, String what) {
        String text = value == null ? "" : value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw SoapFault.invalidValue(at, what, value, "http://www.w3.org/2001/XMLSchema:dateTime");
            }
        }
    }

    static Instant dateTime(XmlIn element) {
        return dateTime(element, element.text(), element.name());
    }

    /** An xs:date, with or without an offset (the date part is what counts). */
    static LocalDate date(XmlIn element) {
        String text = element.token();
        String datePart = text.length() >= 10 ? text.substring(0, 10) : text;
        try {
            return LocalDate.parse(datePart);
        } catch (DateTimeParseException e) {
            throw SoapFault.invalidValue(element, element.name(), text, "http://www.w3.org/2001/XMLSchema:date");
        }
    }

    /** A value of an enumeration type; anything else fails schema validation. */
    static String enumValue(XmlIn at, String value, String what, String type, Set<String> allowed) {
        String token = value == null ? null : value.strip();
        if (token == null || !allowed.contains(token)) {
            throw SoapFault.schema(at, "The '" + what + "' " + (at != null && at.name().equals(what) ? "element" : "attribute")
                    + " is invalid - The value '" + value + "' is invalid according to its datatype "
                    + "'http://schemas.microsoft.com/exchange/services/2006/types:" + type + "' - The Enumeration constraint failed.");
        }
        return token;
    }

    static String enumAttr(XmlIn element, String attribute, String type, Set<String> allowed, String fallback) {
        String value = element.attr(attribute);
        return value == null ? fallback : enumValue(element, value, attribute, type, allowed);
    }
}
