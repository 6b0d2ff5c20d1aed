package io.exchangehub.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.api.backend.BackendOutcome;
import io.exchangehub.model.MailboxException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 9457 problem details for every API error: a stable {@code type} per kind of problem, a
 * title, a status, a detail safe to show, and a {@code traceId} that matches the logs. Never a
 * stack trace, a token or a message body.
 */
public final class Problems {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    /** The base of every problem type: a URN, stable and not tied to a host; docs/api-errors.md lists them. */
    public static final String TYPE_BASE = "urn:exchange-hub:problem:";

    /** The kinds of problem the API answers with, each with its status and title. */
    public enum Kind {
        VALIDATION(400, "The request is not valid"),
        UNAUTHORIZED(401, "Authentication is required"),
        FORBIDDEN(403, "Access is denied"),
        NOT_FOUND(404, "The resource does not exist"),
        METHOD_NOT_ALLOWED(405, "The method is not allowed on this resource"),
        CONFLICT(409, "The resource was changed by someone else"),
        PRECONDITION_FAILED(412, "The resource does not match the given version"),
        PAYLOAD_TOO_LARGE(413, "The request body is too large"),
        RANGE_NOT_SATISFIABLE(416, "The requested range lies outside the content"),
        UNSUPPORTED_MEDIA_TYPE(415, "The request body has an unsupported media type"),
        THROTTLED(429, "Too many requests"),
        INTERNAL(500, "The hub could not complete the request"),
        BACKEND_UNAVAILABLE(503, "The mail backend is not available"),
        QUOTA_EXCEEDED(507, "The mailbox is full");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }

        public URI type() {
            return URI.create(TYPE_BASE + name().toLowerCase().replace('_', '-'));
        }
    }

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    /** The problem document for a kind, a safe detail, and the request's trace id. */
    public ObjectNode document(Kind kind, String detail, String instance, String traceId, Map<String, ?> extensions) {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", kind.type().toString());
        problem.put("title", kind.title());
        problem.put("status", kind.status());
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        problem.put("traceId", traceId);
        extensions.forEach((name, value) -> problem.set(name, json.valueToTree(value)));
        return problem;
    }

    /** Writes a problem document as the whole HTTP response, for filters that answer before any route. */
    public void write(HttpServletRequest request, HttpServletResponse response, Kind kind, String detail, Map<String, ?> extensions)
            throws IOException {
        response.setStatus(kind.status());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), document(kind, detail, request.getRequestURI(), TraceIds.of(request), extensions));
    }

    /**
     * Turns the exchange into a problem response: used by the routes' shared error handling
     * ({@code routes/api.camel.yaml}). Only {@link ApiException}s and the backends' typed
     * failures ({@link BackendProblems}) say what went wrong; any other failure is an internal
     * error whose detail stays in the logs.
     */
    public void respond(Exchange exchange) throws Exception {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Kind kind = Kind.INTERNAL;
        String detail = "The error was logged with the trace id.";
        Map<String, ?> extensions = Map.of();
        // a failure the caller caused (an upload body that broke off) wins over what the component made of it
        ApiException known = BackendOutcome.callerFailure(exchange) instanceof ApiException callers ? callers
                : BackendProblems.map(failure);
        Message message = exchange.getMessage();
        String traceId = traceId(exchange);
        log(failure, known, traceId);
        if (known != null && known.kind() == Kind.CONFLICT && exchange.getProperty(ApiRequest.CONDITIONAL, false, Boolean.class)) {
            known = new ApiException(Kind.PRECONDITION_FAILED, "The item changed since the version If-Match names.");
        }
        if (known != null) {
            failure = known;
            kind = known.kind();
            detail = known.getMessage();
            extensions = known.extensions();
        }
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        String uri = message.getHeader(Exchange.HTTP_URI, String.class);
        ObjectNode problem = document(kind, detail, uri != null ? uri : path, traceId, extensions);
        message.setBody(json.writeValueAsString(problem));
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, kind.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        if (failure instanceof ApiException api && api.retryAfterSeconds() > 0) {
            message.setHeader("Retry-After", api.retryAfterSeconds());
        }
    }

    /**
     * The problem of a failure that ends one part of a request rather than the request (one mailbox
     * of an aggregation), logged as {@link #respond} logs a failed request: an internal error keeps
     * its detail in the logs.
     */
    public ApiException ofPart(Throwable failure, String traceId) {
        ApiException known = BackendProblems.map(failure);
        log(failure, known, traceId);
        return known != null ? known : new ApiException(Kind.INTERNAL, "The error was logged with the trace id.");
    }

    /**
     * One line per failed request: the kind of problem and, for a backend's failure, its own code;
     * for an internal error, the chain of exception types and where the first was thrown. Never
     * an exception's message (it may quote a token, an address or a body) nor a stack trace.
     */
    private static void log(Throwable failure, ApiException known, String traceId) {
        if (known == null) {
            LOG.error("API request failed with an internal error, traceId={}: {}", traceId, describe(failure));
            return;
        }
        MailboxException backend = backendFailure(failure);
        if (backend != null) {
            LOG.warn("API request failed in the backend, traceId={}: {} {} (backend code {})", traceId, known.kind().status(),
                    known.kind().type(), backend.backendCode());
        } else {
            LOG.info("API request refused, traceId={}: {} {}", traceId, known.kind().status(), known.kind().type());
        }
    }

    private static MailboxException backendFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MailboxException mailbox) {
                return mailbox;
            }
        }
        return null;
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "no exception";
        }
        StringBuilder chain = new StringBuilder();
        for (Throwable cause = failure; cause != null && chain.length() < 1000; cause = cause.getCause()) {
            if (!chain.isEmpty()) {
                chain.append(" <- ");
            }
            chain.append(cause.getClass().getName());
        }
        StackTraceElement[] frames = failure.getStackTrace();
        if (frames.length > 0) {
            chain.append(" at ").append(frames[0].getClassName()).append('.').append(frames[0].getMethodName())
                    .append(':').append(frames[0].getLineNumber());
        }
        return chain.toString();
    }

    /**
     * The exchange's trace id: the one its HTTP request already has (so that problem documents match the
     * audit log), else the W3C traceparent's when the caller sent one, else a new one kept on the exchange.
     */
    public static String traceId(Exchange exchange) {
        String existing = exchange.getProperty("hubTraceId", String.class);
        if (existing != null) {
            return existing;
        }
        HttpServletRequest request = HttpRequests.of(exchange);
        String traceId = request != null
                ? TraceIds.of(request)
                : TraceIds.fromTraceparent(exchange.getMessage().getHeader("traceparent", String.class));
        exchange.setProperty("hubTraceId", traceId);
        return traceId;
    }
}
