package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class GraphErrorsIT extends GraphIntegrationTest {

    private void fault(String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static void assertGraphError(JsonNode body, String code) {
        assertThat(body.at("/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).isNotBlank();
        assertThat(body.at("/error/innerError/date").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        assertThat(body.at("/error/innerError/request-id").asText()).isNotBlank();
        assertThat(body.at("/error/innerError/client-request-id").asText()).isNotBlank();
    }

    @Test
    void requestsWithoutATokenOrWithAnotherAudiencesTokenAreUnauthorized() {
        HttpResponse<String> none = raw("GET", "/me/messages", null, null, "client-request-id", "abc-123");
        assertThat(none.statusCode()).isEqualTo(401);
        assertGraphError(readJson(none.body()), "InvalidAuthenticationToken");
        assertThat(none.headers().firstValue("client-request-id")).hasValue("abc-123");
        assertThat(none.headers().firstValue("request-id")).isPresent();
        assertThat(readJson(none.body()).at("/error/innerError/client-request-id").asText()).isEqualTo("abc-123");

        String ews = ewsToken(CAROL);
        HttpResponse<String> foreign = raw("GET", "/me/messages", ews, null);
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertGraphError(readJson(foreign.body()), "InvalidAuthenticationToken");
        assertThat(foreign.body()).doesNotContain(ews);
        assertThat(raw("GET", "/me/messages", "not.a.token", null).statusCode()).isEqualTo(401);
        assertThat(raw("GET", "/me/nothing-here", null, null).statusCode()).as("authentication comes first").isEqualTo(401);

        assertThatThrownBy(() -> client(ews).me().messages().get()).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(401);
            assertThat(e.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
        });
    }

    @Test
    void mailboxesOpenOnlyToTheirOwnersDelegatesAndApps() {
        JsonNode denied = rawJson("GET", "/users/" + ALICE + "/messages", tokenOf(CAROL), null, 403);
        assertGraphError(denied, "ErrorAccessDenied");
        assertThatThrownBy(() -> graph(CAROL).users().byUserId(ALICE).mailFolders().get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(403));

        String shared = graph(ALICE).users().byUserId(SALES).mailFolders().byMailFolderId("inbox").get().getDisplayName();
        assertThat(shared).isEqualTo("Inbox");
        assertThat(rawJson("GET", "/users/" + mailbox(CAROL).objectId + "/mailFolders/inbox", tokenOf(CAROL), null, 200)
                .get("displayName").asText()).isEqualTo("Inbox");
        assertGraphError(rawJson("GET", "/users/mallory@contoso.example/messages", tokenOf(CAROL), null, 404), "ErrorInvalidUser");

        String app = appToken();
        JsonNode me = rawJson("GET", "/me/messages", app, null, 400);
        assertThat(me.at("/error/message").asText()).contains("/me request is only valid with delegated authentication flow");
        GraphServiceClient asApp = client(app);
        assertThat(asApp.users().byUserId(ALICE).messages().get(r -> r.queryParameters.top = 1).getValue()).hasSize(1);
        assertThat(asApp.users().byUserId(ALICE).get().getMail()).isEqualTo(ALICE);
    }

    @Test
    void busyFaultsAnswer429WithRetryAfterAndTheSdkRetriesThroughThem() {
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"listMessages\",\"fault\":\"BUSY\","
                + "\"backOffMs\":2500,\"remaining\":1}");
        HttpResponse<String> busy = raw("GET", "/me/messages?$top=1", tokenOf(CAROL), null);
        assertThat(busy.statusCode()).isEqualTo(429);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("3");
        assertGraphError(readJson(busy.body()), "TooManyRequests");

        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"listMessages\",\"fault\":\"BUSY\","
                + "\"backOffMs\":1000,\"remaining\":2}");
        MessageCollectionResponse after = graph(CAROL).me().messages().get(r -> r.queryParameters.top = 1);
        assertThat(after.getValue()).hasSize(1);
        assertThat(getJson("/sandbox/faults")).as("both 429s were answered, then the retry went through").isEmpty();

        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"listMessages\",\"fault\":\"BUSY\","
                + "\"backOffMs\":1000,\"remaining\":5}");
        assertThatThrownBy(() -> graph(CAROL).me().messages().get()).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getResponseStatusCode()).isEqualTo(429));
        assertThat(getJson("/sandbox/faults").get(0).get("remaining").asInt()).as("the SDK tries four times in all").isEqualTo(1);
    }

    @Test
    void httpErrorFaultsAnswerWithTheirStatusInGraphsShape() {
        fault("{\"protocol\":\"graph\",\"user\":\"*\",\"operation\":\"getMailFolder\",\"fault\":\"HTTP_ERROR\",\"status\":500,"
                + "\"remaining\":1}");
        HttpResponse<String> failed = raw("GET", "/me/mailFolders/inbox", tokenOf(CAROL), null);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertGraphError(readJson(failed.body()), "InternalServerError");
        assertThat(raw("GET", "/me/mailFolders/inbox", tokenOf(CAROL), null).statusCode()).isEqualTo(200);
    }

    @Test
    void dropFaultsBreakTheConnectionUnderTheSdk() {
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"getMailFolder\",\"fault\":\"DROP\",\"remaining\":1}");
        Throwable failure = Assertions.catchThrowable(() -> graph(CAROL).me().mailFolders().byMailFolderId("inbox").get());
        assertThat(failure).isNotNull().isNotInstanceOf(ODataError.class);
        Throwable cause = failure;
        while (cause != null && !(cause instanceof IOException && cause.getClass().getName().startsWith("java."))) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a broken connection, not an HTTP answer or a JSON syntax error: %s", failure)
                .isInstanceOf(IOException.class).hasMessageContaining("unexpected end of stream");
        assertThat(graph(CAROL).me().mailFolders().byMailFolderId("inbox").get().getDisplayName()).isEqualTo("Inbox");
    }

    @Test
    void badInputIsRefusedAsGraphRefusesItAndLeavesTheStoreUnchanged() {
        String token = tokenOf(CAROL);
        io.exchangehub.sandbox.store.Message message = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class, m -> true);
        long journal = store.read(() -> mailbox(CAROL).currentSeq());

        assertGraphError(rawJson("POST", "/me/messages", token, "{\"subject\":", 400), "BadRequest");
        assertGraphError(rawJson("PATCH", "/me/messages/" + message.id, token, "[1,2]", 400), "BadRequest");
        assertGraphError(rawJson("GET", "/me/messages?$top=0", token, null, 400), "ErrorInvalidUrlQuery");
        assertGraphError(rawJson("GET", "/me/messages?$top=1001", token, null, 400), "ErrorInvalidUrlQuery");
        assertGraphError(rawJson("GET", "/me/messages?$top=many", token, null, 400), "BadRequest");
        assertGraphError(rawJson("GET", "/me/messages?$select=colour", token, null, 400), "RequestBroker--ParseUri");
        assertGraphError(rawJson("GET", "/me/messages?$filter=colour%20eq%20'red'", token, null, 400), "RequestBroker--ParseUri");
        assertGraphError(rawJson("GET", "/me/messages?$filter=isRead%20eq", token, null, 400), "BadRequest");
        assertGraphError(rawJson("GET", "/me/messages/AAMkAGI2THVSAAA%3D", token, null, 400), "ErrorInvalidIdMalformed");
        assertGraphError(rawJson("GET", "/me/mailFolders/not-a-folder", token, null, 400), "ErrorInvalidIdMalformed");
        assertGraphError(rawJson("PATCH", "/me/messages/" + message.id, token, "{\"colour\":\"red\"}", 400), "RequestBodyRead");
        assertGraphError(rawJson("PATCH", "/me/messages/" + message.id, token, "{\"categories\":[\"a\"],\"isRead\":\"yes\"}", 400),
                "RequestBodyRead");
        assertGraphError(rawJson("PATCH", "/me/messages/" + message.id, token, "{\"importance\":\"urgent\"}", 400), "RequestBodyRead");
        HttpResponse<String> wrongBody = raw("POST", "/me/messages", token, "{\"body\":\"Merger with Fabrikam\"}");
        assertThat(wrongBody.statusCode()).isEqualTo(400);
        assertThat(wrongBody.body()).as("a literal of the wrong type is not quoted back").doesNotContain("Merger");
        assertThat(raw("POST", "/me/messages", token, "{\"subject\":[\"Merger with Fabrikam\"]}").body()).doesNotContain("Merger");
        assertGraphError(rawJson("POST", "/me/messages", token, "{\"toRecipients\":[{\"emailAddress\":{}}]}", 400),
                "ErrorInvalidRecipients");
        assertGraphError(rawJson("POST", "/me/messages/" + message.id + "/move", token, "{\"destination\":\"inbox\"}", 400),
                "RequestBodyRead");
        String longName = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"" + "n".repeat(256)
                + ".txt\",\"contentBytes\":\"SGk=\"}";
        assertGraphError(rawJson("POST", "/me/messages", token, "{\"subject\":\"named\",\"attachments\":[" + longName + "]}", 400),
                "ErrorInvalidRequest");
        assertGraphError(rawJson("POST", "/me/sendMail", token, "{\"message\":{\"toRecipients\":[{\"emailAddress\":"
                + "{\"address\":\"" + ALICE + "\"}}],\"attachments\":[" + longName + "]}}", 400), "ErrorInvalidRequest");
        assertGraphError(rawJson("POST", "/me/messages/" + message.id + "/attachments/createUploadSession", token, "{\"AttachmentItem\":"
                + "{\"attachmentType\":\"file\",\"name\":\"" + "n".repeat(256) + "\",\"size\":4000000}}", 400),
                "ErrorInvalidRequest");
        assertGraphError(rawJson("POST", "/me/events", token, "{\"subject\":\"no times\"}", 400), "ErrorInvalidRequest");
        assertGraphError(rawJson("POST", "/me/events", token, "{\"start\":{\"dateTime\":\"2026-03-10T10:00:00\",\"timeZone\":"
                + "\"Mars/Olympus\"},\"end\":{\"dateTime\":\"2026-03-10T11:00:00\",\"timeZone\":\"UTC\"}}", 400),
                "TimeZoneNotSupportedException");
        assertGraphError(rawJson("GET", "/me/unknownThings", token, null, 400), "BadRequest");
        String oversized = "{\"subject\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        assertGraphError(rawJson("POST", "/me/messages", token, oversized, 413), "RequestEntityTooLarge");

        assertThat(store.read(() -> mailbox(CAROL).currentSeq())).as("nothing was journalled").isEqualTo(journal);
    }

    @Test
    void aFifthConcurrentRequestOnAMailboxIsThrottled() {
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"getMailFolder\",\"latencyMs\":6000,"
                + "\"remaining\":4}");
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < MailboxConcurrency.LIMIT; i++) {
            slow.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl() + ROOT + "/me/mailFolders/inbox"))
                    .header("Authorization", "Bearer " + tokenOf(CAROL)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        // the switch wears out when the fourth request has taken it: all four now hold their slots
        await().atMost(Duration.ofSeconds(5)).until(() -> getJson("/sandbox/faults").isEmpty());
        HttpResponse<String> fifth = raw("GET", "/me/mailFolders/drafts", tokenOf(CAROL), null);
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertGraphError(readJson(fifth.body()), "ApplicationThrottled");
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat(raw("GET", "/users/" + ALICE + "/mailFolders/drafts", tokenOf(ALICE), null).statusCode())
                .as("the limit is per mailbox").isEqualTo(200);
        assertThat(slow.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(200);
    }
}
