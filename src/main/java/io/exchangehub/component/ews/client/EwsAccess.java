package io.exchangehub.component.ews.client;

/**
 * Who one EWS call acts as: the mailbox it addresses and, for token authentication, the bearer
 * token; with {@code impersonate} the call carries an {@code ExchangeImpersonation} header naming
 * the mailbox. The token is never printed.
 *
 * @param mailbox     the SMTP address (UPN) of the mailbox the call addresses
 * @param bearerToken the token without its {@code Bearer} prefix, or null for NTLM and Basic
 * @param impersonate whether to impersonate the mailbox (app-only tokens)
 */
public record EwsAccess(String mailbox, String bearerToken, boolean impersonate) {

    @Override
    public String toString() {
        return "EwsAccess[mailbox=" + mailbox + ", bearerToken=" + (bearerToken == null ? "null" : "******")
                + ", impersonate=" + impersonate + "]";
    }
}
