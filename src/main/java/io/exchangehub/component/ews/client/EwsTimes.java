package io.exchangehub.component.ews.client;

import com.ibm.icu.util.TimeZone;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

/** Times between EWS and the model: xs:dateTime text, {@link Date}s of ews-java-api, and Windows and IANA zone names (CLDR, through ICU4J). */
public final class EwsTimes {

    private EwsTimes() {}

    public static Instant instant(String xsDateTime) {
        String text = xsDateTime.strip();
        return text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(text).toInstant()
                : Instant.parse(text + "Z");
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    /** The Windows zone name Exchange uses for an IANA zone, e.g. {@code W. Europe Standard Time} for {@code Europe/Berlin}. */
    public static String windowsZone(ZoneId zone) {
        String windows = TimeZone.getWindowsID(zone.getId());
        if (windows == null) {
            windows = TimeZone.getWindowsID(TimeZone.getCanonicalID(zone.getId()));
        }
        return windows == null ? "UTC" : windows;
    }

    /** The IANA zone for a Windows zone name (its CLDR territory 001 mapping), or UTC when unknown. */
    public static ZoneId ianaZone(String windows) {
        if (windows == null) {
            return ZoneId.of("UTC");
        }
        String iana = TimeZone.getIDForWindowsID(windows, null);
        return iana == null ? ZoneId.of("UTC") : ZoneId.of(iana);
    }
}
