package io.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.ExchangeHubApplication;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class HubEnvironmentTest {

    @Test
    void noExchangeSettingsMeansSandboxAndAnyExchangeSettingMeansProduction() {
        StandardEnvironment plain = new StandardEnvironment();
        new HubModeSelector().postProcessEnvironment(plain, new SpringApplication());
        assertThat(plain.getDefaultProfiles()).containsExactly("sandbox");

        StandardEnvironment configured = new StandardEnvironment();
        configured.getPropertySources().addFirst(new MapPropertySource("env", Map.of("hub.ews.url", "https://mail.contoso.com/EWS/Exchange.asmx")));
        new HubModeSelector().postProcessEnvironment(configured, new SpringApplication());
        assertThat(configured.getDefaultProfiles()).containsExactly("production");

        StandardEnvironment explicit = new StandardEnvironment();
        explicit.getPropertySources().addFirst(new MapPropertySource("env", Map.of("hub.ews.url", "https://x", "spring.profiles.active", "sandbox")));
        new HubModeSelector().postProcessEnvironment(explicit, new SpringApplication());
        assertThat(explicit.getDefaultProfiles()).as("an explicit profile wins").containsExactly("default");
    }

    @Test
    void productionWithoutSettingsFailsAtStartNamingEveryMissingSetting() {
        SpringApplication application = new SpringApplication(ExchangeHubApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--spring.profiles.active=production", "--spring.data.redis.url=", "--REDIS_URL=",
                "--hub.ews.url=", "--hub.identity.tenant-id="))
                .isInstanceOfSatisfying(MissingSettingsException.class, e -> {
                    assertThat(e.missing()).containsExactly(
                            "hub.identity.tenant-id (HUB_IDENTITY_TENANTID)",
                            "hub.identity.client-id (HUB_IDENTITY_CLIENTID)",
                            "hub.identity.client-secret (HUB_IDENTITY_CLIENTSECRET)",
                            "hub.identity.api-audience (HUB_IDENTITY_APIAUDIENCE)",
                            "hub.identity.token-cache.key (HUB_IDENTITY_TOKENCACHE_KEY)",
                            "spring.data.redis.url (REDIS_URL)",
                            "hub.ews.url (HUB_EWS_URL)",
                            "hub.ews.scope (HUB_EWS_SCOPE)");
                    FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(e);
                    assertThat(analysis.getDescription()).contains("- hub.ews.url (HUB_EWS_URL)").contains("- spring.data.redis.url (REDIS_URL)");
                });
    }

    @Test
    void aBackendThatIsSwitchedOffNeedsNoSettings() {
        SpringApplication application = new SpringApplication(ExchangeHubApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--spring.profiles.active=production", "--hub.ews.enabled=false",
                "--hub.identity.tenant-id=t", "--hub.identity.client-id=c", "--hub.identity.client-secret=s",
                "--hub.identity.api-audience=api://hub", "--hub.identity.token-cache.key=k1:AAAAAAAAAAAAAAAAAAAAAA==",
                "--spring.data.redis.url=", "--REDIS_URL="))
                .isInstanceOfSatisfying(MissingSettingsException.class,
                        e -> assertThat(e.missing()).containsExactly("spring.data.redis.url (REDIS_URL)"));
    }

    @Test
    void redisUrlFromTheEnvironmentIsTheRedisUrl() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("sandbox");
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("REDIS_URL", "redis://redis.internal:6380")));
        new HubEnvironment().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://redis.internal:6380");
        assertThat(environment.getProperty("hub.mode")).isEqualTo("sandbox");
        assertThat(environment.getProperty("camel.main.routes-include-pattern")).isEqualTo("file:routes/*.camel.yaml");
    }

    @Test
    void routesAndKameletsLoadFromTheWorkingDirectoryWhenThereElseFromTheJar(@TempDir Path empty) {
        StandardEnvironment environment = new StandardEnvironment();
        assertThat(HubEnvironment.locations(Path.of(""), environment)).containsExactly(
                Map.entry("camel.main.routes-include-pattern", "file:routes/*.camel.yaml"),
                Map.entry("camel.component.kamelet.location", "file:kamelets,classpath:kamelets"));
        assertThat(HubEnvironment.locations(empty, environment)).containsExactly(
                Map.entry("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml"),
                Map.entry("camel.component.kamelet.location", "classpath:kamelets"));
        environment.getPropertySources().addFirst(new MapPropertySource("own", Map.of("camel.main.routes-include-pattern", "file:/etc/hub/*.yaml")));
        assertThat(HubEnvironment.locations(empty, environment)).doesNotContainKey("camel.main.routes-include-pattern");
    }

    @Test
    void bothOrNeitherModeProfileIsRefused() {
        StandardEnvironment both = new StandardEnvironment();
        both.setActiveProfiles("sandbox", "production");
        assertThatThrownBy(() -> new HubEnvironment().postProcessEnvironment(both, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Exactly one");
    }
}
