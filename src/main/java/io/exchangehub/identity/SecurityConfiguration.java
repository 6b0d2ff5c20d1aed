package io.exchangehub.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.Problems;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.client.RestClient;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Zero trust at the hub's door, configured in Spring Security:
 * <ul>
 *   <li>{@code /api/**}: a bearer token (OAuth2 resource server) or a browser session, validated on every
 *       request, then the access rules ({@link ApiAuthorization}); public operations excepted;</li>
 *   <li>{@code /auth/**}: the browser sign-in (authorization code with PKCE, Spring Security's OAuth2
 *       login), {@code /auth/me}, and sign-out; the session lives in Redis (Spring Session);</li>
 *   <li>{@code /sandbox/**}, health and info: public; everything else is refused;</li>
 *   <li>on every response: CSP with {@code frame-ancestors}, HSTS over TLS, {@code nosniff}, no referrer;
 *       CORS only for configured origins; CSRF tokens for state-changing requests of a session.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String REGISTRATION_ID = "hub";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    /** The API's browsable documentation (swagger-ui over /api/v1/openapi.json). */
    static final String DOCS_PATH = "/api/v1/docs";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    ClientRegistrationRepository clientRegistrations(AzureAd azureAd) {
        ClientRegistration hub = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(azureAd.clientId())
                .clientSecret(azureAd.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/auth/callback")
                .scope(IdentityConfiguration.sessionScopes(azureAd))
                .authorizationUri(azureAd.authorizationEndpoint().toString())
                .tokenUri(azureAd.tokenEndpoint().toString())
                .jwkSetUri(azureAd.jwksUri().toString())
                .issuerUri(azureAd.issuerFor(azureAd.tenantId()))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName("Exchange Hub")
                .build();
        return new InMemoryClientRegistrationRepository(hub);
    }

    /** The sign-in's tokens live in the session, so in Redis, never in one instance's memory. */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients, IssuerTrust trust, IdentityProperties properties, AzureAd azureAd) {
        RestClientRefreshTokenTokenResponseClient refresh = new RestClientRefreshTokenTokenResponseClient();
        refresh.setRestClient(tokenEndpointClient(trust, properties));
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .refreshToken(token -> token.accessTokenResponseClient(refresh).clockSkew(properties.clockSkew()))
                .build());
        // Azure AD issues a refreshed token for the scope asked for; without one it would be a Graph token
        String[] scopes = IdentityConfiguration.sessionScopes(azureAd).toArray(String[]::new);
        manager.setContextAttributesMapper(request -> Map.of(OAuth2AuthorizationContext.REQUEST_SCOPE_ATTRIBUTE_NAME, scopes));
        return manager;
    }

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, JwtDecoder jwtDecoder, IdentityProperties identity,
            WebSecurityProperties web, AccessRules rules, MailboxAccess mailboxes, ProblemResponses problems,
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientManager authorizedClientManager,
            OAuth2AuthorizedClientRepository authorizedClients, IssuerTrust trust, RateLimiter rateLimiter,
            ExchangeTokens exchangeTokens, ObjectMapper json,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) throws Exception {
        RestClientAuthorizationCodeTokenResponseClient codeRedemption = new RestClientAuthorizationCodeTokenResponseClient();
        codeRedemption.setRestClient(tokenEndpointClient(trust, identity));
        SimpleUrlAuthenticationSuccessHandler signedIn = new SimpleUrlAuthenticationSuccessHandler(identity.session().postLoginRedirect());
        signedIn.setAlwaysUseDefaultTargetUrl(true);

        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/**", "/api").access(new ApiAuthorization(rules, mailboxes))
                        .requestMatchers("/auth/me").authenticated()
                        .requestMatchers("/sandbox/**", "/actuator/health/**", "/actuator/info", "/auth/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new StrictBearerTokenResolver(identity.maxTokenSize()))
                        .jwt(jwt -> jwt.decoder(jwtDecoder))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(problems::authenticationFailed);
                                return filter;
                            }
                        })
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .oauth2Login(login -> login
                        .loginPage(LoginRequests.LOGIN_PATH)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(new LoginRequests(registrations, REGISTRATION_ID)))
                        .redirectionEndpoint(endpoint -> endpoint.baseUri("/auth/callback"))
                        .loginProcessingUrl("/auth/callback")
                        .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(codeRedemption))
                        .authorizedClientRepository(authorizedClients)
                        .successHandler(signedIn)
                        .failureHandler((request, response, failure) -> problems.write(request, response, Problems.Kind.UNAUTHORIZED,
                                "The sign-in did not complete; start again at /auth/login.", Map.of())))
                .logout(logout -> logout
                        .logoutUrl("/auth/logout")
                        .addLogoutHandler(forgetDelegatedTokens(authorizedClients, exchangeTokens))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT))
                        .deleteCookies(sessionCookie))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfCookies(identity))
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(request -> needsCsrfToken(request, sessionCookie)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // a refused API call must not start a session in Redis just to remember where it wanted to go
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .headers(headers -> {
                    // the API's documentation page runs the hub's own scripts; every other response runs none
                    RequestMatcher docs = PathPatternRequestMatcher.withDefaults().matcher(DOCS_PATH + "/**");
                    headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs,
                                    new ContentSecurityPolicyHeaderWriter(web.docsContentSecurityPolicyWithFrameAncestors())))
                            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(docs),
                                    new ContentSecurityPolicyHeaderWriter(web.contentSecurityPolicyWithFrameAncestors())))
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
                    // CSP frame-ancestors names the allowed framers; X-Frame-Options can only say DENY or SAMEORIGIN
                    headers.frameOptions(frames -> {
                        if (web.frameAncestors().isEmpty()) {
                            frames.deny();
                        } else {
                            frames.disable();
                        }
                    });
                })
                .addFilterBefore(new AbsoluteSessionTimeout(identity.session().absoluteTimeout(), Clock.systemUTC()),
                        SecurityContextHolderFilter.class)
                .addFilterAfter(new AuditLog(rules, json), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionTokens(authorizedClientManager, jwtDecoder, REGISTRATION_ID), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new RequestLimits(rules, rateLimiter, web.maxBodySize(), problems), AuthorizationFilter.class);
        if (web.corsAllowedOrigins().isEmpty()) {
            http.cors(cors -> cors.disable());
        } else {
            http.cors(cors -> cors.configurationSource(corsConfiguration(web.corsAllowedOrigins())));
        }
        return http.build();
    }

    /** The configured origins may call {@code /api/**} and {@code /auth/**} with credentials. */
    static UrlBasedCorsConfigurationSource corsConfiguration(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", CSRF_HEADER, "traceparent"));
        cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        source.registerCorsConfiguration("/auth/**", cors);
        return source;
    }

    private static CookieCsrfTokenRepository csrfCookies(IdentityProperties identity) {
        CookieCsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();
        cookies.setCookieName(identity.session().csrfCookieName());
        cookies.setHeaderName(CSRF_HEADER);
        cookies.setCookieCustomizer(cookie -> cookie.secure(true).path("/").sameSite("Strict"));
        return cookies;
    }

    /**
     * Only a request that a browser authenticates by itself, with the session cookie, can be forged across
     * sites; a bearer token has to be added by the caller's own code. The sandbox's test endpoints are
     * outside the hub's trust.
     */
    static boolean needsCsrfToken(HttpServletRequest request, String sessionCookie) {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader("Authorization") != null
                || request.getRequestURI().startsWith("/sandbox/")) {
            return false;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(sessionCookie)) {
                return true;
            }
        }
        return false;
    }

    /** At sign-out, the tokens exchanged on behalf of the session's token are dropped from the cache. */
    private static LogoutHandler forgetDelegatedTokens(OAuth2AuthorizedClientRepository authorizedClients, ExchangeTokens tokens) {
        return (request, response, authentication) -> {
            if (authentication instanceof OAuth2AuthenticationToken login) {
                OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(REGISTRATION_ID, login, request);
                Object oid = login.getPrincipal().getAttribute("oid");
                Object tid = login.getPrincipal().getAttribute("tid");
                if (client != null && oid != null && tid != null) {
                    tokens.forget(tid.toString(), oid.toString(), client.getAccessToken().getTokenValue());
                }
            }
        };
    }

    private static RestClient tokenEndpointClient(IssuerTrust trust, IdentityProperties properties) {
        return RestClient.builder()
                .requestFactory(trust.requestFactory(IdentityConfiguration.issuerTimeout(properties)))
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }
}
