package io.exchangehub.component.ews;

/** How the component authenticates to EWS. */
public enum EwsAuthentication {

    /**
     * A bearer token per exchange: the user's delegated token from the {@code CamelEwsAccessToken}
     * header, else from the endpoint's {@code accessTokenProvider} (consumers, background jobs).
     */
    BEARER,

    /**
     * An app-only token ({@code full_access_as_app}) from the endpoint's {@code accessTokenProvider},
     * acting as the mailbox through the {@code ExchangeImpersonation} SOAP header.
     */
    APP_ONLY_IMPERSONATION,

    /** A service account with NTLM, for on-premises servers without modern authentication. */
    NTLM,

    /** A service account with HTTP Basic, for legacy servers; use it only over https. */
    BASIC
}
