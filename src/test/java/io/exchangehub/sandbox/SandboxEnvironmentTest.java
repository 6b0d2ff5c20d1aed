package io.exchangehub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SandboxEnvironmentTest {

    private static StandardEnvironment environment(Map<String, Object> given) {
        Map<String, Object> properties = new HashMap<>(Map.of("hub.mode", "sandbox", "hub.sandbox.tenant-id", "tenant-1",
                "hub.sandbox.ews-audience", "https://mail.test", "hub.sandbox.graph-audience", "https://graph.test",
                "hub.sandbox.client-id", "client-1", "hub.sandbox.api-audience", "api://hub"));
        properties.putAll(given);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
        new SandboxEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void portZeroIsSettledToOneFreePortThatEverySettingNames() {
        StandardEnvironment environment = environment(Map.of("server.port", "0", "hub.sandbox.issuer-port", "0"));
        int server = environment.getRequiredProperty("server.port", Integer.class);
        int issuer = environment.getRequiredProperty("hub.sandbox.issuer-port", Integer.class);
        assertThat(server).isPositive();
        assertThat(issuer).isPositive().isNotEqualTo(server);
        assertThat(environment.getProperty("hub.ews.url")).isEqualTo("http://localhost:" + server + "/sandbox/ews/Exchange.asmx");
        assertThat(environment.getProperty("hub.graph.url")).isEqualTo("http://localhost:" + server + "/sandbox/graph/v1.0");
        assertThat(environment.getProperty("hub.ews.scope")).isEqualTo("https://mail.test/EWS.AccessAsUser.All");
        assertThat(environment.getProperty("hub.graph.scope")).isEqualTo("https://graph.test/.default");
        assertThat(environment.getProperty("hub.identity.authority")).isEqualTo("https://localhost:" + issuer + "/tenant-1/");
        assertThat(environment.getProperty("hub.identity.issuer")).isEqualTo("https://localhost:" + issuer + "/tenant-1/oauth2/v2.0");
        assertThat(environment.getProperty("hub.identity.client-secret")).isEqualTo("sandbox-hub-secret");
    }

    @Test
    void anExplicitSettingWinsAndProductionIsLeftAlone() {
        StandardEnvironment explicit = environment(Map.of("server.port", "9090", "hub.ews.url", "https://elsewhere/EWS/Exchange.asmx"));
        assertThat(explicit.getProperty("hub.ews.url")).isEqualTo("https://elsewhere/EWS/Exchange.asmx");
        assertThat(explicit.getProperty("hub.graph.url")).isEqualTo("http://localhost:9090/sandbox/graph/v1.0");

        StandardEnvironment production = environment(Map.of("hub.mode", "production"));
        assertThat(production.containsProperty("hub.ews.url")).isFalse();
        assertThat(production.getPropertySources().contains("sandbox-environment")).isFalse();
    }
}
