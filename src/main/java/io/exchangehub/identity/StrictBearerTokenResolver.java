package io.exchangehub.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.util.unit.DataSize;

/**
 * Reads the bearer token of a request to the hub ({@code /api}, {@code /auth}) from the {@code Authorization}
 * header only. Spring's resolver merely ignores
 * a token in the query string or a form body; this one refuses the request (RFC 6750 {@code invalid_request}),
 * so that a client leaking its tokens into URLs, logs and browser history learns it at once. An oversized
 * token is refused before it is parsed.
 */
final class StrictBearerTokenResolver implements BearerTokenResolver {

    static final String ACCESS_TOKEN_PARAMETER = "access_token";

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final long maxTokenBytes;

    StrictBearerTokenResolver(DataSize maxTokenSize) {
        this.maxTokenBytes = maxTokenSize.toBytes();
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/api") && !path.startsWith("/auth/")) {
            // the sandbox's faces take tokens for Exchange, not for the hub, and check them themselves
            return null;
        }
        String query = request.getQueryString();
        if (query != null && (query.startsWith(ACCESS_TOKEN_PARAMETER + "=") || query.contains("&" + ACCESS_TOKEN_PARAMETER + "="))) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest(
                    "Bearer tokens are accepted only in the Authorization header, never in the query string"));
        }
        String token = header.resolve(request);
        if (token != null && token.length() > maxTokenBytes) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("The bearer token is too large"));
        }
        return token;
    }

    /** The RFC 6750 error of an authentication failure, if it has one. */
    static BearerTokenError bearerError(Exception failure) {
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError error) {
            return error;
        }
        if (failure instanceof OAuth2AuthenticationException oauth) {
            return BearerTokenErrors.invalidToken(oauth.getError().getDescription() == null ? "The bearer token is not valid"
                    : oauth.getError().getDescription());
        }
        return null;
    }
}
