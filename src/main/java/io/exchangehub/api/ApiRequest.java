package io.exchangehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.contract.ApiContract;
import io.exchangehub.api.http.Etags;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * What an API route reads of its HTTP request. Query parameters come from the query string itself,
 * never from Camel headers: platform-http puts request headers and query parameters into the same
 * header map, so a client's {@code top: 9999} header could otherwise stand in for the {@code top}
 * the contract checked. Path parameters are the headers the REST DSL sets from the path.
 */
public final class ApiRequest {

    private static final String QUERY_PROPERTY = "hubQuery";

    /** Set on an exchange whose change is conditional ({@code If-Match}): a conflict is then a 412. */
    static final String CONDITIONAL = "hubConditional";

    private ApiRequest() {}

    /** A query parameter's (first) value, or null. */
    public static String query(Exchange exchange, String name) {
        List<String> values = queryParameters(exchange).get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public static Integer queryInt(Exchange exchange, String name, Integer fallback) {
        String value = query(exchange, name);
        return value == null ? fallback : Integer.valueOf(value);
    }

    public static Boolean queryBoolean(Exchange exchange, String name) {
        String value = query(exchange, name);
        return value == null ? null : Boolean.valueOf(value);
    }

    public static Instant queryInstant(Exchange exchange, String name) {
        String value = query(exchange, name);
        try {
            return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("/query/" + name, "Not a date and time with an offset, such as 2026-03-02T08:00:00Z.");
        }
    }

    /** A path parameter, as the REST DSL read it from the path. */
    public static String path(Exchange exchange, String name) {
        String value = exchange.getMessage().getHeader(name, String.class);
        if (value == null) {
            throw new IllegalStateException("No path parameter " + name);
        }
        return value;
    }

    /** A request header, or null. */
    public static String header(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    /**
     * The backend version a conditional change is based on ({@code If-Match}), or null for an
     * unconditional one; the backend compares it atomically with the change.
     */
    public static String ifMatchVersion(Exchange exchange) {
        String ifMatch = header(exchange, "If-Match");
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        exchange.setProperty(CONDITIONAL, true);
        String version = Etags.versionOf(ifMatch);
        if (version == null) {
            throw new ApiException(Problems.Kind.PRECONDITION_FAILED, "If-Match names no version of this item.");
        }
        return version;
    }

    /** The JSON body (already checked against the contract) as a request record. */
    public static <T> T body(Exchange exchange, ObjectMapper json, Class<T> type) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("/body", "The operation needs a JSON body.");
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw ApiException.invalid("/body", "The body is not the JSON the operation takes.");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> queryParameters(Exchange exchange) {
        Map<String, List<String>> parsed = exchange.getProperty(QUERY_PROPERTY, Map.class);
        if (parsed == null) {
            parsed = ApiContract.queryParameters(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class));
            exchange.setProperty(QUERY_PROPERTY, parsed);
        }
        return parsed;
    }
}
