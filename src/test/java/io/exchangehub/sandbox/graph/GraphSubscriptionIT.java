package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphSubscriptionIT extends GraphIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Subscriptions this test made: left alive, they would notify closed receivers (or a later test's on a reused port). */
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void deleteSubscriptions() {
        for (String id : made) {
            try {
                graph(CAROL).subscriptions().bySubscriptionId(id).delete();
            } catch (ODataError alreadyGone) {
                // the test removed it itself
            }
        }
    }

    private Subscription subscribe(NotificationReceiver receiver, String resource, String changeType, OffsetDateTime expiration) {
        Subscription subscription = new Subscription();
        subscription.setResource(resource);
        subscription.setChangeType(changeType);
        subscription.setNotificationUrl(receiver.url("/notify"));
        subscription.setLifecycleNotificationUrl(receiver.url("/lifecycle"));
        subscription.setClientState("secret-" + UUID.randomUUID());
        subscription.setExpirationDateTime(expiration);
        Subscription created = graph(CAROL).subscriptions().post(subscription);
        made.add(created.getId());
        return created;
    }

    private static OffsetDateTime inAnHour() {
        return OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
    }

    private void mailCarol(String subject) {
        SendMailPostRequestBody request = new SendMailPostRequestBody();
        Message message = new Message();
        message.setSubject(subject);
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Text);
        body.setContent("Hello Carol");
        message.setBody(body);
        message.setToRecipients(List.of(GraphMessageIT.recipient(CAROL)));
        request.setMessage(message);
        graph(ALICE).me().sendMail().post(request);
    }

    @Test
    void aValidatedSubscriptionNotifiesChangesWithItsClientState() throws Exception {
        try (NotificationReceiver receiver = new NotificationReceiver()) {
            Subscription subscription = subscribe(receiver, "me/mailFolders('Inbox')/messages", "created,updated", inAnHour());
            assertThat(receiver.validations).containsExactlyInAnyOrder("/notify", "/lifecycle");
            assertThat(subscription.getId()).isNotBlank();
            assertThat(subscription.getApplicationId()).isEqualTo(properties.clientId());

            String subject = "Notify me " + UUID.randomUUID();
            mailCarol(subject);
            String id = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class, m -> m.subject.equals(subject)).id;
            await().atMost(WAIT).until(() -> receiver.notifications("/notify").stream()
                    .anyMatch(n -> n.at("/resourceData/id").asText().equals(id)));
            JsonNode created = receiver.notifications("/notify").stream()
                    .filter(n -> n.at("/resourceData/id").asText().equals(id)).findFirst().orElseThrow();
            assertThat(created.get("subscriptionId").asText()).isEqualTo(subscription.getId());
            assertThat(created.get("changeType").asText()).isEqualTo("created");
            assertThat(created.get("clientState").asText()).isEqualTo(subscription.getClientState());
            assertThat(created.get("tenantId").asText()).isEqualTo(properties.tenantId());
            assertThat(created.get("resource").asText()).isEqualTo("Users/" + mailbox(CAROL).objectId + "/Messages/" + id);
            assertThat(created.at("/resourceData/@odata.type").asText()).isEqualTo("#Microsoft.Graph.Message");
            assertThat(created.at("/resourceData/@odata.etag").asText()).startsWith("W/\"");

            Message read = new Message();
            read.setIsRead(true);
            graph(CAROL).me().messages().byMessageId(id).patch(read);
            await().atMost(WAIT).until(() -> receiver.notifications("/notify").stream()
                    .anyMatch(n -> n.at("/resourceData/id").asText().equals(id) && n.get("changeType").asText().equals("updated")));

            assertThat(graph(CAROL).subscriptions().get().getValue()).extracting(Subscription::getId).contains(subscription.getId());
            graph(CAROL).subscriptions().bySubscriptionId(subscription.getId()).delete();
            try (NotificationReceiver sentinel = new NotificationReceiver()) {
                subscribe(sentinel, "me/messages", "created", inAnHour());
                String after = "After delete " + UUID.randomUUID();
                mailCarol(after);
                String afterId = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class, m -> m.subject.equals(after)).id;
                await().atMost(WAIT).until(() -> sentinel.notifications("/notify").stream()
                        .anyMatch(n -> n.at("/resourceData/id").asText().equals(afterId)));
                assertThat(receiver.notifications("/notify")).noneMatch(n -> n.at("/resourceData/id").asText().equals(afterId));
            }
        }
    }

    @Test
    void refusedDeliveriesAreRetried() throws Exception {
        try (NotificationReceiver receiver = new NotificationReceiver().refusing(2)) {
            subscribe(receiver, "me/contacts", "created", inAnHour());
            com.microsoft.graph.models.Contact contact = new com.microsoft.graph.models.Contact();
            contact.setGivenName("Retry");
            contact.setSurname(UUID.randomUUID().toString());
            String id = graph(CAROL).me().contacts().post(contact).getId();
            await().atMost(WAIT).until(() -> receiver.notifications("/notify").stream()
                    .anyMatch(n -> n.at("/resourceData/id").asText().equals(id)));
            assertThat(receiver.notifications("/notify").get(0).at("/resourceData/@odata.type").asText())
                    .isEqualTo("#Microsoft.Graph.Contact");
        }
    }

    @Test
    void subscriptionsAreRefusedWhenValidationFailsOrTheRequestIsWrong() throws Exception {
        try (NotificationReceiver receiver = new NotificationReceiver().failingValidation()) {
            assertThatThrownBy(() -> subscribe(receiver, "me/messages", "created", inAnHour()))
                    .isInstanceOfSatisfying(ODataError.class, e -> {
                        assertThat(e.getResponseStatusCode()).isEqualTo(400);
                        assertThat(e.getError().getCode()).isEqualTo("ValidationError");
                    });
        }
        try (NotificationReceiver receiver = new NotificationReceiver()) {
            assertThatThrownBy(() -> subscribe(receiver, "me/messages", "created", OffsetDateTime.now(ZoneOffset.UTC).plusDays(8)))
                    .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
            assertThatThrownBy(() -> subscribe(receiver, "me/drive/root", "created", inAnHour()))
                    .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
            assertThatThrownBy(() -> subscribe(receiver, "me/messages", "moved", inAnHour()))
                    .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
            assertThatThrownBy(() -> subscribe(receiver, "users/" + ALICE + "/messages", "created", inAnHour()))
                    .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(403));
            assertThat(receiver.validations).isEmpty();
        }
    }

    @Test
    void lifecycleEventsReachTheLifecycleUrlAndARemovedSubscriptionFallsSilent() throws Exception {
        try (NotificationReceiver receiver = new NotificationReceiver()) {
            Subscription subscription = subscribe(receiver, "me/events", "created,updated,deleted", inAnHour());
            for (String event : List.of("missed", "reauthorizationRequired", "subscriptionRemoved")) {
                HttpRequest trigger = HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/graph-control/subscriptions/"
                                + subscription.getId() + "/lifecycle")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"" + event + "\"}")).build();
                assertThat(send(trigger).statusCode()).isEqualTo(202);
                await().atMost(WAIT).until(() -> receiver.notifications("/lifecycle").stream()
                        .anyMatch(n -> n.get("lifecycleEvent").asText().equals(event)));
            }
            JsonNode removed = receiver.notifications("/lifecycle").get(2);
            assertThat(removed.get("subscriptionId").asText()).isEqualTo(subscription.getId());
            assertThat(removed.get("clientState").asText()).isEqualTo(subscription.getClientState());
            assertThatThrownBy(() -> graph(CAROL).subscriptions().bySubscriptionId(subscription.getId()).get())
                    .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));
            graph(CAROL).me().events().post(GraphCalendarIT.event("Silent " + UUID.randomUUID(), "2026-03-25T10:00:00",
                    "2026-03-25T11:00:00", "UTC"));
            try (NotificationReceiver sentinel = new NotificationReceiver()) {
                subscribe(sentinel, "me/events", "created", inAnHour());
                String id = graph(CAROL).me().events().post(GraphCalendarIT.event("Heard " + UUID.randomUUID(),
                        "2026-03-25T12:00:00", "2026-03-25T13:00:00", "UTC")).getId();
                await().atMost(WAIT).until(() -> sentinel.notifications("/notify").stream()
                        .anyMatch(n -> n.at("/resourceData/id").asText().equals(id)));
                assertThat(receiver.notifications("/notify")).isEmpty();
            }
        }
    }

    @Test
    void aLifecycleTriggerForASubscriptionWithoutALifecycleUrlIsRefusedAndRemovesNothing() throws Exception {
        try (NotificationReceiver receiver = new NotificationReceiver()) {
            Subscription request = new Subscription();
            request.setResource("me/contacts");
            request.setChangeType("created");
            request.setNotificationUrl(receiver.url("/notify"));
            request.setExpirationDateTime(inAnHour());
            Subscription subscription = graph(CAROL).subscriptions().post(request);
            made.add(subscription.getId());
            HttpRequest trigger = HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/graph-control/subscriptions/"
                            + subscription.getId() + "/lifecycle")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"subscriptionRemoved\"}")).build();
            assertThat(send(trigger).statusCode()).isEqualTo(400);
            assertThat(graph(CAROL).subscriptions().bySubscriptionId(subscription.getId()).get().getId())
                    .isEqualTo(subscription.getId());
        }
    }

    @Test
    void reauthorizationIsAskedBeforeExpiryAndSubscriptionsRenew() throws Exception {
        try (NotificationReceiver receiver = new NotificationReceiver()) {
            Subscription subscription = subscribe(receiver, "me/messages", "created",
                    OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
            await().atMost(WAIT).until(() -> receiver.notifications("/lifecycle").stream()
                    .anyMatch(n -> n.get("lifecycleEvent").asText().equals("reauthorizationRequired")));
            GraphServiceClient graph = graph(CAROL);
            graph.subscriptions().bySubscriptionId(subscription.getId()).reauthorize().post();
            Subscription renewal = new Subscription();
            OffsetDateTime later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2);
            renewal.setExpirationDateTime(later);
            Subscription renewed = graph.subscriptions().bySubscriptionId(subscription.getId()).patch(renewal);
            assertThat(renewed.getExpirationDateTime()).isAfter(later.minusSeconds(1));
            assertThat(graph.subscriptions().bySubscriptionId(subscription.getId()).get().getExpirationDateTime())
                    .isEqualTo(renewed.getExpirationDateTime());
            Subscription tooLong = new Subscription();
            tooLong.setExpirationDateTime(OffsetDateTime.now(ZoneOffset.UTC).plusDays(30));
            assertThatThrownBy(() -> graph.subscriptions().bySubscriptionId(subscription.getId()).patch(tooLong))
                    .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
            graph.subscriptions().bySubscriptionId(subscription.getId()).delete();
        }
    }
}
