package io.exchangehub.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.HttpRequests;
import io.exchangehub.api.TraceIds;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One JSON line per {@code /api/**} operation on the logger {@value #LOGGER}, whatever its outcome (refused
 * ones included): who ({@code oid}, {@code upn}, tenant, app), how ({@code bearer} or {@code session}),
 * which mailbox, which action (the access rule), which target id, the result and HTTP status, and the
 * trace id that problem documents and the hub's logs carry too. Never a token, a query string or any
 * message content. It wraps the security filters, so it sees their answers, and puts the trace id in the
 * MDC ({@code traceId}) while the request runs.
 */
public final class AuditLog extends OncePerRequestFilter {

    /** The audit logger's name: route it to its own appender. */
    public static final String LOGGER = "io.exchangehub.audit";

    /** The request attribute a route sets to name the item it acted on (see {@link #target(Exchange, String)}). */
    public static final String TARGET_ATTRIBUTE = AuditLog.class.getName() + ".target";

    private static final Logger audit = LoggerFactory.getLogger(LOGGER);
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AccessRules rules;
    private final ObjectMapper json;

    AuditLog(AccessRules rules, ObjectMapper json) {
        this.rules = rules;
        this.json = json;
    }

    /** Names the id of the item an operation acted on, for its audit line; called from a route. */
    public static void target(Exchange exchange, String id) {
        HttpServletRequest request = HttpRequests.of(exchange);
        if (request != null) {
            request.setAttribute(TARGET_ATTRIBUTE, id);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") && !request.getRequestURI().equals("/api");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = TraceIds.of(request);
        MDC.put("traceId", traceId);
        try {
            chain.doFilter(request, response);
        } finally {
            CallerContext caller = SessionTokens.caller(request);
            if (request.isAsyncStarted()) {
                // platform-http completes the route on another thread: the outcome is known only then
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override
                    public void onComplete(AsyncEvent event) {
                        write(request, caller, response.getStatus(), traceId);
                    }

                    @Override
                    public void onTimeout(AsyncEvent event) {
                        write(request, caller, 503, traceId);
                    }

                    @Override
                    public void onError(AsyncEvent event) {
                        write(request, caller, 500, traceId);
                    }

                    @Override
                    public void onStartAsync(AsyncEvent event) {
                        event.getAsyncContext().addListener(this);
                    }
                });
            } else {
                write(request, caller, response.getStatus(), traceId);
            }
            MDC.remove("traceId");
        }
    }

    private void write(HttpServletRequest request, CallerContext caller, int status, String traceId) {
        try {
            audit.info(json.writeValueAsString(line(request, caller, status, traceId)));
        } catch (JsonProcessingException e) {
            log.error("An audit line could not be written for trace {}", traceId, e);
        }
    }

    private Map<String, Object> line(HttpServletRequest request, CallerContext caller, int status, String traceId) {
        AccessRules.Rule rule = rules.match(request);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "api-operation");
        line.put("traceId", traceId);
        line.put("oid", caller == null ? null : caller.objectId());
        line.put("upn", caller == null ? null : caller.upn());
        line.put("tid", caller == null ? null : caller.tenantId());
        line.put("app", caller == null ? null : caller.clientId());
        line.put("appOnly", caller != null && caller.appOnly());
        line.put("via", caller == null ? "anonymous" : caller.session() ? "session" : "bearer");
        line.put("mailbox", mailbox(request, caller));
        line.put("action", rule == null ? "unmatched" : rule.name());
        line.put("method", request.getMethod());
        line.put("path", request.getRequestURI());
        line.put("target", request.getAttribute(TARGET_ATTRIBUTE));
        line.put("result", result(status));
        line.put("status", status);
        return line;
    }

    /** The mailbox the operation acted on, or (when it was refused) the one it asked for. */
    private static String mailbox(HttpServletRequest request, CallerContext caller) {
        if (CallerContext.from(request) != null) {
            return caller.mailbox();
        }
        java.util.List<String> requested = ApiAuthorization.requestedMailboxes(request);
        return requested.isEmpty() ? caller == null ? null : caller.upn() : String.join(",", requested);
    }

    static String result(int status) {
        if (status < 400) {
            return "success";
        }
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "denied";
            case 404 -> "not-found";
            case 429 -> "throttled";
            default -> status < 500 ? "rejected" : "failed";
        };
    }
}
