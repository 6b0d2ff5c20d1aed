package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.issuer.SandboxCaller;
import io.exchangehub.sandbox.store.Mailbox;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the Graph face knows about the request being handled: who calls, for which mailbox
 * ({@code /me} or {@code /users/{id}}), its ids, and its preferences. Made by
 * {@link GraphInterceptor}; handlers take it as a parameter.
 */
final class GraphContext {

    static final String ATTRIBUTE = GraphContext.class.getName();

    private final String requestId;
    private final String clientRequestId;
    private final String baseUrl;
    private final Preferences preferences;
    private SandboxCaller caller;
    private Mailbox mailbox;

    GraphContext(String requestId, String clientRequestId, String baseUrl, Preferences preferences) {
        this.requestId = requestId;
        this.clientRequestId = clientRequestId;
        this.baseUrl = baseUrl;
        this.preferences = preferences;
    }

    /** Gives a request its ids (echoed in {@code request-id} and {@code client-request-id}) and preferences. */
    static GraphContext start(HttpServletRequest request, HttpServletResponse response) {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = request.getHeader("client-request-id");
        GraphContext context = new GraphContext(requestId, clientRequestId == null || clientRequestId.isBlank() ? requestId
                : clientRequestId, ServletUriComponentsBuilder.fromContextPath(request).path(GraphInterceptor.ROOT).toUriString(),
                Preferences.parse(request));
        request.setAttribute(ATTRIBUTE, context);
        response.setHeader("request-id", context.requestId());
        response.setHeader("client-request-id", context.clientRequestId());
        return context;
    }

    /** The context of a request, or null before the interceptor ran. */
    static GraphContext of(HttpServletRequest request) {
        return (GraphContext) request.getAttribute(ATTRIBUTE);
    }

    String requestId() {
        return requestId;
    }

    String clientRequestId() {
        return clientRequestId;
    }

    /** The service root, e.g. {@code http://localhost:8080/sandbox/graph/v1.0}. */
    String baseUrl() {
        return baseUrl;
    }

    Preferences preferences() {
        return preferences;
    }

    SandboxCaller caller() {
        return caller;
    }

    void caller(SandboxCaller newCaller) {
        this.caller = newCaller;
    }

    /** The mailbox the URL names; every handler under {@code /me} or {@code /users/{id}} has one. */
    Mailbox mailbox() {
        if (mailbox == null) {
            throw new IllegalStateException("This request names no mailbox");
        }
        return mailbox;
    }

    boolean hasMailbox() {
        return mailbox != null;
    }

    void mailbox(Mailbox newMailbox) {
        this.mailbox = newMailbox;
    }

    /** {@code users('{objectId}')}, how {@code @odata.context} names the mailbox. */
    String contextUser() {
        return "users('" + mailbox().objectId + "')";
    }

    /** {@code …/$metadata#<fragment>}. */
    String metadata(String fragment) {
        return baseUrl + "/$metadata#" + fragment;
    }

    /** The address faults are matched on: the mailbox addressed, else the caller. */
    String faultUser() {
        if (mailbox != null) {
            return mailbox.address;
        }
        if (caller == null) {
            return "*";
        }
        return caller.upn() != null ? caller.upn() : caller.appId();
    }
}
