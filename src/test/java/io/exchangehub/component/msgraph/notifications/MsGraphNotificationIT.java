package io.exchangehub.component.msgraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.component.StateStore;
import io.exchangehub.component.msgraph.MsGraphComponent;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphIntegrationTest;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.model.Body;
import io.exchangehub.model.ChangeEvent;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Consumer;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Push mode: Graph's subscriptions to the hub's receiver route, the validation handshake,
 * notifications checked by their clientState, and each lifecycle event. Polls (renewals and
 * catch-up) are run by the test, not a timer.
 */
class MsGraphNotificationIT extends MsGraphIntegrationTest {

    private static final String TOKENS = "msGraphNotificationItTokens";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    MeterRegistry meters;

    @Autowired
    StateStore store;

    private final List<ChangeEvent> changes = new CopyOnWriteArrayList<>();
    private ScheduledPollConsumer consumer;

    @AfterEach
    void stop() throws Exception {
        if (consumer != null) {
            consumer.stop();
        }
    }

    private MsGraphSubscriptions subscriptions() {
        return camel.getComponent("msgraph", MsGraphComponent.class).subscriptions();
    }

    private SubscriptionState subscription() {
        return subscriptions().subscription(CAROL, "messages").orElseThrow();
    }

    private void start() throws Exception {
        camel.getRegistry().bind(TOKENS, (AccessTokenProvider) mailbox -> tokenOf(mailbox));
        Consumer created = camel.getEndpoint("msgraph:notifications?mailbox=" + CAROL + "&resources=messages&folders=inbox"
                        + "&startScheduler=false&accessTokenProvider=#" + TOKENS)
                .createConsumer(exchange -> changes.add(exchange.getMessage().getBody(ChangeEvent.class)));
        created.start();
        consumer = (ScheduledPollConsumer) created;
        consumer.run();
    }

    private String send(String subject) {
        MessageDraft draft = new MessageDraft(subject, new Body(Body.ContentType.TEXT, "notify me"), List.of(new Recipient("", CAROL)),
                null, null, null, null, null, null);
        result("messages", MsGraphOperation.sendMessage, draft, Object.class);
        @SuppressWarnings("unchecked")
        Page<MailMessage> inbox = await().atMost(PATIENCE).until(() -> result("messages", MsGraphOperation.listMessages, null,
                Page.class, MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.FILTER_SUBJECT, subject), p -> !p.items().isEmpty());
        return inbox.items().get(0).id();
    }

    private void cleanUp(String subject) {
        for (String folder : List.of("inbox", "sentitems")) {
            @SuppressWarnings("unchecked")
            Page<MailMessage> page = result("messages", MsGraphOperation.listMessages, null, Page.class, MsGraphConstants.FOLDER_ID,
                    folder, MsGraphConstants.FILTER_SUBJECT, subject);
            page.items().forEach(m -> call("messages", MsGraphOperation.deleteMessage, null, MsGraphConstants.ITEM_ID, m.id(),
                    MsGraphConstants.DELETE_MODE, "HARD"));
        }
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private void lifecycle(String subscriptionId, String event) {
        assertThat(post("/sandbox/graph-control/subscriptions/" + subscriptionId + "/lifecycle", "{\"event\":\"" + event + "\"}")
                .statusCode()).isEqualTo(202);
    }

    private JsonNode graphSubscription(String id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/graph/v1.0/subscriptions/" + id))
                .header("Authorization", "Bearer " + tokenOf(CAROL)).GET().build());
        return response.statusCode() == 200 ? readJson(response.body()) : null;
    }

    @Test
    void theReceiverAnswersTheValidationHandshakeWithTheTokenAsPlainText() {
        HttpResponse<String> response = post("/api/v1/notifications/graph?validationToken=" + encode("Validation: a <b> & c"), "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).isEqualTo("Validation: a <b> & c");
        assertThat(post("/api/v1/notifications/graph", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aNewMessageIsNotifiedAndAWrongClientStateIsDroppedAndCounted() throws Exception {
        start();
        SubscriptionState state = subscription();
        assertThat(store.get("msgraph:subscription:" + state.id())).as("the client state is kept in Redis").isPresent();
        assertThat(state.clientState()).hasSizeGreaterThanOrEqualTo(40);

        String subject = "Notified " + UUID.randomUUID();
        String id = send(subject);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes).anySatisfy(change -> {
            assertThat(change.id()).isEqualTo(id);
            assertThat(change.changeType()).isEqualTo(ChangeEvent.ChangeType.CREATED);
            assertThat(change.resourceType()).isEqualTo(ChangeEvent.ResourceType.MESSAGE);
            assertThat(change.mailbox()).isEqualTo(CAROL);
        }));

        double rejected = meters.counter(MsGraphNotificationReceiver.REJECTED_METRIC, "reason", "client-state").count();
        String forged = "{\"value\":[{\"subscriptionId\":\"" + state.id() + "\",\"clientState\":\"guessed\",\"changeType\":\"deleted\","
                + "\"resource\":\"Users/x/Messages/forged-id\",\"resourceData\":{\"id\":\"forged-id\"}},"
                + "{\"subscriptionId\":\"no-such-subscription\",\"clientState\":\"" + state.clientState() + "\",\"changeType\":\"deleted\","
                + "\"resourceData\":{\"id\":\"forged-too\"}}]}";
        HttpResponse<String> answer = post("/api/v1/notifications/graph", forged);
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(meters.counter(MsGraphNotificationReceiver.REJECTED_METRIC, "reason", "client-state").count() - rejected).isEqualTo(2);
        String marker = send("After the forgery " + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> changes.stream().anyMatch(c -> c.id().equals(marker)));
        assertThat(changes).extracting(ChangeEvent::id).doesNotContain("forged-id", "forged-too");
        cleanUp(subject);
        cleanUp("After the forgery");
    }

    @Test
    void lifecycleEventsReauthorizeRecreateAndCatchUp() throws Exception {
        start();
        SubscriptionState first = subscription();

        Instant before = Instant.parse(graphSubscription(first.id()).get("expirationDateTime").asText());
        lifecycle(first.id(), "reauthorizationRequired");
        await().atMost(PATIENCE).until(() -> Instant.parse(graphSubscription(first.id()).get("expirationDateTime").asText())
                .isAfter(before));

        String subject = "Missed " + UUID.randomUUID();
        String missed = send(subject);
        await().atMost(PATIENCE).until(() -> changes.stream().anyMatch(c -> c.id().equals(missed)));
        lifecycle(first.id(), "missed");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(changes).as("the catch-up's delta names the folder")
                .anySatisfy(c -> {
                    assertThat(c.id()).isEqualTo(missed);
                    assertThat(c.folderId()).isNotNull();
                }));

        lifecycle(first.id(), "subscriptionRemoved");
        await().atMost(PATIENCE).until(() -> !subscription().id().equals(first.id()));
        SubscriptionState second = subscription();
        assertThat(second.clientState()).isNotEqualTo(first.clientState());
        assertThat(store.get("msgraph:subscription:" + first.id())).isEmpty();
        String later = send("Recreated " + UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> changes.stream().anyMatch(c -> c.id().equals(later)));

        consumer.stop();
        consumer = null;
        assertThat(graphSubscription(second.id())).as("the last consumer's stop deletes the subscription").isNull();
        assertThat(store.get("msgraph:subscription:" + second.id())).isEmpty();
        cleanUp(subject);
        cleanUp("Recreated");
    }
}
