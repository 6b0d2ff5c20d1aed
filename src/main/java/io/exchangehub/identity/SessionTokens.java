package io.exchangehub.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a browser session authenticate a request exactly as a bearer token does: the session keeps the
 * tokens of the sign-in (in Redis), and on every request its access token for the hub's API is taken
 * (refreshed through the refresh token shortly before it expires) and validated by the same decoder
 * as a bearer token. The request then carries that token's identity and scopes for this request only;
 * the session keeps the sign-in. A session whose tokens cannot be refreshed ends.
 */
final class SessionTokens extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);
    private static final String SESSION_ATTRIBUTE = SessionTokens.class.getName() + ".session";

    private final OAuth2AuthorizedClientManager clients;
    private final JwtDecoder decoder;
    private final String registrationId;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final JwtAuthenticationConverter converter = new JwtAuthenticationConverter();

    SessionTokens(OAuth2AuthorizedClientManager clients, JwtDecoder decoder, String registrationId) {
        this.clients = clients;
        this.decoder = decoder;
        this.registrationId = registrationId;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = contexts.getContext().getAuthentication();
        if (current instanceof OAuth2AuthenticationToken login) {
            Jwt token = accessToken(login, request, response);
            SecurityContext context = contexts.createEmptyContext();
            if (token != null) {
                context.setAuthentication(converter.convert(token));
                request.setAttribute(SESSION_ATTRIBUTE, Boolean.TRUE);
            } else {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /**
     * Also on the request's later dispatches: platform-http completes a route asynchronously, and the
     * authorization of that dispatch must see the session's token as the first one did.
     */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private Jwt accessToken(OAuth2AuthenticationToken login, HttpServletRequest request, HttpServletResponse response) {
        try {
            OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
                    .principal(login).attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response).build());
            return client == null ? null : decoder.decode(client.getAccessToken().getTokenValue());
        } catch (OAuth2AuthorizationException | OAuth2AuthenticationException | JwtException e) {
            log.info("A browser session ended: its tokens could not be refreshed or are no longer valid ({})", e.getClass().getSimpleName());
            return null;
        }
    }

    /** Whether the request was authenticated by a browser session rather than a bearer token. */
    static boolean isSession(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SESSION_ATTRIBUTE));
    }

    /** The request's caller: its settled context, else the identity of its validated token, else null. */
    static CallerContext caller(HttpServletRequest request) {
        CallerContext settled = CallerContext.from(request);
        if (settled != null) {
            return settled;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? CallerContext.of(jwt.getToken(), isSession(request)) : null;
    }
}
