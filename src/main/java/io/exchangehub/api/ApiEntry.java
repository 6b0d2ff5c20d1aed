package io.exchangehub.api;

import io.exchangehub.api.contract.ApiContract;
import org.apache.camel.Exchange;

/**
 * The bean {@code apiEntry}: the first step of every API route (the {@code api} route
 * configuration runs it when a route is entered). The request must keep the contract, and its
 * conditional headers are kept before the route's steps replace the message's headers.
 */
public final class ApiEntry {

    private final ApiContract contract;

    public ApiEntry(ApiContract contract) {
        this.contract = contract;
    }

    public void begin(Exchange exchange) {
        contract.validate(exchange);
        ApiResponses.remember(exchange);
    }
}
