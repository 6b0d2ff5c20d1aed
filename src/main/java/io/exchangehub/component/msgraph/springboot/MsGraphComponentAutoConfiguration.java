package io.exchangehub.component.msgraph.springboot;

import io.exchangehub.component.msgraph.MsGraphComponent;
import io.exchangehub.component.msgraph.notifications.MsGraphNotificationReceiver;
import io.exchangehub.config.HubProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code msgraph:} component in Spring Boot, as Camel's generated starters bind theirs:
 * {@code camel.component.msgraph.*} copied onto the component by a {@link ComponentCustomizer}.
 * Its defaults come from the hub's own settings: the base URL and scope from {@code hub.graph.*},
 * and in sandbox mode the notification URL from the hub's port. It also gives the receiver route
 * ({@code routes/notifications.camel.yaml}) its bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MsGraphComponentConfiguration.class)
class MsGraphComponentAutoConfiguration {

    /** Where Graph posts notifications, below the hub's root. */
    static final String RECEIVER_PATH = "/api/v1/notifications/graph";

    @Bean
    ComponentCustomizer msGraphComponentCustomizer(CamelContext camel, MsGraphComponentConfiguration configuration,
            HubProperties hub, Environment environment) {
        if (configuration.getBaseUrl() == null && hub.graph() != null && hub.graph().url() != null) {
            configuration.setBaseUrl(hub.graph().url().toString());
        }
        if (configuration.getScope() == null && hub.graph() != null && hub.graph().scope() != null) {
            configuration.setScope(hub.graph().scope());
        }
        if (configuration.getNotificationUrl() == null && hub.sandbox()) {
            configuration.setNotificationUrl("http://localhost:" + environment.getProperty("server.port", "8080") + RECEIVER_PATH);
        }
        return ComponentCustomizer.builder(MsGraphComponent.class)
                .build(component -> CamelPropertiesHelper.copyProperties(camel, configuration, component));
    }

    @Bean
    MsGraphNotificationReceiver msGraphNotifications(CamelContext camel, MeterRegistry meters) {
        return new MsGraphNotificationReceiver(() -> camel.getComponent("msgraph", MsGraphComponent.class).subscriptions(), meters);
    }
}
