package io.exchangehub.component;

/**
 * Gives a component a bearer token for a mailbox when the exchange carries none: consumers
 * (notifications run without a user request) and configured app-only access. The hub's
 * identity layer implements it with on-behalf-of tokens kept per user, or with app-only
 * tokens; a token is never logged.
 */
@FunctionalInterface
public interface AccessTokenProvider {

    /**
     * @param mailbox the SMTP address of the mailbox to access
     * @return a bearer token (without the {@code Bearer} prefix) valid for the component's backend
     */
    String accessToken(String mailbox);
}
