package io.exchangehub.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A calendar time as people read it: a wall-clock time and the IANA zone it is in.
 *
 * @param dateTime the local date and time
 * @param timeZone the IANA zone id, e.g. {@code Europe/Berlin}
 */
public record DateTimeZone(LocalDateTime dateTime, String timeZone) {

    public static DateTimeZone of(Instant instant, ZoneId zone) {
        return new DateTimeZone(LocalDateTime.ofInstant(instant, zone), zone.getId());
    }

    public Instant toInstant() {
        return dateTime.atZone(ZoneId.of(timeZone)).toInstant();
    }
}
