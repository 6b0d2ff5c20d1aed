package io.exchangehub.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1}: which hub answers, in which mode, at which version. Clients and
 * operators check it to see that the API (not only the server) is up.
 */
public final class ApiIndex {

    private final String mode;
    private final String version;

    public ApiIndex(String mode, String version) {
        this.mode = mode;
        this.version = version;
    }

    public Map<String, Object> describe() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("name", "Exchange Hub");
        index.put("apiVersion", "v1");
        index.put("version", version);
        index.put("mode", mode);
        return index;
    }
}
