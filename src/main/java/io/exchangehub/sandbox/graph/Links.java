package io.exchangehub.sandbox.graph;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code @odata.nextLink} and {@code @odata.deltaLink}: the request's own URL with some query options replaced. */
final class Links {

    private Links() {}

    /**
     * The current request's absolute URL, its query options kept as the client encoded them
     * except those in {@code replace} (set to the given values, null removes) and {@code remove}.
     */
    static String self(HttpServletRequest request, Map<String, String> replace, String... remove) {
        List<String> kept = new ArrayList<>();
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String rawName = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                if (!replace.containsKey(name) && !List.of(remove).contains(name)) {
                    kept.add(pair);
                }
            }
        }
        replace.forEach((name, value) -> {
            if (value != null) {
                kept.add(name + "=" + value);
            }
        });
        String url = request.getRequestURL().toString();
        return kept.isEmpty() ? url : url + "?" + String.join("&", kept);
    }

    /** The request's URL with only the given query options. */
    static String withOnly(HttpServletRequest request, String name, String value) {
        return request.getRequestURL() + "?" + name + "=" + value;
    }
}
