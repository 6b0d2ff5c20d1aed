package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.exchangehub.HubIntegrationTest;
import io.exchangehub.sandbox.SandboxProperties;
import io.exchangehub.sandbox.issuer.SandboxApps;
import io.exchangehub.sandbox.issuer.SandboxIssuer;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the Graph face's integration tests share: the real Graph SDK pointed at the sandbox,
 * tokens, raw HTTP for what the SDK will not send, and the store to check effects behind the face.
 */
abstract class GraphIntegrationTest extends HubIntegrationTest {

    static final String ROOT = "/sandbox/graph/v1.0";

    @Autowired
    protected SandboxStore store;

    @Autowired
    protected SandboxIssuer issuer;

    @Autowired
    protected SandboxProperties properties;

    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, GraphServiceClient> clients = new HashMap<>();

    @AfterEach
    void clearFaults() {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults")).DELETE().build());
    }

    /** A Graph token of a user, fetched once per test instance. */
    protected String tokenOf(String user) {
        return tokens.computeIfAbsent(user, this::graphToken);
    }

    /** The Graph SDK as a user: a bearer token for localhost only (the SDK sends none to hosts it does not allow). */
    protected GraphServiceClient graph(String user) {
        return clients.computeIfAbsent(user, u -> client(tokenOf(u)));
    }

    protected GraphServiceClient client(String token) {
        AllowedHostsValidator hosts = new AllowedHostsValidator("localhost");
        AccessTokenProvider provider = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return hosts.isUrlHostValid(uri) ? token : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(provider));
        client.getRequestAdapter().setBaseUrl(baseUrl() + ROOT);
        return client;
    }

    /** An app-only token (client credentials) of the hub's registration for the Graph face. */
    protected String appToken() {
        return tokens.computeIfAbsent("app", ignored -> {
            HttpClient https = HttpClient.newBuilder().sslContext(issuer.trustingSslContext()).build();
            String form = "grant_type=client_credentials&client_id=" + encode(properties.clientId()) + "&client_secret="
                    + encode(SandboxApps.HUB_SECRET) + "&scope=" + encode(properties.graphAudience() + "/.default");
            try {
                HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(issuer.tokenEndpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return readJson(response.body()).get("access_token").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** A raw request to the Graph face (path below the service root), for what the SDK does not send. */
    protected HttpResponse<String> raw(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + ROOT + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    protected JsonNode rawJson(String method, String path, String token, String json, int expectedStatus, String... headers) {
        HttpResponse<String> response = raw(method, path, token, json, headers);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : readJson(response.body());
    }

    protected Mailbox mailbox(String address) {
        return store.mailbox(address);
    }

    /** The first item of a folder (by path below the message root) that matches. */
    protected <T extends Item> T itemIn(String address, String folderPath, Class<T> kind, Predicate<T> test) {
        return store.read(() -> {
            Folder folder = mailbox(address).folderByPath(folderPath);
            for (Item item : folder.items()) {
                if (kind.isInstance(item) && test.test(kind.cast(item))) {
                    return kind.cast(item);
                }
            }
            throw new AssertionError("No such item in " + folderPath);
        });
    }

    protected String folderId(String address, String folderPath) {
        return store.read(() -> mailbox(address).folderByPath(folderPath).id);
    }
}
