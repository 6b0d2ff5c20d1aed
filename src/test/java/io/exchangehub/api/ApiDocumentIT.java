package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiDocumentIT extends ApiIntegrationTest {

    private HttpResponse<String> fetch(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
    }

    @Test
    void theContractIsServedAsJsonWithoutATokenAndNamesEveryOperation() {
        Answer document = call(null, "GET", "/openapi.json", null, java.util.Map.of());
        assertThat(document.status()).isEqualTo(200);
        JsonNode json = document.json();
        assertThat(json.get("openapi").asText()).startsWith("3.");
        assertThat(json.get("paths").has("/mail/folders/{folderId}/messages")).isTrue();
        assertThat(document.header("ETag")).isNotBlank();
    }

    @Test
    void theBrowsableDocumentationRunsOnlyTheHubsOwnScriptsOverTheContract() {
        HttpResponse<String> start = fetch("/api/v1/docs");
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/api/v1/docs/index.html"));
        HttpResponse<String> page = fetch("/api/v1/docs/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-initializer.js").contains("swagger-ui-bundle.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval").contains("frame-ancestors 'none'"));
        assertThat(fetch("/api/v1/docs/swagger-initializer.js").body()).contains("/api/v1/openapi.json");
        assertThat(fetch("/api/v1/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(fetch("/api/v1").headers().firstValue("Content-Security-Policy"))
                .as("every other response runs no script").hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'"));
    }

    @Test
    void jsonOverAKilobyteIsGzippedForAClientThatAcceptsIt() throws Exception {
        HttpResponse<byte[]> zipped = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/openapi.json"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
            assertThat(readJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).get("openapi").asText())
                    .startsWith("3.");
        }
        HttpResponse<String> plain = fetch("/api/v1/openapi.json");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aPathOrMethodTheContractLacksIsAProblem() {
        Answer unknown = get(ALICE, "/mail/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("urn:exchange-hub:problem:not-found");
        Answer method = call(null, "DELETE", "", null, java.util.Map.of());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.header("Allow")).isEqualTo("GET, HEAD");
    }
}
