package io.exchangehub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole hub in sandbox mode on a random port, one Spring
 * context shared by every test class (keep the properties identical, never dirty the context).
 * Redis is {@code REDIS_URL} when set, else an embedded one on a free port. The seed anchor is
 * fixed, so that dates in assertions do not depend on the day the tests run; it lies just
 * before the 2026 DST changes of Europe and North America.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.sandbox.redis.use-local=false",
        "hub.sandbox.anchor=" + HubIntegrationTest.ANCHOR,
        "hub.sandbox.populate-on-start=false"})
public abstract class HubIntegrationTest {

    /** One Redis key prefix per test run, so that runs sharing a Redis (CI, a developer's) never see each other's keys. */
    public static final String REDIS_KEY_PREFIX = "hub-test-" + java.util.UUID.randomUUID() + ":";

    @DynamicPropertySource
    static void redisKeyPrefix(DynamicPropertyRegistry registry) {
        registry.add("hub.redis-key-prefix", () -> REDIS_KEY_PREFIX);
    }

    public static final String ANCHOR = "2026-03-02";
    public static final String ALICE = "alice@contoso.example";
    public static final String BOB = "bob@contoso.example";
    public static final String CAROL = "carol@contoso.example";
    public static final String SALES = "sales@contoso.example";

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    private JsonNode info;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** {@code GET /sandbox/info}, read once per test instance. */
    protected JsonNode sandboxInfo() {
        if (info == null) {
            info = getJson("/sandbox/info");
        }
        return info;
    }

    /** A token for the hub's API. */
    protected String apiToken(String user) {
        return token(user, sandboxInfo().get("apiScope").asText());
    }

    /** A token for the sandbox's EWS face. */
    protected String ewsToken(String user) {
        return token(user, sandboxInfo().get("ewsScope").asText());
    }

    /** A token for the sandbox's Graph face. */
    protected String graphToken(String user) {
        return token(user, sandboxInfo().get("graphScope").asText());
    }

    protected String token(String user, String scope) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + encode(user) + "&scope=" + encode(scope))).build());
        assertThat(response.statusCode()).as("token for %s: %s", user, response.body()).isEqualTo(200);
        return readJson(response.body()).get("access_token").asText();
    }

    protected JsonNode getJson(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return readJson(response.body());
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
