package io.exchangehub.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's own settings, under {@code hub.*}. Secrets (the client secret) come only from the
 * environment ({@code HUB_IDENTITY_CLIENT_SECRET}); no file in this repository holds one.
 *
 * @param mode     {@code sandbox} or {@code production}; set from the active profile at start-up
 * @param ews      the on-premises Exchange EWS endpoint
 * @param graph    the Microsoft Graph endpoint for Exchange Online mailboxes
 * @param identity the Azure AD tenant and the hub's app registration
 * @param redisKeyPrefix the prefix of every Redis key the hub writes, so that hubs (or test runs) can share a Redis
 */
@ConfigurationProperties("hub")
public record HubProperties(String mode, Ews ews, Graph graph, Identity identity,
        @DefaultValue("hub:") String redisKeyPrefix) {

    /**
     * @param enabled whether any mailbox is served through EWS; when false, production needs no EWS URL
     * @param url     the EWS endpoint, e.g. {@code https://mail.contoso.com/EWS/Exchange.asmx}
     * @param scope   the delegated scope the hub asks for on behalf of the user, e.g.
     *                {@code https://mail.contoso.com/EWS.AccessAsUser.All}
     */
    public record Ews(boolean enabled, URI url, String scope) {}

    /**
     * @param enabled whether any mailbox is served through Microsoft Graph
     * @param url     the Graph base URL, {@code https://graph.microsoft.com/v1.0} unless a national cloud
     * @param scope   the delegated scope, e.g. {@code https://graph.microsoft.com/.default}
     */
    public record Graph(boolean enabled, URI url, String scope) {}

    /**
     * @param tenantId     the Azure AD tenant (directory) id
     * @param authority    the token authority, {@code https://login.microsoftonline.com/<tenant>/} unless set
     * @param clientId     the hub's application (client) id
     * @param clientSecret the hub's client secret, from the environment only
     * @param apiAudience  the hub's application ID URI, the {@code aud} of tokens the CRM sends
     */
    public record Identity(String tenantId, URI authority, String clientId, String clientSecret, String apiAudience) {

        /** Without the secret: a record's default would print it wherever the settings are logged. */
        @Override
        public String toString() {
            return "Identity[tenantId=" + tenantId + ", authority=" + authority + ", clientId=" + clientId
                    + ", clientSecret=" + (clientSecret == null ? "null" : "******") + ", apiAudience=" + apiAudience + "]";
        }
    }

    public boolean sandbox() {
        return HubMode.SANDBOX.id().equals(mode);
    }
}
