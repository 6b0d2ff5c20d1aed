package io.exchangehub.sandbox;

import io.exchangehub.config.HubEnvironment;
import io.exchangehub.config.HubMode;
import io.exchangehub.sandbox.issuer.SandboxApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the hub at the sandbox in sandbox mode, with the same settings production takes from
 * its operator: {@code hub.ews.*} and {@code hub.graph.*} at the sandbox's faces on the hub's own
 * port, {@code hub.identity.*} at the sandbox issuer and the hub's registration there. The hub
 * then needs no code path of its own for the sandbox. A setting given explicitly wins.
 *
 * <p>For that the ports must be known before anything starts: a server or issuer port of 0
 * ("any free port", as tests and benchmarks ask) is settled here to a port that was free a moment
 * ago. {@code @LocalServerPort} and {@code /sandbox/info} report the same port.
 */
public class SandboxEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SERVER_PORT = "server.port";
    static final String ISSUER_PORT = "hub.sandbox.issuer-port";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!HubMode.SANDBOX.id().equals(environment.getProperty("hub.mode"))) {
            return;
        }
        Map<String, Object> settled = new LinkedHashMap<>();
        int serverPort = settledPort(environment, SERVER_PORT, 8080);
        int issuerPort = settledPort(environment, ISSUER_PORT, 0);
        settled.put(SERVER_PORT, serverPort);
        settled.put(ISSUER_PORT, issuerPort);

        String tenant = environment.getRequiredProperty("hub.sandbox.tenant-id");
        String issuerBase = "https://localhost:" + issuerPort + "/" + tenant + "/";
        String faces = "http://localhost:" + serverPort + "/sandbox";
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("hub.ews.url", faces + "/ews/Exchange.asmx");
        defaults.put("hub.ews.scope", environment.getRequiredProperty("hub.sandbox.ews-audience") + "/EWS.AccessAsUser.All");
        defaults.put("hub.graph.url", faces + "/graph/v1.0");
        defaults.put("hub.graph.scope", environment.getRequiredProperty("hub.sandbox.graph-audience") + "/.default");
        defaults.put("hub.identity.tenant-id", tenant);
        defaults.put("hub.identity.authority", issuerBase);
        defaults.put("hub.identity.issuer", issuerBase + "oauth2/v2.0");
        defaults.put("hub.identity.client-id", environment.getRequiredProperty("hub.sandbox.client-id"));
        defaults.put("hub.identity.client-secret", SandboxApps.HUB_SECRET);
        defaults.put("hub.identity.api-audience", environment.getRequiredProperty("hub.sandbox.api-audience"));
        defaults.put("hub.identity.jwks-uri", issuerBase + "oauth2/v2.0/jwks");
        // the issuer's certificate is self-signed: the sandbox registers it as this SSL bundle
        defaults.put("hub.identity.ssl-bundle", SandboxAutoConfiguration.ISSUER_SSL_BUNDLE);
        // msal4j would ask login.microsoftonline.com to vouch for the authority, which is not Azure AD here
        defaults.put("hub.identity.instance-discovery", false);
        defaults.forEach((name, value) -> {
            if (!environment.containsProperty(name)) {
                settled.put(name, value);
            }
        });
        environment.getPropertySources().addFirst(new MapPropertySource("sandbox-environment", settled));
    }

    /** The configured port, or a free one when it is 0. */
    static int settledPort(ConfigurableEnvironment environment, String property, int fallback) {
        int port = environment.getProperty(property, Integer.class, fallback);
        return port == 0 ? freePort() : port;
    }

    private static int freePort() {
        try {
            return SandboxRedis.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the sandbox", e);
        }
    }

    @Override
    public int getOrder() {
        return HubEnvironment.ORDER + 2;
    }
}
