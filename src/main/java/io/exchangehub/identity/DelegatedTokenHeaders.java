package io.exchangehub.identity;

import org.apache.camel.Exchange;

/**
 * The bean {@code delegatedTokens}: puts the token for the caller's operation into the header the backend's
 * component reads ({@code CamelEwsAccessToken}, {@code CamelMsGraphAccessToken}), on the user's behalf or,
 * for an app-only caller, the hub's own. Routes call {@code ews} or {@code msGraph} right before the
 * backend call; the header is removed from what leaves the hub by the {@code redact-credentials-action}.
 */
public final class DelegatedTokenHeaders {

    private final ExchangeTokens tokens;

    DelegatedTokenHeaders(ExchangeTokens tokens) {
        this.tokens = tokens;
    }

    /** Sets {@code CamelEwsAccessToken}. */
    public void ews(Exchange exchange) {
        set(exchange, ExchangeTokens.Backend.EWS);
    }

    /** Sets {@code CamelMsGraphAccessToken}. */
    public void msGraph(Exchange exchange) {
        set(exchange, ExchangeTokens.Backend.MS_GRAPH);
    }

    private void set(Exchange exchange, ExchangeTokens.Backend backend) {
        exchange.getMessage().setHeader(backend.header(), tokens.forCaller(backend, CallerHeaders.required(exchange)));
    }
}
