package io.exchangehub.api.http;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Which headers cross the API's HTTP boundary. Out of the hub, only the response headers the API
 * defines (an allow-list): Camel's HTTP binding otherwise writes every message header into the
 * response, request headers included, so an {@code Authorization} header or a component's
 * delegated-token header would go back to the client. Into the hub, credentials stay out of the
 * Camel message (identity reads them from the request before any route runs), so that no route,
 * tracer or log step can see them; so do the request's framing headers, which describe the
 * request's body, not the response's (a client's {@code Content-Length: 0} on a GET would
 * otherwise cut the response to nothing).
 */
public final class ApiHeaderFilter implements HeaderFilterStrategy {

    /** The response headers of the API; every other header stays inside the hub. */
    static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "content-length", "content-disposition", "content-range",
            "content-language", "accept-ranges", "etag", "last-modified", "location", "retry-after", "cache-control", "vary",
            "allow", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "ratelimit-policy", "preference-applied");

    /** Request headers that carry credentials, or frame the request rather than describe it. */
    static final Set<String> KEPT_OUT = Set.of("authorization", "proxy-authorization", "cookie", "x-csrf-token",
            "x-xsrf-token", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "http2-settings",
            "te", "trailer", "host");

    /** Camel message → HTTP response: true filters the header out. */
    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /** HTTP request → Camel message: true filters the header out. */
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return KEPT_OUT.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
