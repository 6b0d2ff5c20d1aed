package io.exchangehub.component.ews.client;

import java.net.URI;
import java.time.Duration;

/**
 * What an {@link EwsClient} is built from (the component's options for one EWS URL).
 *
 * @param url                      the EWS endpoint
 * @param maxConnections           the HTTP pool's size (and the most concurrent calls)
 * @param connectTimeout           to open a connection
 * @param readTimeout              to wait for bytes of an answer
 * @param connectionRequestTimeout to wait for a free pooled connection
 * @param idleConnectionTimeout    how long an idle connection stays in the pool
 * @param maxRetries               retries of an ErrorServerBusy answer
 * @param maxBackOff               the longest BackOffMilliseconds the client waits before it gives up and throttles
 */
public record EwsClientSettings(URI url, int maxConnections, Duration connectTimeout, Duration readTimeout,
        Duration connectionRequestTimeout, Duration idleConnectionTimeout, int maxRetries, Duration maxBackOff) {}
