package io.exchangehub.sandbox.store;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Windows time zone names (what EWS and Outlook speak: "W. Europe Standard Time") and IANA
 * zones (what the store keeps: "Europe/Berlin"), through CLDR's mapping in ICU4J. Graph
 * accepts either spelling in {@code Prefer: outlook.timezone} and {@code dateTimeTimeZone}.
 */
public final class TimeZones {

    private TimeZones() {}

    /**
     * The zone named by a Windows or an IANA name.
     *
     * @throws StoreException {@link StoreError#INVALID_REQUEST} if neither
     */
    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            throw new StoreException(StoreError.INVALID_REQUEST, "A time zone name is required.");
        }
        String iana = com.ibm.icu.util.TimeZone.getIDForWindowsID(name.strip(), null);
        try {
            return ZoneId.of(iana != null ? iana : name.strip());
        } catch (DateTimeException e) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The time zone '" + name + "' is not a known time zone.");
        }
    }

    /** The Windows name of a zone; UTC for zones Windows has no name for. */
    public static String windowsName(ZoneId zone) {
        String windows = com.ibm.icu.util.TimeZone.getWindowsID(zone.getId());
        return windows != null ? windows : "UTC";
    }
}
