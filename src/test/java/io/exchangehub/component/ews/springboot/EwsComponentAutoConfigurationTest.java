package io.exchangehub.component.ews.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.component.ews.EwsAuthentication;
import io.exchangehub.component.ews.EwsComponent;
import io.exchangehub.config.HubProperties;
import io.exchangehub.model.Body;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class EwsComponentAutoConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HubProperties.class)
    static class Hub {
        @Bean
        CamelContext camelContext() {
            DefaultCamelContext context = new DefaultCamelContext();
            context.getRegistry().bind("ewsTokens", AccessTokenProvider.class, (AccessTokenProvider) mailbox -> "t");
            return context;
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EwsComponentAutoConfiguration.class)).withUserConfiguration(Hub.class);

    @Test
    void camelComponentEwsPropertiesBindOntoTheComponentAndTheUrlDefaultsToHubEwsUrl() {
        runner.withPropertyValues("hub.ews.url=https://mail.contoso.com/EWS/Exchange.asmx", "camel.component.ews.page-size=25",
                "camel.component.ews.authentication=APP_ONLY_IMPERSONATION", "camel.component.ews.body-type=TEXT",
                "camel.component.ews.access-token-provider=#bean:ewsTokens", "camel.component.ews.max-back-off=5000",
                "camel.component.ews.list-details=false")
                .run(context -> {
                    EwsComponent component = new EwsComponent();
                    context.getBean(ComponentCustomizer.class).configure("ews", component);
                    assertThat(component.getConfiguration().getUrl()).isEqualTo("https://mail.contoso.com/EWS/Exchange.asmx");
                    assertThat(component.getConfiguration().getPageSize()).isEqualTo(25);
                    assertThat(component.getConfiguration().getAuthentication())
                            .isEqualTo(EwsAuthentication.APP_ONLY_IMPERSONATION);
                    assertThat(component.getConfiguration().getBodyType()).isEqualTo(Body.ContentType.TEXT);
                    assertThat(component.getConfiguration().getMaxBackOff()).isEqualTo(5000);
                    assertThat(component.getConfiguration().isListDetails()).isFalse();
                    assertThat(component.getConfiguration().getAccessTokenProvider().accessToken("a@b")).isEqualTo("t");
                    assertThat(component.getConfiguration().getBatchSize()).as("unset keeps the default").isEqualTo(100);
                });
    }

    @Test
    void anExplicitUrlWinsAndTheComponentCanBeSwitchedOff() {
        runner.withPropertyValues("hub.ews.url=https://a.example/EWS/Exchange.asmx",
                "camel.component.ews.url=https://b.example/EWS/Exchange.asmx").run(context -> {
                    EwsComponent component = new EwsComponent();
                    context.getBean(ComponentCustomizer.class).configure("ews", component);
                    assertThat(component.getConfiguration().getUrl()).isEqualTo("https://b.example/EWS/Exchange.asmx");
                });
        runner.withPropertyValues("camel.component.ews.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(ComponentCustomizer.class));
    }
}
