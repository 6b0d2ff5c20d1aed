package io.exchangehub.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides every {@code /api/**} request from the access rules: public operations pass; all others need
 * a validated token (bearer or session), the rule's scope or role, and a mailbox the caller may open.
 * A granted request gets its {@link CallerContext} as a request attribute, for the routes.
 */
final class ApiAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    /** Why a request was denied, for the 403 answer. */
    enum Reason {
        NO_RULE, MISSING_SCOPE, MAILBOX
    }

    /** A denial that says why, and what would have been needed. */
    static final class Denial extends AuthorizationDecision {
        private final Reason reason;
        private final AccessRules.Rule rule;
        private final String mailbox;

        Denial(Reason reason, AccessRules.Rule rule, String mailbox) {
            super(false);
            this.reason = reason;
            this.rule = rule;
            this.mailbox = mailbox;
        }

        Reason reason() {
            return reason;
        }

        /** The scopes (or, for an app, roles) any one of which would have granted access. */
        List<String> needed(boolean appOnly) {
            return rule == null ? List.of() : appOnly ? rule.source().roles() : rule.source().scopes();
        }

        String mailbox() {
            return mailbox;
        }
    }

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

    private final AccessRules rules;
    private final MailboxAccess mailboxes;

    ApiAuthorization(AccessRules rules, MailboxAccess mailboxes) {
        this.rules = rules;
        this.mailboxes = mailboxes;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        AccessRules.Rule rule = rules.match(request);
        if (rule != null && rule.access() == IdentityProperties.Access.PUBLIC) {
            return GRANTED;
        }
        if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
            // anonymous: the entry point answers 401
            return new Denial(Reason.NO_RULE, rule, null);
        }
        CallerContext caller = CallerContext.of(token.getToken(), SessionTokens.isSession(request));
        if (rule == null) {
            return new Denial(Reason.NO_RULE, null, null);
        }
        if (!rule.grants(caller)) {
            return new Denial(Reason.MISSING_SCOPE, rule, null);
        }
        List<String> requested = requestedMailboxes(request);
        if (requested.size() > 1) {
            // one operation acts on one mailbox; two values could be read differently by the check and the route
            return new Denial(Reason.MAILBOX, rule, String.join(",", requested));
        }
        MailboxAccess.Target target = mailboxes.resolve(caller, requested.isEmpty() ? null : requested.get(0));
        if (!target.allowed()) {
            return new Denial(Reason.MAILBOX, rule, target.mailbox());
        }
        request.setAttribute(CallerContext.ATTRIBUTE, caller.withMailbox(target.mailbox()));
        return GRANTED;
    }

    /**
     * The {@code mailbox} query parameters, read from the query string alone: {@code getParameter} would
     * also read a form body, which the route may want to stream.
     */
    static List<String> requestedMailboxes(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || !query.contains(MailboxAccess.PARAMETER + "=")) {
            return List.of();
        }
        List<String> values = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().get(MailboxAccess.PARAMETER);
        return values == null ? List.of() : values.stream()
                .map(value -> value == null ? "" : URLDecoder.decode(value, StandardCharsets.UTF_8)).toList();
    }
}
