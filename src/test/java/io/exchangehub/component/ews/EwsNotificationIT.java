package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.component.StateStore;
import io.exchangehub.model.BatchRequest;
import io.exchangehub.model.BatchResult;
import io.exchangehub.model.ChangeEvent;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notification consumer in a route built by the test, watching a folder of its own in Bob's
 * mailbox, while the test makes bursts of changes, breaks the streaming connection with the
 * sandbox's fault switch, and stops and starts the route (a restart of the hub: the sync state
 * is in Redis).
 */
class EwsNotificationIT extends EwsComponentTestSupport {

    private static final String ROUTE = "ews-notification-test";

    @Autowired
    private StateStore states;

    private final List<ChangeEvent> received = Collections.synchronizedList(new ArrayList<>());
    private MailFolder folder;
    private String archive;

    @BeforeEach
    void watchedFolder() throws Exception {
        camel.getRegistry().bind("ewsTestTokens", AccessTokenProvider.class, (AccessTokenProvider) this::tokenFor);
        folder = body(BOB, EwsOperation.createFolder, null, Map.of(EwsConstants.DISPLAY_NAME, "Watched " + UUID.randomUUID()),
                MailFolder.class);
        archive = folderId(BOB, "/Archive 2024");
    }

    @AfterEach
    void removeRouteAndFolder() throws Exception {
        clearFaults();
        if (camel.getRoute(ROUTE) != null) {
            camel.getRouteController().stopRoute(ROUTE);
            camel.removeRoute(ROUTE);
        }
        call(BOB, EwsOperation.deleteFolder, null, Map.of(EwsConstants.FOLDER_ID, folder.id(), EwsConstants.DELETE_MODE,
                DeleteMode.HARD));
    }

    private void route(String options) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ews:notifications?mailbox=" + BOB + "&folders=" + folder.id() + "&accessTokenProvider=#ewsTestTokens"
                        + options).routeId(ROUTE).process(e -> received.add(e.getMessage().getBody(ChangeEvent.class)));
            }
        });
    }

    private String stateKey() {
        return "ews:sync:" + BOB + ":" + folder.id();
    }

    /** Copies archived messages into the watched folder: that many creations. */
    @SuppressWarnings("unchecked")
    private List<String> burst(int offset, int count) {
        Page<MailMessage> page = body(BOB, EwsOperation.listMessages, null, Map.of(EwsConstants.FOLDER_ID, archive,
                EwsConstants.TOP, count, EwsConstants.SORT, "subject"), Page.class);
        List<String> sources = page.items().stream().map(MailMessage::id).toList();
        List<BatchResult> copies = body(BOB, EwsOperation.batchMessages, new BatchRequest(BatchRequest.Action.COPY, sources,
                folder.id(), null, null), Map.of(), List.class);
        assertThat(copies).allMatch(BatchResult::succeeded);
        return copies.stream().map(BatchResult::newId).toList();
    }

    private List<String> ids(ChangeEvent.ChangeType type) {
        synchronized (received) {
            return received.stream().filter(e -> e.changeType() == type).map(ChangeEvent::id).toList();
        }
    }

    @Test
    void everyChangeArrivesExactlyOnceAcrossARestartAndADroppedConnection() throws Exception {
        route("&streamingLifetime=1&syncInterval=600000");
        await().atMost(Duration.ofSeconds(20)).until(() -> states.get(stateKey()).isPresent());
        assertThat(received).as("the first start records where the folder is, emitting nothing").isEmpty();
        List<String> first = burst(0, 15);
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(ChangeEvent.ChangeType.CREATED).containsAll(first));

        camel.getRouteController().stopRoute(ROUTE);
        List<String> whileStopped = burst(15, 20);
        List<String> deleted = first.subList(0, 5);
        List<BatchResult> deletes = body(BOB, EwsOperation.batchMessages, new BatchRequest(BatchRequest.Action.DELETE, deleted,
                null, DeleteMode.HARD, null), Map.of(), List.class);
        assertThat(deletes).allMatch(BatchResult::succeeded);
        fault("{\"protocol\":\"ews\",\"user\":\"" + BOB + "\",\"operation\":\"GetStreamingEvents\",\"fault\":\"DROP\","
                + "\"remaining\":1}");
        camel.getRouteController().startRoute(ROUTE);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(ChangeEvent.ChangeType.CREATED).containsAll(whileStopped)
                && ids(ChangeEvent.ChangeType.DELETED).containsAll(deleted));
        await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/sandbox/faults").isEmpty());

        List<String> afterReconnect = burst(0, 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(ChangeEvent.ChangeType.CREATED).containsAll(afterReconnect));

        List<String> created = ids(ChangeEvent.ChangeType.CREATED);
        assertThat(created).doesNotHaveDuplicates().hasSize(first.size() + whileStopped.size() + afterReconnect.size());
        assertThat(ids(ChangeEvent.ChangeType.DELETED)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(deleted);
        synchronized (received) {
            assertThat(received).allSatisfy(e -> {
                assertThat(e.mailbox()).isEqualTo(BOB);
                assertThat(e.folderId()).isEqualTo(folder.id());
                assertThat(e.resourceType()).isEqualTo(ChangeEvent.ResourceType.MESSAGE);
                assertThat(e.time()).isNotNull();
            });
        }
    }

    @Test
    void pullSubscriptionsCarryChangesToo() throws Exception {
        route("&subscriptionMode=PULL&pullInterval=300");
        await().atMost(Duration.ofSeconds(20)).until(() -> states.get(stateKey()).isPresent());
        List<String> made = burst(0, 5);
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(ChangeEvent.ChangeType.CREATED).containsAll(made));
        String id = made.get(0);
        assertThat(call(BOB, EwsOperation.updateMessage, new io.exchangehub.model.MessageChanges(false, null, null, null),
                Map.of(EwsConstants.ITEM_ID, id)).getException()).isNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(ChangeEvent.ChangeType.UPDATED).contains(id));
        assertThat(ids(ChangeEvent.ChangeType.CREATED)).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void aRouteThatFailsAChangeGetsItAgainAndNothingTwice() throws Exception {
        List<String> failedOnce = Collections.synchronizedList(new ArrayList<>());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("ews:notifications?mailbox=" + BOB + "&folders=" + folder.id() + "&accessTokenProvider=#ewsTestTokens"
                        + "&subscriptionMode=PULL&pullInterval=300").routeId(ROUTE).process(e -> {
                            ChangeEvent event = e.getMessage().getBody(ChangeEvent.class);
                            if (failedOnce.isEmpty()) {
                                failedOnce.add(event.id());
                                throw new IllegalStateException("the first change fails once");
                            }
                            received.add(event);
                        });
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> states.get(stateKey()).isPresent());
        List<String> made = burst(0, 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(ChangeEvent.ChangeType.CREATED).containsAll(made));
        assertThat(failedOnce).hasSize(1);
        assertThat(ids(ChangeEvent.ChangeType.CREATED)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
    }
}
