package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.StoreException;
import io.exchangehub.sandbox.store.TimeZones;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Prefer} headers of a request ({@code outlook.timezone}, {@code outlook.body-content-type},
 * {@code odata.maxpagesize}), and which of them a response applied, for {@code Preference-Applied}.
 */
final class Preferences {

    private static final Pattern PREFERENCE = Pattern.compile("\\s*([A-Za-z][\\w.-]*)\\s*(?:=\\s*(\"([^\"]*)\"|[^,;\\s]*))?[^,]*,?");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> applied = new ArrayList<>();

    static Preferences parse(HttpServletRequest request) {
        Preferences preferences = new Preferences();
        for (String header : Collections.list(request.getHeaders("Prefer"))) {
            Matcher matcher = PREFERENCE.matcher(header);
            while (matcher.find() && matcher.end() > matcher.start()) {
                String value = matcher.group(3) != null ? matcher.group(3) : matcher.group(2);
                preferences.values.putIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
            }
        }
        return preferences;
    }

    /** The zone asked for with {@code outlook.timezone} (Windows or IANA name), else UTC. */
    OutputZone zone() {
        String name = values.get("outlook.timezone");
        if (name == null || name.isBlank()) {
            return OutputZone.UTC;
        }
        try {
            ZoneId zone = TimeZones.zone(name);
            apply("outlook.timezone=\"" + name + "\"");
            return new OutputZone(zone, name);
        } catch (StoreException e) {
            return OutputZone.UTC;
        }
    }

    /** The body type asked for with {@code outlook.body-content-type}, or null for the stored one. */
    Body.BodyType bodyType() {
        String type = values.get("outlook.body-content-type");
        if (type == null) {
            return null;
        }
        Body.BodyType wanted = switch (type.toLowerCase(Locale.ROOT)) {
            case "text" -> Body.BodyType.TEXT;
            case "html" -> Body.BodyType.HTML;
            default -> null;
        };
        if (wanted != null) {
            apply("outlook.body-content-type=\"" + type.toLowerCase(Locale.ROOT) + "\"");
        }
        return wanted;
    }

    /** The page size asked for with {@code odata.maxpagesize}, or 0. */
    int maxPageSize() {
        String size = values.get("odata.maxpagesize");
        if (size == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(size.strip());
            if (n < 1) {
                return 0;
            }
            apply("odata.maxpagesize=" + n);
            return n;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void apply(String preference) {
        if (!applied.contains(preference)) {
            applied.add(preference);
        }
    }

    /** The {@code Preference-Applied} value, or null when nothing was applied. */
    String applied() {
        return applied.isEmpty() ? null : String.join(", ", applied);
    }

    /**
     * The zone event times are written in.
     *
     * @param zone the zone
     * @param name how the client spelled it, echoed in {@code dateTimeTimeZone.timeZone}
     */
    record OutputZone(ZoneId zone, String name) {
        static final OutputZone UTC = new OutputZone(ZoneOffset.UTC, "UTC");
    }
}
