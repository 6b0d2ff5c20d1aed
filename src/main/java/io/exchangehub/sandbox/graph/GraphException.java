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

    /**
     * @param status  the HTTP status
     * @param code    Graph's error code, e.g. {@code ErrorItemNotFound}
     * @param message the message, which reaches the client: never a subject, body or token
     */
    public GraphException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** A 400 with Graph's code for the kind of bad request. */
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

    /** Graph's 404 for an item, folder or attachment it does not find (or that is another mailbox's). */
    public static GraphException notFound() {
        return new GraphException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** Adds a header the answer carries, e.g. {@code Retry-After}. */
    public GraphException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Graph's error code. */
    public String code() {
        return code;
    }

    /** The headers the answer carries, in the order they were added. */
    public Map<String, String> headers() {
        return headers;
    }
}
