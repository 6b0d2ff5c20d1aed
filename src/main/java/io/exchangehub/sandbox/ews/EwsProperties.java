package io.exchangehub.sandbox.ews;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the sandbox's EWS face, under {@code hub.sandbox.ews.*}.
 *
 * @param maxRequestSize     the largest request body accepted; larger ones get HTTP 413, as IIS gives
 * @param streamingHeartbeat how often an open GetStreamingEvents connection says {@code ConnectionStatus OK}
 *                           when it has nothing else to send
 */
@ConfigurationProperties("hub.sandbox.ews")
public record EwsProperties(
        @DefaultValue("256MB") DataSize maxRequestSize,
        @DefaultValue("30s") Duration streamingHeartbeat) {}
