package io.exchangehub.identity;

import io.exchangehub.api.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The hub's answers when the security filters refuse a request, as problem documents like every other
 * API error: 401 with an RFC 6750 {@code WWW-Authenticate} challenge (and its {@code error} when a token
 * was sent and failed), 400 for a token in the wrong place, 403 for a missing scope, a mailbox the caller
 * may not open, or a missing CSRF token, 429 when the budget is spent, 413 for an oversized body. The
 * problem details are the hub's own words; the challenge's {@code error_description} is Spring Security's
 * account of the failure (which claim, which check), meant for the client's developer. Neither ever
 * carries the token.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;

    ProblemResponses(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        BearerTokenError error = StrictBearerTokenResolver.bearerError(failure);
        if (error == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"exchange-hub\"");
            write(request, response, Problems.Kind.UNAUTHORIZED, "Send a bearer token for the hub's API or sign in at /auth/login.",
                    Map.of());
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"exchange-hub\", error=\"" + error.getErrorCode()
                + "\", error_description=\"" + quoted(error.getDescription()) + "\"");
        if (error.getHttpStatus().value() == 400) {
            write(request, response, Problems.Kind.VALIDATION, "Send the bearer token in the Authorization header only.", Map.of());
        } else {
            write(request, response, Problems.Kind.UNAUTHORIZED, "The access token is not valid for this API; "
                    + "WWW-Authenticate says why.", Map.of());
        }
    }

    /**
     * A bearer token that could not be checked at all (the issuer's keys could not be fetched) is the hub's
     * failure, not the caller's: 503, where Spring Security would let it become a bare 500.
     */
    void authenticationFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            write(request, response, Problems.Kind.BACKEND_UNAVAILABLE, "The identity provider's signing keys could not be fetched; "
                    + "retry shortly.", Map.of());
            return;
        }
        commence(request, response, failure);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof CsrfException) {
            write(request, response, Problems.Kind.FORBIDDEN, "A state-changing request of a browser session needs the CSRF token "
                    + "of its cookie in the X-XSRF-TOKEN header.", Map.of());
            return;
        }
        CallerContext caller = SessionTokens.caller(request);
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof ApiAuthorization.Denial denial) {
            switch (denial.reason()) {
                case MISSING_SCOPE -> {
                    boolean appOnly = caller != null && caller.appOnly();
                    List<String> needed = denial.needed(appOnly);
                    if (caller != null && !caller.session()) {
                        response.setHeader("WWW-Authenticate", "Bearer realm=\"exchange-hub\", error=\"insufficient_scope\", "
                                + "error_description=\"The token lacks the scope this operation needs\", scope=\""
                                + String.join(" ", needed) + "\"");
                    }
                    write(request, response, Problems.Kind.FORBIDDEN, "This operation needs one of the "
                            + (appOnly ? "app roles " : "delegated scopes ") + String.join(", ", needed) + ".",
                            Map.of("requiredScopes", needed));
                    return;
                }
                case MAILBOX -> {
                    write(request, response, Problems.Kind.FORBIDDEN, "The caller may not open the mailbox " + denial.mailbox() + ".",
                            Map.of());
                    return;
                }
                case NO_RULE -> { }
            }
        }
        write(request, response, Problems.Kind.FORBIDDEN, "No access rule allows this operation.", Map.of());
    }

    /** Writes a problem document as the whole response. */
    void write(HttpServletRequest request, HttpServletResponse response, Problems.Kind kind, String detail, Map<String, ?> extensions)
            throws IOException {
        problems.write(request, response, kind, detail, extensions);
    }

    private static String quoted(String text) {
        return text == null ? "" : text.replace("\\", "").replace("\"", "'");
    }
}
