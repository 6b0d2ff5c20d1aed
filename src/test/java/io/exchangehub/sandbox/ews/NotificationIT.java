package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.notification.GetEventsResults;
import microsoft.exchange.webservices.data.notification.ItemEvent;
import microsoft.exchange.webservices.data.notification.NotificationEvent;
import microsoft.exchange.webservices.data.notification.PullSubscription;
import microsoft.exchange.webservices.data.notification.StreamingSubscription;
import microsoft.exchange.webservices.data.notification.StreamingSubscriptionConnection;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import org.junit.jupiter.api.Test;

class NotificationIT extends EwsTestSupport {

    @Test
    void pullSubscriptionReportsChangesMadeThroughTheStoreAndThroughEws() throws Exception {
        ExchangeService alice = ews(ALICE);
        PullSubscription subscription = alice.subscribeToPullNotifications(List.of(new FolderId(WellKnownFolderName.Inbox)), 5,
                null, EventType.NewMail, EventType.Created, EventType.Moved, EventType.Modified);
        GetEventsResults nothing = subscription.getEvents();
        assertThat(nothing.getAllEvents()).isEmpty();

        Folder inbox = folder(ALICE, WellKnownFolder.INBOX);
        String subject = "Through the store " + UUID.randomUUID();
        String createdId = store.write(() -> store.createMessage(inbox, m -> m.subject = subject).id);

        ExchangeService bob = ews(BOB);
        String mailSubject = "From Bob " + UUID.randomUUID();
        EmailMessage mail = new EmailMessage(bob);
        mail.setSubject(mailSubject);
        mail.getToRecipients().add(ALICE);
        mail.send();
        String deliveredId = store.read(() -> inbox.items().stream().filter(i -> i.subject.equals(mailSubject)).findFirst()
                .orElseThrow().id);
        EmailMessage delivered = EmailMessage.bind(alice, new ItemId(deliveredId));
        String movedId = delivered.move(WellKnownFolderName.JunkEmail).getId().getUniqueId();

        GetEventsResults events = subscription.getEvents();
        List<String> seen = new ArrayList<>();
        for (ItemEvent event : events.getItemEvents()) {
            String id = event.getItemId().getUniqueId();
            String which = id.equals(createdId) ? "store" : id.equals(deliveredId) ? "delivered" : id.equals(movedId) ? "moved"
                    : "other";
            seen.add(event.getEventType() + " " + which);
            if (event.getEventType() == EventType.Moved) {
                assertThat(event.getOldItemId().getUniqueId()).isEqualTo(deliveredId);
                assertThat(event.getOldParentFolderId().getUniqueId()).isEqualTo(inbox.id);
            }
        }
        assertThat(seen).containsExactly("Created store", "Created delivered", "NewMail delivered", "Moved moved");
        assertThat(subscription.isMoreEventsAvailable()).isFalse();
        assertThat(subscription.getEvents().getAllEvents()).isEmpty();

        List<String> bulk = store.write(() -> {
            List<String> made = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                made.add(store.createMessage(inbox, m -> m.subject = "Bulk").id);
            }
            return made;
        });
        GetEventsResults first = subscription.getEvents();
        assertThat(first.getAllEvents()).hasSize(NotificationOperations.MAX_EVENTS);
        assertThat(subscription.isMoreEventsAvailable()).isTrue();
        GetEventsResults second = subscription.getEvents();
        assertThat(second.getAllEvents()).hasSize(10);
        assertThat(subscription.isMoreEventsAvailable()).isFalse();
        subscription.unsubscribe();
        // sixty unread messages at the top of the shared Inbox would change what later tests page through
        store.write(() -> bulk.forEach(id -> store.delete(store.item(id), io.exchangehub.sandbox.store.DeleteMode.HARD)));
    }

    @Test
    void subscriptionToAllFoldersResumesFromAWatermarkAndReportsCopiesAndDeletes() throws Exception {
        ExchangeService alice = ews(ALICE);
        PullSubscription first = alice.subscribeToPullNotifications(List.of(new FolderId(WellKnownFolderName.Inbox)), 5, null,
                EventType.NewMail);
        String watermark = first.getWaterMark();
        EmailMessage draft = new EmailMessage(alice);
        draft.setSubject("Copy me " + UUID.randomUUID());
        draft.save(WellKnownFolderName.Drafts);
        String copyId = draft.copy(WellKnownFolderName.Inbox).getId().getUniqueId();
        String draftId = draft.getId().getUniqueId();
        draft.delete(microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode.HardDelete);

        PullSubscription everywhere = alice.subscribeToPullNotificationsOnAllFolders(5, watermark, EventType.Created,
                EventType.Copied, EventType.Deleted);
        List<String> seen = new ArrayList<>();
        for (ItemEvent event : everywhere.getEvents().getItemEvents()) {
            String id = event.getItemId().getUniqueId();
            seen.add(event.getEventType() + " " + (id.equals(draftId) ? "draft" : id.equals(copyId) ? "copy" : "other"));
            if (event.getEventType() == EventType.Copied) {
                assertThat(event.getOldItemId().getUniqueId()).isEqualTo(draftId);
            }
        }
        assertThat(seen).containsExactly("Created draft", "Copied copy", "Deleted draft");
        first.unsubscribe();
        everywhere.unsubscribe();
    }

    @Test
    void subscriptionsAnswerWithExchangesErrors() throws Exception {
        ExchangeService alice = ews(ALICE);
        PullSubscription pull = alice.subscribeToPullNotifications(List.of(new FolderId(WellKnownFolderName.Inbox)), 5, null,
                EventType.NewMail);
        StreamingSubscription streaming = alice.subscribeToStreamingNotifications(
                List.of(new FolderId(WellKnownFolderName.Inbox)), EventType.NewMail);

        assertThat(getEvents(ALICE, "not-a-subscription", pull.getWaterMark())).contains("ErrorInvalidSubscription");
        assertThat(getEvents(ALICE, pull.getId(), "bm90IGEgd2F0ZXJtYXJr")).contains("ErrorInvalidWatermark");
        assertThat(getEvents(BOB, pull.getId(), pull.getWaterMark())).contains("ErrorSubscriptionAccessDenied");
        assertThat(getEvents(ALICE, streaming.getId(), pull.getWaterMark())).contains("ErrorInvalidSubscription");
        pull.unsubscribe();
        assertThat(getEvents(ALICE, pull.getId(), pull.getWaterMark())).contains("ErrorSubscriptionNotFound");

        HttpResponse<String> foreign = soap(BOB, "<m:Subscribe><m:PullSubscriptionRequest><t:FolderIds>"
                + "<t:DistinguishedFolderId Id=\"inbox\"><t:Mailbox><t:EmailAddress>" + ALICE + "</t:EmailAddress></t:Mailbox>"
                + "</t:DistinguishedFolderId></t:FolderIds><t:EventTypes><t:EventType>NewMailEvent</t:EventType></t:EventTypes>"
                + "<t:Timeout>5</t:Timeout></m:PullSubscriptionRequest></m:Subscribe>");
        assertThat(foreign.body()).contains("<m:ResponseCode>ErrorAccessDenied</m:ResponseCode>");

        HttpResponse<String> invalidStream = soap(ALICE, "<m:GetStreamingEvents><m:SubscriptionIds>"
                + "<t:SubscriptionId>RW5vdCBhIHN1YnNjcmlwdGlvbg==</t:SubscriptionId></m:SubscriptionIds>"
                + "<m:ConnectionTimeout>1</m:ConnectionTimeout></m:GetStreamingEvents>");
        assertThat(invalidStream.statusCode()).isEqualTo(200);
        assertThat(invalidStream.body()).contains("<m:ResponseCode>ErrorInvalidSubscription</m:ResponseCode>",
                "<m:ErrorSubscriptionIds><m:SubscriptionId>RW5vdCBhIHN1YnNjcmlwdGlvbg==</m:SubscriptionId>",
                "<m:ConnectionStatus>Closed</m:ConnectionStatus>");
    }

    /**
     * One connection of a minute carries several subscriptions' events as they happen, a raw
     * reader of another connection sees the heartbeat and the final Closed, and a pull
     * subscription of one minute nobody reads expires meanwhile.
     */
    @Test
    void streamingConnectionsCarryEventsHeartbeatsAndCloseAtTheirTimeout() throws Exception {
        ExchangeService alice = ews(ALICE);
        PullSubscription idle = alice.subscribeToPullNotifications(List.of(new FolderId(WellKnownFolderName.Inbox)), 1, null,
                EventType.NewMail);
        StreamingSubscription inbox = alice.subscribeToStreamingNotifications(List.of(new FolderId(WellKnownFolderName.Inbox)),
                EventType.NewMail, EventType.Created);
        StreamingSubscription calendar = alice.subscribeToStreamingNotifications(
                List.of(new FolderId(WellKnownFolderName.Calendar)), EventType.Created, EventType.Modified);
        StreamingSubscription raw = alice.subscribeToStreamingNotifications(List.of(new FolderId(WellKnownFolderName.Inbox)),
                EventType.Created);

        List<String> received = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch disconnected = new CountDownLatch(1);
        StreamingSubscriptionConnection connection = new StreamingSubscriptionConnection(alice, List.of(inbox, calendar), 1);
        connection.addOnNotificationEvent((sender, args) -> {
            String which = args.getSubscription().getId().equals(inbox.getId()) ? "inbox" : "calendar";
            for (NotificationEvent event : args.getEvents()) {
                received.add(which + " " + event.getEventType() + " " + ((ItemEvent) event).getItemId().getUniqueId());
            }
        });
        connection.addOnDisconnect((sender, args) -> disconnected.countDown());
        connection.open();
        CompletableFuture<String> rawStream = CompletableFuture.supplyAsync(() -> readStream(raw.getId()));

        Folder alicesInbox = folder(ALICE, WellKnownFolder.INBOX);
        String mailId = store.write(() -> store.createMessage(alicesInbox, m -> {
            m.subject = "Streamed " + UUID.randomUUID();
            m.body(Body.text("made through the store"));
        }).id);
        Appointment appointment = new Appointment(alice);
        appointment.setSubject("Streamed appointment");
        appointment.setStart(Date.from(java.time.Instant.parse("2026-04-01T10:00:00Z")));
        appointment.setEnd(Date.from(java.time.Instant.parse("2026-04-01T11:00:00Z")));
        appointment.save(SendInvitationsMode.SendToNone);
        appointment.setLocation("Room 1");
        appointment.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
        String appointmentId = appointment.getId().getUniqueId();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(received).contains("inbox Created " + mailId,
                "calendar Created " + appointmentId, "calendar Modified " + appointmentId));
        assertThat(received).noneMatch(event -> event.startsWith("inbox") && event.endsWith(appointmentId));

        assertThat(disconnected.await(90, TimeUnit.SECONDS)).as("the connection closes after its minute").isTrue();
        String stream = rawStream.get(90, TimeUnit.SECONDS);
        assertThat(stream).contains("<t:CreatedEvent>", mailId, "<m:ConnectionStatus>OK</m:ConnectionStatus>");
        assertThat(stream.trim()).endsWith("<m:ConnectionStatus>Closed</m:ConnectionStatus></m:GetStreamingEventsResponseMessage>"
                + "</m:ResponseMessages></m:GetStreamingEventsResponse></s:Body></s:Envelope>");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(getEvents(ALICE, idle.getId(), idle.getWaterMark())).contains("ErrorExpiredSubscription"));
    }

    /** A GetStreamingEvents answer read raw to its end: the envelopes as they came. */
    private String readStream(String subscriptionId) {
        String body = envelope("Exchange2010_SP2", "", "<m:GetStreamingEvents><m:SubscriptionIds><t:SubscriptionId>"
                + subscriptionId + "</t:SubscriptionId></m:SubscriptionIds><m:ConnectionTimeout>1</m:ConnectionTimeout>"
                + "</m:GetStreamingEvents>");
        try {
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(ewsUrl()))
                    .header("Authorization", "Bearer " + token(ALICE)).header("Content-Type", "text/xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            try (InputStream in = response.body()) {
                in.transferTo(copy);
            }
            EwsTraffic.record(new EwsTraffic.Answer(response.statusCode(), "text/xml", copy.toByteArray()));
            return copy.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String getEvents(String user, String subscriptionId, String watermark) {
        return soap(user, "<m:GetEvents><m:SubscriptionId>" + subscriptionId + "</m:SubscriptionId><m:Watermark>" + watermark
                + "</m:Watermark></m:GetEvents>").body();
    }
}
