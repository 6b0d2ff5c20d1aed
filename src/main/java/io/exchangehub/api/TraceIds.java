package io.exchangehub.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One trace id per request, the same in problem documents, audit lines and logs: the W3C
 * {@code traceparent}'s when the caller sent one, else a new one, kept on the request.
 */
public final class TraceIds {

    /** The request attribute holding the trace id once it is settled. */
    public static final String REQUEST_ATTRIBUTE = TraceIds.class.getName();

    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceIds() {}

    /** The request's trace id, settled on first use. */
    public static String of(HttpServletRequest request) {
        Object existing = request.getAttribute(REQUEST_ATTRIBUTE);
        if (existing instanceof String traceId) {
            return traceId;
        }
        String traceId = fromTraceparent(request.getHeader("traceparent"));
        request.setAttribute(REQUEST_ATTRIBUTE, traceId);
        return traceId;
    }

    /** The trace id of a {@code traceparent} header, or a new one when it is absent or malformed. */
    public static String fromTraceparent(String traceparent) {
        return traceparent != null && TRACEPARENT.matcher(traceparent).matches()
                ? traceparent.substring(3, 35)
                : UUID.randomUUID().toString().replace("-", "");
    }
}
