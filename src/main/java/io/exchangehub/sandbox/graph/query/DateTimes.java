package io.exchangehub.sandbox.graph.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Date-time texts as Graph's query strings carry them. */
public final class DateTimes {

    private DateTimes() {}

    /**
     * An instant from {@code 2026-03-24T10:00:00+01:00}, {@code 2026-03-24T09:00:00Z},
     * {@code 2026-03-24T09:00:00} (UTC) or {@code 2026-03-24} (midnight UTC).
     *
     * @throws IllegalArgumentException if it is none of those
     */
    public static Instant instant(String text) {
        String value = text == null ? "" : text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("Not a date and time: " + text, e3);
                }
            }
        }
    }
}
