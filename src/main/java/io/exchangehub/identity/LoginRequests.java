package io.exchangehub.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * {@code GET /auth/login} starts the sign-in: an authorization code request with PKCE (S256) to the
 * issuer, for the hub's one registration. Spring's resolver expects {@code /auth/login/{registration}};
 * the hub has a single registration, so its login URL names none.
 */
final class LoginRequests implements OAuth2AuthorizationRequestResolver {

    static final String LOGIN_PATH = "/auth/login";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;
    private final String registrationId;

    LoginRequests(ClientRegistrationRepository registrations, String registrationId) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, LOGIN_PATH);
        this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        this.registrationId = registrationId;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return isLogin(request) ? delegate.resolve(request, registrationId) : null;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return isLogin(request) ? delegate.resolve(request, clientRegistrationId) : null;
    }

    private static boolean isLogin(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) && LOGIN_PATH.equals(request.getRequestURI());
    }
}
