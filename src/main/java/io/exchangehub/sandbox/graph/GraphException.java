package io.exchangehub.sandbox.graph;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the Graph face refuses, with the status and error code Microsoft Graph gives for
 * it; rendered in Graph's error shape by {@link GraphErrors}. Carries no stack trace to anyone.
 */
public final class GraphException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public GraphException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static GraphException badRequest(String code, String message) {
        return new GraphException(400, code, message);
    }

    /** A body property or literal the type does not accept (OData's RequestBodyRead). */
    public static GraphException bodyRead(String message) {
        return new GraphException(400, "RequestBodyRead", message);
    }

    /** A query option Graph refuses. */
    public static GraphException query(String message) {
        return new GraphException(400, "ErrorInvalidUrlQuery", message);
    }

    public static GraphException notFound() {
        return new GraphException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    public GraphException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
