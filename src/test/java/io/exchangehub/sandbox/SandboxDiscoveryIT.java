package io.exchangehub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import io.exchangehub.HubIntegrationTest;
import io.exchangehub.config.HubProperties;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SandboxDiscoveryIT extends HubIntegrationTest {

    @Test
    void infoNamesEveryEndpointAndUserWithItsBackend() {
        JsonNode info = sandboxInfo();
        for (String field : List.of("issuer", "tokenEndpoint", "clientId", "apiScope", "ewsUrl", "ewsScope", "graphUrl",
                "graphScope")) {
            assertThat(info.path(field).asText()).as(field).isNotBlank();
        }
        assertThat(info.get("issuer").asText()).startsWith("https://localhost:");
        assertThat(info.get("ewsUrl").asText()).isEqualTo(baseUrl() + "/sandbox/ews/Exchange.asmx");
        assertThat(info.get("graphUrl").asText()).isEqualTo(baseUrl() + "/sandbox/graph/v1.0");
        List<String> users = new ArrayList<>();
        info.get("users").forEach(user -> users.add(user.get("upn").asText() + "=" + user.get("backend").asText()));
        assertThat(users).containsExactly(ALICE + "=ews", BOB + "=ews", CAROL + "=graph", SALES + "=ews");
        assertThat(info.get("users").get(3).get("delegates")).extracting(JsonNode::asText).containsExactly(ALICE, BOB);
    }

    @Test
    void theHubsOwnSettingsNameTheSandboxFacesAndIssuer(@Autowired HubProperties hub) {
        JsonNode info = sandboxInfo();
        assertThat(hub.ews().url()).hasToString(info.get("ewsUrl").asText());
        assertThat(hub.ews().scope()).isEqualTo(info.get("ewsScope").asText());
        assertThat(hub.graph().url()).hasToString(info.get("graphUrl").asText());
        assertThat(hub.graph().scope()).isEqualTo(info.get("graphScope").asText());
        assertThat(hub.identity().authority()).hasToString(info.get("authority").asText());
        assertThat(hub.identity().tenantId()).isEqualTo(info.get("tenantId").asText());
        assertThat(hub.identity().clientId()).isEqualTo(info.get("clientId").asText());
        assertThat(hub.identity().clientSecret()).isEqualTo(info.get("clientSecret").asText());
        assertThat(hub.identity().apiAudience()).isEqualTo(info.get("apiAudience").asText());
    }

    @Test
    void tokenEndpointSignsAzureShapedTokensForEachFace() throws Exception {
        JsonNode info = sandboxInfo();
        SignedJWT api = SignedJWT.parse(apiToken(ALICE));
        assertThat(api.getJWTClaimsSet().getIssuer()).isEqualTo(info.get("issuer").asText());
        assertThat(api.getJWTClaimsSet().getAudience()).containsExactly(info.get("apiAudience").asText());
        assertThat(api.getJWTClaimsSet().getStringClaim("preferred_username")).isEqualTo(ALICE);
        assertThat(api.getJWTClaimsSet().getStringClaim("tid")).isEqualTo(info.get("tenantId").asText());
        assertThat(api.getJWTClaimsSet().getStringClaim("oid")).isEqualTo(info.get("users").get(0).get("objectId").asText());
        assertThat(api.getJWTClaimsSet().getStringClaim("scp")).contains("Mail.ReadWrite", "Calendars.Read");

        SignedJWT ews = SignedJWT.parse(ewsToken(BOB));
        assertThat(ews.getJWTClaimsSet().getAudience()).containsExactly(info.get("ewsAudience").asText());
        assertThat(ews.getJWTClaimsSet().getStringClaim("scp")).isEqualTo("EWS.AccessAsUser.All");

        SignedJWT graph = SignedJWT.parse(graphToken(CAROL));
        assertThat(graph.getJWTClaimsSet().getAudience()).containsExactly(info.get("graphAudience").asText());
        assertThat(graph.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    }

    @Test
    void tokenEndpointRefusesUnknownUsersAndForeignScopes() {
        HttpResponse<String> unknown = post("/sandbox/token", "user=mallory%40contoso.example");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(readJson(unknown.body()).get("error").asText()).isEqualTo("invalid_grant");

        HttpResponse<String> shared = post("/sandbox/token", "user=sales%40contoso.example");
        assertThat(shared.statusCode()).as("a shared mailbox cannot sign in").isEqualTo(400);

        HttpResponse<String> foreign = post("/sandbox/token", "user=alice%40contoso.example&scope=https%3A%2F%2Fevil.example%2F.default");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(readJson(foreign.body()).get("error_description").asText()).startsWith("AADSTS500011");

        HttpResponse<String> missing = post("/sandbox/token", "scope=x");
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    @Test
    void readinessIncludesRedis() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(readJson(response.body()).get("status").asText()).isEqualTo("UP");
    }

    private HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }
}
