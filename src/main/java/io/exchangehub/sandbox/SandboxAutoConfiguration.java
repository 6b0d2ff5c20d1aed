package io.exchangehub.sandbox;

import io.exchangehub.sandbox.fault.SandboxFaults;
import io.exchangehub.sandbox.issuer.SandboxIssuer;
import io.exchangehub.sandbox.issuer.SandboxTokenVerifier;
import io.exchangehub.sandbox.seed.SandboxUsers;
import io.exchangehub.sandbox.seed.SeedDirectory;
import io.exchangehub.sandbox.seed.SeedPopulator;
import io.exchangehub.sandbox.store.SandboxStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;

/**
 * The built-in Exchange sandbox, in sandbox mode only: the mailbox store, its EWS and Graph
 * faces (components of this package), the Azure AD stand-in, and the fault switches.
 */
@AutoConfiguration
@Profile("sandbox")
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SandboxAutoConfiguration.class))
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxAutoConfiguration.class);

    /** The SSL bundle that trusts the issuer's self-signed certificate; {@code hub.identity.ssl-bundle} names it. */
    public static final String ISSUER_SSL_BUNDLE = "sandbox-issuer";

    @Bean
    Clock sandboxClock() {
        return Clock.systemUTC();
    }

    @Bean
    SandboxStore sandboxStore(SandboxProperties properties, @Qualifier("sandboxClock") Clock clock) {
        SeedPopulator populator = new SeedPopulator(properties.seed(), properties.anchorOrToday(), properties.domain());
        return new SandboxStore(SandboxUsers.mailboxes(properties.domain()), SeedDirectory.entries(properties.seed(),
                properties.domain()), populator, clock, properties.domain());
    }

    @Bean(destroyMethod = "close")
    SandboxIssuer sandboxIssuer(SandboxProperties properties) {
        SandboxIssuer issuer = new SandboxIssuer(properties, SandboxUsers.mailboxes(properties.domain()));
        issuer.start();
        return issuer;
    }

    /**
     * Registers the issuer's certificate as an SSL bundle, so that the hub reaches the sandbox issuer
     * (JWKS, token endpoint, msal4j) through Spring Boot's SSL configuration, as it would reach an
     * issuer behind a private CA, with no code path of its own for the sandbox.
     */
    @Bean
    SslBundleRegistrar sandboxIssuerSslBundle(SandboxIssuer issuer) {
        return registry -> registry.registerBundle(ISSUER_SSL_BUNDLE,
                SslBundle.of(SslStoreBundle.of(null, null, issuer.trustStore())));
    }

    @Bean
    SandboxTokenVerifier sandboxTokenVerifier(SandboxIssuer issuer, @Qualifier("sandboxClock") Clock clock) {
        return new SandboxTokenVerifier(issuer, clock);
    }

    @Bean
    SandboxFaults sandboxFaults() {
        return new SandboxFaults();
    }

    @Bean
    SandboxStartup sandboxStartup(SandboxStore store, SandboxIssuer issuer, SandboxProperties properties) {
        return new SandboxStartup(store, issuer, properties.populateOnStart());
    }

    /**
     * Once the hub is ready: says where the sandbox is, and builds every mailbox in the
     * background so that the first request does not wait.
     */
    static final class SandboxStartup {
        private final SandboxStore store;
        private final SandboxIssuer issuer;
        private final boolean populate;

        SandboxStartup(SandboxStore store, SandboxIssuer issuer, boolean populate) {
            this.store = store;
            this.issuer = issuer;
            this.populate = populate;
        }

        @EventListener(ApplicationReadyEvent.class)
        void ready(ApplicationReadyEvent event) {
            String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
            log.info("Sandbox ready: http://localhost:{}/sandbox/info (EWS {}, Graph {}); issuer {}", port,
                    SandboxInfoController.EWS_PATH, SandboxInfoController.GRAPH_PATH, issuer.issuer());
            if (!populate) {
                return;
            }
            Thread thread = new Thread(() -> {
                long started = System.nanoTime();
                store.populateAll();
                log.info("Sandbox mailboxes built in {} ms", (System.nanoTime() - started) / 1_000_000);
            }, "sandbox-populate");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
