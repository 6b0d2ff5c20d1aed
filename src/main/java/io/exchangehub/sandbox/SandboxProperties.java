package io.exchangehub.sandbox;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the built-in Exchange sandbox, under {@code hub.sandbox.*}; used only in sandbox mode.
 *
 * @param seed        the seed every generated mailbox is derived from: same seed, same mailboxes
 * @param anchor      the day the generated mail and calendars are centred on; empty means today (UTC)
 * @param domain      the mail domain of the sandbox organisation
 * @param tenantId    the tenant id ({@code tid}) of the sandbox's Azure AD stand-in
 * @param issuerPort  the port of the sandbox issuer (https); 0 picks a free one
 * @param clientId    the client id of the hub's app registration in the sandbox
 * @param apiAudience the hub's application ID URI: the audience of tokens for the hub's API
 * @param ewsAudience the audience of tokens for the sandbox's EWS face
 * @param graphAudience the audience of tokens for the sandbox's Graph face
 * @param redis       how a sandbox hub finds a Redis
 * @param populateOnStart build every mailbox right after start-up, in the background
 */
@ConfigurationProperties("hub.sandbox")
public record SandboxProperties(
        long seed,
        LocalDate anchor,
        String domain,
        String tenantId,
        int issuerPort,
        String clientId,
        String apiAudience,
        String ewsAudience,
        String graphAudience,
        Redis redis,
        boolean populateOnStart) {

    /**
     * @param useLocal use a Redis answering on 127.0.0.1:6379 before starting an embedded one
     */
    public record Redis(boolean useLocal) {}

    public LocalDate anchorOrToday() {
        return anchor != null ? anchor : LocalDate.now(java.time.ZoneOffset.UTC);
    }
}
