package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class GraphBatchIT extends GraphIntegrationTest {

    private Request nativeRequest(GraphServiceClient graph, RequestInformation information) {
        return graph.getRequestAdapter().convertToNativeRequest(information);
    }

    @Test
    void aBatchRunsItsRequestsInDependencyOrderAndAnswersEachById() throws Exception {
        GraphServiceClient graph = graph(CAROL);
        String subject = "Batched " + UUID.randomUUID();
        Message draft = new Message();
        draft.setSubject(subject);
        var carol = graph.users().byUserId(CAROL);
        BatchRequestContent batch = new BatchRequestContent(graph);
        batch.addBatchRequestStep(new BatchRequestStep("create", nativeRequest(graph, carol.messages().toPostRequestInformation(draft))));
        batch.addBatchRequestStep(new BatchRequestStep("drafts", nativeRequest(graph, carol.mailFolders().byMailFolderId("drafts")
                .messages().toGetRequestInformation(r -> {
                    r.queryParameters.filter = "subject eq '" + subject + "'";
                    r.queryParameters.select = new String[] {"subject"};
                })), List.of("create")));
        batch.addBatchRequestStep(new BatchRequestStep("broken", nativeRequest(graph, carol.messages().byMessageId("not-an-id")
                .toGetRequestInformation())));
        batch.addBatchRequestStep(new BatchRequestStep("dependent", nativeRequest(graph, carol.mailFolders().byMailFolderId("inbox")
                .toGetRequestInformation()), List.of("broken")));
        BatchResponseContent response = graph.getBatchRequestBuilder().post(batch, null);

        assertThat(response.getResponsesStatusCode()).containsExactlyInAnyOrderEntriesOf(Map.of("create", 201, "drafts", 200,
                "broken", 400, "dependent", 424));
        Message created = response.getResponseById("create", Message::createFromDiscriminatorValue);
        assertThat(created.getSubject()).isEqualTo(subject);
        MessageCollectionResponse drafts = response.getResponseById("drafts", MessageCollectionResponse::createFromDiscriminatorValue);
        assertThat(drafts.getValue()).extracting(Message::getId).containsExactly(created.getId());
    }

    @Test
    void batchPartsCarryTheirOwnHeadersAndFaults() {
        String busy = "{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"getMailFolder\",\"fault\":\"BUSY\","
                + "\"backOffMs\":1500,\"remaining\":1}";
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(busy)).build());
        String body = "{\"requests\":["
                + "{\"id\":\"a\",\"method\":\"GET\",\"url\":\"/me/mailFolders/inbox\"},"
                + "{\"id\":\"b\",\"method\":\"GET\",\"url\":\"me/messages?$top=1&$select=subject\","
                + "\"headers\":{\"Prefer\":\"outlook.body-content-type=\\\"text\\\"\"}},"
                + "{\"id\":\"c\",\"method\":\"PATCH\",\"url\":\"/me/mailFolders/inbox\",\"body\":{\"colour\":\"red\"},"
                + "\"headers\":{\"Content-Type\":\"application/json\"}}]}";
        JsonNode answer = rawJson("POST", "/$batch", tokenOf(CAROL), body, 200);
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        answer.get("responses").forEach(r -> byId.put(r.get("id").asText(), r));
        assertThat(byId.get("a").get("status").asInt()).isEqualTo(429);
        assertThat(byId.get("a").at("/headers/Retry-After").asText()).isEqualTo("2");
        assertThat(byId.get("a").at("/body/error/code").asText()).isEqualTo("TooManyRequests");
        assertThat(byId.get("b").get("status").asInt()).isEqualTo(200);
        assertThat(byId.get("b").at("/headers/Preference-Applied").asText()).isEqualTo("outlook.body-content-type=\"text\"");
        assertThat(byId.get("b").at("/body/value")).hasSize(1);
        assertThat(byId.get("c").get("status").asInt()).isEqualTo(400);
        assertThat(byId.get("c").at("/body/error/code").asText()).isEqualTo("RequestBodyRead");
    }

    @Test
    void malformedBatchesAreRefusedWhole() {
        ObjectNode tooMany = JSON.createObjectNode();
        ArrayNode requests = tooMany.putArray("requests");
        for (int i = 0; i < 21; i++) {
            requests.addObject().put("id", Integer.toString(i)).put("method", "GET").put("url", "/me/mailFolders/inbox");
        }
        JsonNode refused = rawJson("POST", "/$batch", tokenOf(CAROL), tooMany.toString(), 400);
        assertThat(refused.at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(refused.at("/error/message").asText()).contains("20");
        assertThatThrownBy(() -> {
            BatchRequestContent batch = new BatchRequestContent(graph(CAROL));
            for (int i = 0; i < 21; i++) {
                batch.addBatchRequestStep(graph(CAROL).me().mailFolders().toGetRequestInformation());
            }
        }).as("the SDK itself stops at 20").isInstanceOf(IllegalArgumentException.class);

        for (String body : List.of(
                "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\"},{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\"}]}",
                "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":[\"2\"]},"
                        + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":[\"1\"]}]}",
                "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/me\",\"dependsOn\":[\"9\"]}]}",
                "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"https://graph.microsoft.com/v1.0/me\"}]}",
                "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/$batch\"}]}",
                "{\"requests\":[]}")) {
            assertThat(raw("POST", "/$batch", tokenOf(CAROL), body).statusCode()).as(body).isEqualTo(400);
        }
    }
}
