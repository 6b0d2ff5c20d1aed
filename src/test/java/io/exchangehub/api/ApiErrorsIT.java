package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiErrorsIT extends HubIntegrationTest {

    @Test
    void apiIndexNamesTheHubAndItsMode() {
        JsonNode index = getJson("/api/v1");
        assertThat(index.get("name").asText()).isEqualTo("Exchange Hub");
        assertThat(index.get("mode").asText()).isEqualTo("sandbox");
    }

    @Test
    void aResponseCarriesOnlyTheApisHeadersNeverTheRequestsCredentials() {
        String token = apiToken(ALICE);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token)
                .header("X-Custom", "echo-me")
                .GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet()).noneMatch(name -> name.equalsIgnoreCase("authorization")
                || name.equalsIgnoreCase("x-custom") || name.equalsIgnoreCase("user-agent"));
        assertThat(response.headers().map().toString()).doesNotContain(token);
    }

    @Test
    void unknownApiPathIsANotFoundProblemWithoutInternals() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/mail/no-such-thing"))
                .header("Authorization", "Bearer " + apiToken(ALICE)).GET().build());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = readJson(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:exchange-hub:problem:not-found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void wrongMethodIsAProblemToo() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1"))
                .DELETE().build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(readJson(response.body()).get("type").asText()).isEqualTo("urn:exchange-hub:problem:method-not-allowed");
    }
}
