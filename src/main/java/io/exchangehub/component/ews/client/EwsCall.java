package io.exchangehub.component.ews.client;

import microsoft.exchange.webservices.data.core.ExchangeService;

/**
 * One piece of work against a leased, prepared {@link ExchangeService}.
 *
 * @param <T> its result
 */
@FunctionalInterface
public interface EwsCall<T> {

    T call(ExchangeService service) throws Exception;
}
