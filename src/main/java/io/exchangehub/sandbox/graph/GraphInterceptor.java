package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.SandboxProperties;
import io.exchangehub.sandbox.issuer.InvalidTokenException;
import io.exchangehub.sandbox.issuer.SandboxCaller;
import io.exchangehub.sandbox.issuer.SandboxTokenVerifier;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What every Graph request goes through before its handler, in Graph's order: request ids,
 * the bearer token (401), the mailbox the URL names and whether the caller may open it
 * (400 for {@code /me} with an app token, 404, 403), Outlook's per-mailbox concurrency limit
 * (429), then the fault switches for the handler's {@link GraphOperation}.
 */
@Component
class GraphInterceptor implements HandlerInterceptor {

    static final String ROOT = "/sandbox/graph/v1.0";
    private static final String SLOT = GraphInterceptor.class.getName() + ".slot";

    private final SandboxTokenVerifier verifier;
    private final SandboxProperties properties;
    private final SandboxStore store;
    private final GraphFaults faults;
    private final MailboxConcurrency concurrency;

    GraphInterceptor(SandboxTokenVerifier verifier, SandboxProperties properties, SandboxStore store, GraphFaults faults,
            MailboxConcurrency concurrency) {
        this.verifier = verifier;
        this.properties = properties;
        this.store = store;
        this.faults = faults;
        this.concurrency = concurrency;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        GraphContext context = GraphContext.start(request, response);
        try {
            context.caller(authenticate(request));
            GraphOperation operation = handler instanceof HandlerMethod method ? method.getMethodAnnotation(GraphOperation.class) : null;
            if (operation == null) {
                return true;
            }
            resolveMailbox(request, context, operation);
            Semaphore slot = null;
            if (context.hasMailbox()) {
                slot = concurrency.tryAcquire(context.caller().appId(), context.mailbox().address);
                if (slot == null) {
                    throw new GraphException(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
                            .header("Retry-After", "1");
                }
                request.setAttribute(SLOT, slot);
            }
            if (!faults.apply(request, response, context.faultUser(), operation.value())) {
                release(request);
                return false;
            }
            return true;
        } catch (GraphException e) {
            release(request);
            GraphErrors.write(request, response, e);
            return false;
        } catch (IOException | RuntimeException e) {
            // afterCompletion is not called for a preHandle that throws: the slot would be lost for good
            release(request);
            throw e;
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        release(request);
    }

    private static void release(HttpServletRequest request) {
        Semaphore slot = (Semaphore) request.getAttribute(SLOT);
        if (slot != null) {
            request.removeAttribute(SLOT);
            slot.release();
        }
    }

    private SandboxCaller authenticate(HttpServletRequest request) {
        try {
            return verifier.verify(request.getHeader("Authorization"), properties.graphAudience());
        } catch (InvalidTokenException e) {
            String message = switch (e.reason()) {
                case MISSING -> "Access token is empty.";
                case EXPIRED -> "Lifetime validation failed, the token is expired.";
                case WRONG_AUDIENCE -> "Access token validation failure. Invalid audience.";
                default -> "Access token validation failure.";
            };
            throw new GraphException(401, "InvalidAuthenticationToken", message)
                    .header("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"");
        }
    }

    private void resolveMailbox(HttpServletRequest request, GraphContext context, GraphOperation operation) {
        String pattern = String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
        SandboxCaller caller = context.caller();
        Mailbox mailbox;
        if (pattern.startsWith(ROOT + "/me/") || pattern.equals(ROOT + "/me")) {
            if (caller.appOnly()) {
                throw GraphException.badRequest("BadRequest", "/me request is only valid with delegated authentication flow.");
            }
            mailbox = store.mailbox(caller.upn());
        } else if (pattern.startsWith(ROOT + "/users/{user}")) {
            @SuppressWarnings("unchecked")
            Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            String user = variables.get("user");
            mailbox = findMailbox(store, user).orElseThrow(() -> new GraphException(404, "ErrorInvalidUser",
                    "The requested user '" + user + "' is invalid."));
        } else {
            return;
        }
        authorize(caller, mailbox, operation.permission());
        context.mailbox(store.mailbox(mailbox.address));
    }

    /** A mailbox by its owner's object id or by address, without building its contents. */
    static Optional<Mailbox> findMailbox(SandboxStore store, String user) {
        for (Mailbox mailbox : store.mailboxes()) {
            if (mailbox.objectId.toString().equalsIgnoreCase(user) || mailbox.address.equalsIgnoreCase(user)) {
                return Optional.of(mailbox);
            }
        }
        return Optional.empty();
    }

    /** Delegated callers need the area's scope (the {@code .Shared} one for another's mailbox) and access; apps need the role. */
    static void authorize(SandboxCaller caller, Mailbox mailbox, GraphOperation.Permission permission) {
        boolean allowed;
        if (caller.appOnly()) {
            allowed = permission.role() == null || caller.roles().contains(permission.role());
        } else {
            boolean own = mailbox.address.equalsIgnoreCase(caller.upn());
            allowed = (own || mailbox.openableBy(caller.upn()))
                    && (permission.scope() == null || caller.scopes().contains(own ? permission.scope() : permission.scope() + ".Shared"));
        }
        if (!allowed) {
            throw new GraphException(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        }
    }
}
