package io.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** In production mode none of the sandbox exists, and readiness follows Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.profiles.active=production",
        "hub.ews.url=https://mail.contoso.test/EWS/Exchange.asmx",
        "hub.ews.scope=https://mail.contoso.test/EWS.AccessAsUser.All",
        "hub.identity.tenant-id=00000000-0000-0000-0000-000000000001",
        "hub.identity.client-id=hub",
        "hub.identity.client-secret=not-a-real-secret",
        "hub.identity.api-audience=api://exchange-hub",
        // a test key: production takes it from the environment
        "hub.identity.token-cache.key=test-1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        // a port nothing listens on: the hub starts, and is not ready
        "spring.data.redis.url=redis://127.0.0.1:1",
        "spring.data.redis.timeout=500ms",
        "spring.data.redis.connect-timeout=500ms"})
class ProductionModeIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    HubProperties properties;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void noSandboxBeanExistsAndNothingUnderSandboxAnswers() throws Exception {
        assertThat(properties.mode()).isEqualTo("production");
        assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("sandbox"));
        for (String path : new String[] {"/sandbox/info", "/sandbox/ews/Exchange.asmx", "/sandbox/graph/v1.0/me"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void readinessIsDownWhileRedisIsUnreachable() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("DOWN");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
