package io.exchangehub.identity;

import io.exchangehub.config.HubProperties;
import java.net.URI;
import java.util.List;

/**
 * The hub's Azure AD tenant and app registration with every endpoint settled: what is configured,
 * else what Azure AD v2 uses, derived from the authority ({@code https://login.microsoftonline.com/<tenant>/}
 * unless a national cloud or the sandbox's issuer is configured).
 *
 * @param tenantId       the hub's tenant
 * @param authority      the authority, ending in {@code /}
 * @param issuer         the expected {@code iss}, possibly with {@code {tenantid}}
 * @param jwksUri        the issuer's signing keys
 * @param clientId       the hub's application (client) id
 * @param clientSecret   the hub's secret
 * @param apiAudience    the hub's application ID URI
 * @param allowedTenants tenants whose tokens are accepted
 */
public record AzureAd(String tenantId, URI authority, String issuer, URI jwksUri, String clientId, String clientSecret,
        String apiAudience, List<String> allowedTenants) {

    static final String ENTRA_LOGIN = "https://login.microsoftonline.com/";

    static AzureAd of(HubProperties.Identity identity, IdentityProperties properties) {
        String tenant = identity.tenantId();
        String authority = identity.authority() != null ? identity.authority().toString() : ENTRA_LOGIN + tenant + "/";
        if (!authority.endsWith("/")) {
            authority = authority + "/";
        }
        String issuer = properties.issuer() != null ? properties.issuer() : authority + "v2.0";
        URI jwks = properties.jwksUri() != null ? properties.jwksUri() : URI.create(authority + "discovery/v2.0/keys");
        List<String> tenants = properties.allowedTenants().isEmpty() ? List.of(tenant) : properties.allowedTenants();
        return new AzureAd(tenant, URI.create(authority), issuer, jwks, identity.clientId(), identity.clientSecret(),
                identity.apiAudience(), tenants);
    }

    public URI authorizationEndpoint() {
        return authority.resolve("oauth2/v2.0/authorize");
    }

    public URI tokenEndpoint() {
        return authority.resolve("oauth2/v2.0/token");
    }

    /** The issuer a token of the given tenant must name. */
    public String issuerFor(String tokenTenant) {
        return issuer.replace("{tenantid}", tokenTenant == null ? "" : tokenTenant);
    }

    /**
     * Audiences of the hub's own tokens: Azure AD v2 access tokens name the API by its client id, v1 tokens
     * (and the sandbox's) by its application ID URI.
     */
    public List<String> audiences() {
        return List.of(apiAudience, clientId);
    }

    /** The scope that asks Azure AD for a token to the hub's own API. */
    public String apiScope() {
        return apiAudience + "/.default";
    }

    /** Without the secret: a record's default would print it wherever the settings are logged. */
    @Override
    public String toString() {
        return "AzureAd[tenantId=" + tenantId + ", authority=" + authority + ", issuer=" + issuer + ", clientId=" + clientId
                + ", clientSecret=******, apiAudience=" + apiAudience + ", allowedTenants=" + allowedTenants + "]";
    }
}
