package io.exchangehub.component.msgraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.component.StateStore;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphIntegrationTest;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.model.BatchRequest;
import io.exchangehub.model.BatchResult;
import io.exchangehub.model.Body;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.ChangeEvent;
import io.exchangehub.model.DateTimeZone;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.EventDraft;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageChanges;
import io.exchangehub.model.Page;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The delta consumer ({@code mode=delta}): a silent baseline, then each change once, created
 * told apart from updated, and a lost sync state (410) turned into just the changes. Polls are
 * run by the test, not a timer.
 */
class MsGraphDeltaIT extends MsGraphIntegrationTest {

    private static final String TOKENS = "msGraphDeltaItTokens";

    @Autowired
    StateStore store;

    private final List<ChangeEvent> changes = new CopyOnWriteArrayList<>();
    private ScheduledPollConsumer consumer;
    private String folderId;

    @AfterEach
    void stop() throws Exception {
        if (consumer != null) {
            consumer.stop();
        }
        if (folderId != null) {
            call("folders", MsGraphOperation.deleteFolder, null, MsGraphConstants.FOLDER_ID, folderId);
        }
    }

    private ScheduledPollConsumer start(String options) throws Exception {
        camel.getRegistry().bind(TOKENS, (AccessTokenProvider) mailbox -> tokenOf(mailbox));
        Endpoint endpoint = camel.getEndpoint("msgraph:notifications?mailbox=" + CAROL + "&mode=delta&startScheduler=false"
                + "&accessTokenProvider=#" + TOKENS + "&deltaPageSize=50&" + options);
        Consumer created = endpoint.createConsumer(exchange -> changes.add(exchange.getMessage().getBody(ChangeEvent.class)));
        created.start();
        consumer = (ScheduledPollConsumer) created;
        return consumer;
    }

    private List<ChangeEvent> poll() {
        changes.clear();
        consumer.run();
        return List.copyOf(changes);
    }

    @SuppressWarnings("unchecked")
    private List<String> copyFromArchive(int count, int offset) {
        List<MailFolder> folders = result("folders", MsGraphOperation.listFolders, null, List.class);
        String archive = folders.stream().filter(f -> f.path().equals("/Archive 2024")).findFirst().orElseThrow().id();
        Page<MailMessage> page = result("messages", MsGraphOperation.listMessages, null, Page.class, MsGraphConstants.FOLDER_ID,
                archive, MsGraphConstants.TOP, offset + count);
        List<String> ids = page.items().subList(offset, offset + count).stream().map(MailMessage::id).toList();
        List<BatchResult> copies = result("messages", MsGraphOperation.batchMessages,
                new BatchRequest(BatchRequest.Action.COPY, ids, folderId, null, null), List.class);
        return copies.stream().map(BatchResult::newId).toList();
    }

    private String newFolder() {
        folderId = result("folders", MsGraphOperation.createFolder, null, MailFolder.class, MsGraphConstants.DISPLAY_NAME,
                "Delta " + UUID.randomUUID()).id();
        return folderId;
    }

    @Test
    void aFolderDeltaRoundTripReportsEachChangeOnceAfterASilentBaseline() throws Exception {
        newFolder();
        List<String> existing = copyFromArchive(120, 0);
        start("resources=messages&folders=" + folderId);
        assertThat(poll()).as("what is there already is no change").isEmpty();

        String added = copyFromArchive(1, 200).get(0);
        assertThat(poll()).singleElement().satisfies(change -> {
            assertThat(change.changeType()).isEqualTo(ChangeEvent.ChangeType.CREATED);
            assertThat(change.id()).isEqualTo(added);
            assertThat(change.resourceType()).isEqualTo(ChangeEvent.ResourceType.MESSAGE);
            assertThat(change.folderId()).isEqualTo(folderId);
            assertThat(change.mailbox()).isEqualTo(CAROL);
        });

        result("messages", MsGraphOperation.updateMessage, new MessageChanges(null, null, List.of("Delta"), null), Object.class,
                MsGraphConstants.ITEM_ID, existing.get(5));
        assertThat(poll()).singleElement().satisfies(change -> {
            assertThat(change.changeType()).isEqualTo(ChangeEvent.ChangeType.UPDATED);
            assertThat(change.id()).isEqualTo(existing.get(5));
        });

        result("messages", MsGraphOperation.deleteMessage, null, Object.class, MsGraphConstants.ITEM_ID, existing.get(7),
                MsGraphConstants.DELETE_MODE, DeleteMode.HARD.name());
        assertThat(poll()).singleElement().satisfies(change -> {
            assertThat(change.changeType()).isEqualTo(ChangeEvent.ChangeType.DELETED);
            assertThat(change.id()).isEqualTo(existing.get(7));
            assertThat(change.folderId()).isEqualTo(folderId);
        });
        assertThat(poll()).as("nothing changed since").isEmpty();
    }

    @Test
    void aLostSyncStateRestartsWithoutReportingWhatWasReportedAlready() throws Exception {
        newFolder();
        List<String> existing = copyFromArchive(80, 0);
        start("resources=messages&folders=" + folderId);
        assertThat(poll()).isEmpty();
        String key = "msgraph:delta:" + CAROL + ":messages:" + folderId;
        DeltaState state = DeltaState.decode(store.get(key).orElseThrow());
        String corrupt = state.deltaLink().replaceAll("(\\$deltatoken=)[^&]+", "$1bm90LWEtdG9rZW4");
        assertThat(corrupt).isNotEqualTo(state.deltaLink());
        store.put(key, new DeltaState(corrupt, state.folderId(), state.versions()).encode());

        String added = copyFromArchive(1, 300).get(0);
        MailMessage readOrNot = result("messages", MsGraphOperation.getMessage, null, MailMessage.class, MsGraphConstants.ITEM_ID,
                existing.get(1));
        result("messages", MsGraphOperation.updateMessage, new MessageChanges(!readOrNot.isRead(), null, null, null), Object.class,
                MsGraphConstants.ITEM_ID, existing.get(1));
        result("messages", MsGraphOperation.deleteMessage, null, Object.class, MsGraphConstants.ITEM_ID, existing.get(2),
                MsGraphConstants.DELETE_MODE, DeleteMode.HARD.name());

        List<ChangeEvent> after = poll();
        assertThat(after).extracting(ChangeEvent::changeType, ChangeEvent::id).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(ChangeEvent.ChangeType.CREATED, added),
                org.assertj.core.groups.Tuple.tuple(ChangeEvent.ChangeType.UPDATED, existing.get(1)),
                org.assertj.core.groups.Tuple.tuple(ChangeEvent.ChangeType.DELETED, existing.get(2)));
        assertThat(DeltaState.decode(store.get(key).orElseThrow()).deltaLink()).isNotEqualTo(corrupt);
        assertThat(poll()).isEmpty();
    }

    @Test
    void theCalendarWindowReportsCreatedUpdatedAndDeletedEvents() throws Exception {
        start("resources=events&calendarPastDays=2&calendarFutureDays=20");
        assertThat(poll()).isEmpty();
        LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).plusDays(3).withHour(9).withMinute(0).withSecond(0).withNano(0);
        EventDraft draft = new EventDraft("Delta meeting " + UUID.randomUUID(), new Body(Body.ContentType.TEXT, "x"),
                new DateTimeZone(at, "UTC"), new DateTimeZone(at.plusHours(1), "UTC"), false, null, null, null, null, null, null, null,
                null, null);
        CalendarEvent created = result("calendar", MsGraphOperation.createEvent, draft, CalendarEvent.class);
        assertThat(poll()).singleElement().satisfies(change -> {
            assertThat(change.changeType()).isEqualTo(ChangeEvent.ChangeType.CREATED);
            assertThat(change.resourceType()).isEqualTo(ChangeEvent.ResourceType.EVENT);
            assertThat(change.id()).isEqualTo(created.id());
        });
        result("calendar", MsGraphOperation.updateEvent, new EventDraft("Moved", null, null, null, null, "Room 2", null, null, null,
                null, null, null, null, null), Object.class, MsGraphConstants.ITEM_ID, created.id());
        assertThat(poll()).extracting(ChangeEvent::changeType).containsExactly(ChangeEvent.ChangeType.UPDATED);
        result("calendar", MsGraphOperation.deleteEvent, null, Object.class, MsGraphConstants.ITEM_ID, created.id());
        assertThat(poll()).extracting(ChangeEvent::changeType).containsExactly(ChangeEvent.ChangeType.DELETED);
    }
}
