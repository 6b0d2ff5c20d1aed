package io.exchangehub.sandbox.issuer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import kotlin.jvm.functions.Function1;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;

/**
 * Stands in front of mock-oauth2-server to make it behave like Azure AD where that matters to
 * the hub: only registered apps with the right secret get tokens; the login form accepts only
 * sandbox users and gives them their real claims (not whatever the form says); an
 * on-behalf-of assertion must be a valid, unexpired user token of this issuer addressed to the
 * hub; scopes are read as Azure AD v2 reads them. Everything else goes to the server unchanged.
 */
final class IssuerGatekeeper implements Route {

    /** A user who may sign in. */
    record User(String upn, String name, String objectId) {}

    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Function1<OAuth2HttpRequest, OAuth2HttpResponse> server;
    private final Function<String, User> users;
    private final SandboxApps apps;
    private final SandboxResources resources;
    private final Supplier<String> issuer;
    private final String tenantId;
    private final String hubAudience;
    private final DefaultJWTProcessor<SecurityContext> assertionProcessor = new DefaultJWTProcessor<>();
    private final ObjectMapper json = new ObjectMapper();
    private final AuthorizationScopes authorizationScopes;

    IssuerGatekeeper(Function1<OAuth2HttpRequest, OAuth2HttpResponse> server, Function<String, User> users, SandboxApps apps,
            SandboxResources resources, Supplier<String> issuer, String tenantId, String hubAudience, JWKSet keys,
            AuthorizationScopes authorizationScopes) {
        this.server = server;
        this.authorizationScopes = authorizationScopes;
        this.users = users;
        this.apps = apps;
        this.resources = resources;
        this.issuer = issuer;
        this.tenantId = tenantId;
        this.hubAudience = hubAudience;
        assertionProcessor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return true;
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        String path = request.getUrl().encodedPath();
        try {
            if ("POST".equals(request.getMethod()) && path.endsWith("/authorize")) {
                return login(request);
            }
            if ("POST".equals(request.getMethod()) && path.endsWith("/token")) {
                OAuth2HttpResponse response = server.invoke(checkTokenRequest(request));
                authorizationScopes.forget(form(request.getBody()).get("code"));
                return response;
            }
            return server.invoke(request);
        } catch (IssuerException e) {
            return error(e);
        }
    }

    private OAuth2HttpResponse login(OAuth2HttpRequest request) {
        Map<String, String> form = form(request.getBody());
        User user = users.apply(form.getOrDefault("username", "").trim());
        if (user == null) {
            return new OAuth2HttpResponse(Headers.of("Content-Type", "text/html;charset=UTF-8"), 400,
                    "<!doctype html><title>Sign-in failed</title><p>AADSTS50034: The user account does not exist in the "
                            + "sandbox directory. Go back and pick a sandbox user.</p>", null);
        }
        String clientId = request.getUrl().queryParameter("client_id");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", pairwiseSubject(user.objectId(), clientId));
        claims.put("oid", user.objectId());
        claims.put("preferred_username", user.upn());
        claims.put("upn", user.upn());
        claims.put("name", user.name());
        claims.put("tid", tenantId);
        Map<String, String> rewritten = new LinkedHashMap<>();
        rewritten.put("username", user.upn());
        rewritten.put("claims", write(claims));
        OAuth2HttpResponse response = server.invoke(withBody(request, rewritten));
        String location = response.getHeaders().get("Location");
        String scope = request.getUrl().queryParameter("scope");
        if (location != null && scope != null) {
            String code = queryParameter(location, "code");
            if (code != null) {
                authorizationScopes.remember(code, scope);
            }
        }
        return response;
    }

    private OAuth2HttpRequest checkTokenRequest(OAuth2HttpRequest request) {
        Map<String, String> form = form(request.getBody());
        String grantType = form.getOrDefault("grant_type", "");
        String[] basic = basicCredentials(request.getHeaders().get("Authorization"));
        String clientId = basic != null ? basic[0] : form.get("client_id");
        String secret = basic != null ? basic[1] : form.get("client_secret");
        SandboxApps.App app = clientId == null ? null : apps.byClientId(clientId);
        if (app == null) {
            throw new IssuerException("unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenantId + "'.");
        }
        if (app.confidential() && !app.clientSecret().equals(secret)) {
            throw new IssuerException("invalid_client", 7000215, "Invalid client secret provided.");
        }
        if (!app.confidential() && (grantType.equals("client_credentials") || grantType.equals(JWT_BEARER))) {
            throw new IssuerException("invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        switch (grantType) {
            case "client_credentials" -> ScopeRequest.parse(form.get("scope"), resources, true);
            case JWT_BEARER -> {
                if (!"on_behalf_of".equals(form.get("requested_token_use"))) {
                    throw new IssuerException("invalid_request", 50034, "requested_token_use must be on_behalf_of.");
                }
                checkAssertion(form.get("assertion"), app);
                ScopeRequest.parse(form.get("scope"), resources, false);
            }
            case "authorization_code" -> ScopeRequest.parse(authorizationScopes.scopeOf(form.get("code")), resources, false);
            case "refresh_token" -> {
                if (form.get("scope") != null) {
                    ScopeRequest.parse(form.get("scope"), resources, false);
                }
            }
            default -> throw new IssuerException("unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + grantType + "'.");
        }
        return request;
    }

    /** An on-behalf-of assertion must be this issuer's valid user token for the hub's API. */
    private void checkAssertion(String assertion, SandboxApps.App app) {
        if (assertion == null || assertion.isBlank()) {
            throw new IssuerException("invalid_request", 90014, "The request body must contain the following parameter: 'assertion'.");
        }
        JWTClaimsSet claims;
        try {
            claims = assertionProcessor.process(assertion, null);
        } catch (ParseException e) {
            throw new IssuerException("invalid_grant", 50027, "JWT token is invalid or malformed.");
        } catch (BadJOSEException | JOSEException e) {
            throw new IssuerException("invalid_grant", 50013, "Assertion failed signature validation.");
        }
        if (!issuer.get().equals(claims.getIssuer())) {
            throw new IssuerException("invalid_grant", 50013, "Assertion failed signature validation: wrong issuer.");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !(audience.contains(hubAudience) || audience.contains(app.clientId()))) {
            throw new IssuerException("invalid_grant", 50013, "Assertion audience does not match the Client app presenting the assertion.");
        }
        Instant now = Instant.now();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(now)
                || (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().isAfter(now.plusSeconds(300)))) {
            throw new IssuerException("invalid_grant", 500133, "Assertion is not within its valid time range.");
        }
        if (claims.getClaim("scp") == null) {
            throw new IssuerException("invalid_grant", 50013, "An app-only token cannot be exchanged on behalf of a user.");
        }
    }

    private OAuth2HttpResponse error(IssuerException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("error_description", e.description());
        body.put("error_codes", List.of(e.aadstsCode()));
        body.put("timestamp", Instant.now().toString());
        body.put("trace_id", UUID.randomUUID().toString());
        body.put("correlation_id", UUID.randomUUID().toString());
        int status = e.error().equals("invalid_client") ? 401 : 400;
        return new OAuth2HttpResponse(Headers.of("Content-Type", "application/json; charset=utf-8"), status, write(body), null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Azure AD's {@code sub} differs per app for the same user; derive it the same way here. */
    private static String pairwiseSubject(String objectId, String clientId) {
        UUID pairwise = UUID.nameUUIDFromBytes((objectId + "|" + clientId).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(pairwise.toString().getBytes(StandardCharsets.UTF_8))
                .substring(0, 43);
    }

    private static OAuth2HttpRequest withBody(OAuth2HttpRequest request, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return new OAuth2HttpRequest(request.getHeaders(), request.getMethod(), request.getOriginalUrl(), body.toString());
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        return query < 0 ? null : form(url.substring(query + 1)).get(name);
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
