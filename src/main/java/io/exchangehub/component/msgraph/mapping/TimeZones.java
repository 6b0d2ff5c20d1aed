package io.exchangehub.component.msgraph.mapping;

import com.microsoft.graph.models.DateTimeTimeZone;
import io.exchangehub.model.DateTimeZone;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Time zones between the model (IANA ids) and Graph, which names zones the Windows way
 * ({@code W. Europe Standard Time}) in {@code Prefer: outlook.timezone} and in its answers. The
 * mapping is CLDR's, through ICU4J.
 */
public final class TimeZones {

    private static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private TimeZones() {}

    /** The IANA zone of an id the caller gave, or an invalid-request error. */
    public static ZoneId zone(String iana) {
        try {
            return ZoneId.of(iana);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not an IANA time zone: " + iana, e);
        }
    }

    /** The Windows name Graph takes for an IANA zone; the IANA id itself when CLDR knows no Windows zone for it. */
    public static String windowsName(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
            return "UTC";
        }
        String windows = com.ibm.icu.util.TimeZone.getWindowsID(zone.getId());
        return windows != null ? windows : zone.getId();
    }

    /** The zone a Graph answer names, Windows or IANA. */
    public static ZoneId fromGraph(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("UTC") || name.equalsIgnoreCase("tzone://Microsoft/Utc")) {
            return ZoneOffset.UTC;
        }
        String iana = com.ibm.icu.util.TimeZone.getIDForWindowsID(name, null);
        if (iana != null) {
            return ZoneId.of(iana);
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The IANA id of a Graph zone name, for the model's recurrence zone. */
    public static String ianaName(String graphName) {
        ZoneId zone = fromGraph(graphName);
        return zone instanceof ZoneOffset ? "UTC" : zone.getId();
    }

    /** A Graph date and time, read in its own zone and told on the wall clock of {@code zone}. */
    public static DateTimeZone toModel(DateTimeTimeZone value, ZoneId zone) {
        if (value == null || value.getDateTime() == null) {
            return null;
        }
        Instant instant;
        try {
            instant = LocalDateTime.parse(value.getDateTime()).atZone(fromGraph(value.getTimeZone())).toInstant();
        } catch (DateTimeParseException e) {
            instant = OffsetDateTime.parse(value.getDateTime()).toInstant();
        }
        return DateTimeZone.of(instant, zone);
    }

    /** A model date and time as Graph takes it: the wall clock and its zone's Windows name. */
    public static DateTimeTimeZone toGraph(DateTimeZone value) {
        if (value == null) {
            return null;
        }
        DateTimeTimeZone result = new DateTimeTimeZone();
        result.setDateTime(value.dateTime().format(GRAPH_LOCAL));
        result.setTimeZone(windowsName(zone(value.timeZone())));
        return result;
    }

    /** An instant in UTC as Graph takes it. */
    public static DateTimeTimeZone toGraph(Instant instant) {
        if (instant == null) {
            return null;
        }
        DateTimeTimeZone result = new DateTimeTimeZone();
        result.setDateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(GRAPH_LOCAL));
        result.setTimeZone("UTC");
        return result;
    }

    /** A Graph date and time as an instant. */
    public static Instant instant(DateTimeTimeZone value) {
        DateTimeZone model = toModel(value, ZoneOffset.UTC);
        return model == null ? null : model.toInstant();
    }
}
