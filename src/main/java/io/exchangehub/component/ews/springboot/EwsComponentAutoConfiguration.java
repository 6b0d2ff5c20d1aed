package io.exchangehub.component.ews.springboot;

import io.exchangehub.component.ews.EwsComponent;
import io.exchangehub.config.HubProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.PropertyBindingSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Binds {@code camel.component.ews.*} onto the {@code ews:} component when Camel creates it, the
 * way Camel's generated starters do: a {@link ComponentCustomizer} sets every given property on
 * the component's configuration (with Camel's property binding, so {@code #bean:} references
 * resolve), and the EWS URL defaults to {@code hub.ews.url}.
 */
@AutoConfiguration
@EnableConfigurationProperties(EwsComponentProperties.class)
@ConditionalOnProperty(name = "camel.component.ews.enabled", matchIfMissing = true)
public class EwsComponentAutoConfiguration {

    @Bean
    ComponentCustomizer ewsComponentCustomizer(CamelContext camelContext, EwsComponentProperties properties,
            ObjectProvider<HubProperties> hub) {
        return ComponentCustomizer.builder(EwsComponent.class).build(component -> {
            Map<String, Object> options = options(properties);
            if (!options.containsKey("url")) {
                HubProperties settings = hub.getIfAvailable();
                if (settings != null && settings.ews() != null && settings.ews().url() != null) {
                    options.put("url", settings.ews().url().toString());
                }
            }
            PropertyBindingSupport.build().withIgnoreCase(true).withRemoveParameters(false)
                    .bind(camelContext, component.getConfiguration(), options);
        });
    }

    static Map<String, Object> options(EwsComponentProperties p) {
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "url", p.getUrl());
        put(options, "mailbox", p.getMailbox());
        put(options, "authentication", p.getAuthentication());
        put(options, "accessTokenProvider", p.getAccessTokenProvider());
        put(options, "username", p.getUsername());
        put(options, "password", p.getPassword());
        put(options, "domain", p.getDomain());
        put(options, "maxConnections", p.getMaxConnections());
        put(options, "connectTimeout", p.getConnectTimeout());
        put(options, "readTimeout", p.getReadTimeout());
        put(options, "connectionRequestTimeout", p.getConnectionRequestTimeout());
        put(options, "idleConnectionTimeout", p.getIdleConnectionTimeout());
        put(options, "maxRetries", p.getMaxRetries());
        put(options, "maxBackOff", p.getMaxBackOff());
        put(options, "pageSize", p.getPageSize());
        put(options, "listDetails", p.getListDetails());
        put(options, "batchSize", p.getBatchSize());
        put(options, "bodyType", p.getBodyType());
        put(options, "timeZone", p.getTimeZone());
        put(options, "streamingThreshold", p.getStreamingThreshold());
        put(options, "subscriptionMode", p.getSubscriptionMode());
        put(options, "streamingLifetime", p.getStreamingLifetime());
        put(options, "pullInterval", p.getPullInterval());
        put(options, "syncInterval", p.getSyncInterval());
        put(options, "syncBatchSize", p.getSyncBatchSize());
        return options;
    }

    private static void put(Map<String, Object> options, String name, Object value) {
        if (value != null) {
            options.put(name, value);
        }
    }
}
