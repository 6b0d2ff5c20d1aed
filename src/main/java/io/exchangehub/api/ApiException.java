package io.exchangehub.api;

import java.util.List;
import java.util.Map;

/**
 * A failure the API reports to the caller as a problem of a given kind; its message is the
 * problem's {@code detail} and must be safe to show (no token, no message content, no backend text).
 */
public class ApiException extends RuntimeException {

    private final Problems.Kind kind;
    private final long retryAfterSeconds;
    private final Map<String, ?> extensions;

    public ApiException(Problems.Kind kind, String detail) {
        this(kind, detail, 0, Map.of());
    }

    public ApiException(Problems.Kind kind, String detail, long retryAfterSeconds, Map<String, ?> extensions) {
        super(detail, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
        this.extensions = Map.copyOf(extensions);
    }

    /** A {@code validation} problem about one field, named by a JSON pointer ({@code /body/end}, {@code /query/tz}). */
    public static ApiException invalid(String pointer, String detail) {
        return new ApiException(Problems.Kind.VALIDATION, detail, 0, Map.of("errors", List.of(Map.of("pointer", pointer, "detail", detail))));
    }

    public Problems.Kind kind() {
        return kind;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Map<String, ?> extensions() {
        return extensions;
    }
}
