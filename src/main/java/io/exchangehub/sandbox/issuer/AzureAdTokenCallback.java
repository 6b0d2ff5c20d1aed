package io.exchangehub.sandbox.issuer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * Shapes mock-oauth2-server's tokens like Azure AD v2 access tokens: {@code aud} is the API
 * the scope names, {@code scp} the delegated scopes or {@code roles} the app roles granted,
 * and {@code tid}, {@code azp}, {@code ver}. User claims ({@code oid}, {@code preferred_username},
 * {@code name}) come from the login (see {@link IssuerGatekeeper}) or, for on-behalf-of, from
 * the user's own token, which the server copies.
 */
final class AzureAdTokenCallback implements OAuth2TokenCallback {

    private final String issuerId;
    private final String tenantId;
    private final SandboxResources resources;
    private final SandboxApps apps;
    private final long lifetimeSeconds;
    private final AuthorizationScopes authorizationScopes;

    AzureAdTokenCallback(String issuerId, String tenantId, SandboxResources resources, SandboxApps apps, long lifetimeSeconds,
            AuthorizationScopes authorizationScopes) {
        this.authorizationScopes = authorizationScopes;
        this.issuerId = issuerId;
        this.tenantId = tenantId;
        this.resources = resources;
        this.apps = apps;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    @Override
    public String issuerId() {
        return issuerId;
    }

    @Override
    public String subject(TokenRequest request) {
        SandboxApps.App app = apps.byClientId(clientId(request));
        return app == null ? null : app.servicePrincipalId();
    }

    @Override
    public String typeHeader(TokenRequest request) {
        return JOSEObjectType.JWT.getType();
    }

    @Override
    public List<String> audience(TokenRequest request) {
        return List.of(scopes(request).resource().audience());
    }

    @Override
    public Map<String, Object> addClaims(TokenRequest request) {
        Map<String, Object> claims = new LinkedHashMap<>();
        String clientId = clientId(request);
        claims.put("tid", tenantId);
        claims.put("ver", "2.0");
        claims.put("azp", clientId);
        claims.put("azpacr", request.getClientAuthentication() == null ? "0" : "1");
        claims.put("uti", UUID.randomUUID().toString().replace("-", "").substring(0, 22));
        ScopeRequest scopes = scopes(request);
        if (isAppOnly(request)) {
            SandboxApps.App app = apps.byClientId(clientId);
            claims.put("roles", scopes.permissions());
            claims.put("idtyp", "app");
            claims.put("oid", app == null ? clientId : app.servicePrincipalId());
        } else {
            claims.put("scp", String.join(" ", scopes.permissions()));
        }
        return claims;
    }

    @Override
    public long tokenExpiry() {
        return lifetimeSeconds;
    }

    private ScopeRequest scopes(TokenRequest request) {
        return ScopeRequest.parse(scope(request), resources, isAppOnly(request));
    }

    /** The requested scope; for a code redemption, the scope of the authorization request that made the code. */
    private String scope(TokenRequest request) {
        if (request.getAuthorizationGrant() instanceof AuthorizationCodeGrant grant) {
            return authorizationScopes.scopeOf(grant.getAuthorizationCode().getValue());
        }
        return request.getScope() == null ? null : request.getScope().toString();
    }

    private static boolean isAppOnly(TokenRequest request) {
        return GrantType.CLIENT_CREDENTIALS.equals(request.getAuthorizationGrant().getType());
    }

    private static String clientId(TokenRequest request) {
        ClientAuthentication authentication = request.getClientAuthentication();
        if (authentication != null) {
            return authentication.getClientID().getValue();
        }
        return request.getClientID() == null ? null : request.getClientID().getValue();
    }
}
