package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.model.BatchRequest;
import io.exchangehub.model.BatchResult;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.InvalidIdException;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MailboxException;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EwsBatchAndThrottlingIT extends EwsComponentTestSupport {

    @AfterEach
    void noFaultsLeft() {
        clearFaults();
    }

    /** Makes Alice's next requests of an EWS operation answer ErrorServerBusy with a back-off. */
    private void busy(String operation, int backOffMs, int remaining) {
        fault("{\"protocol\":\"ews\",\"user\":\"" + ALICE + "\",\"operation\":\"" + operation + "\",\"fault\":\"BUSY\","
                + "\"backOffMs\":" + backOffMs + ",\"remaining\":" + remaining + "}");
    }

    /** Lists three of Alice's messages while her next requests of an operation are busy. */
    private Exchange listWhileBusy(String operation, int backOffMs, int remaining) {
        busy(operation, backOffMs, remaining);
        return call(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.TOP, 3));
    }

    private static void throttled(Exchange exchange, Duration retryAfter) {
        assertThat(exchange.getException()).isInstanceOf(EwsThrottledException.class);
        assertThat(((EwsThrottledException) exchange.getException()).retryAfter()).isEqualTo(retryAfter);
        assertThat(((EwsThrottledException) exchange.getException()).backendCode()).isEqualTo("ErrorServerBusy");
    }

    @SuppressWarnings("unchecked")
    private List<BatchResult> batch(String user, BatchRequest request) {
        return body(user, EwsOperation.batchMessages, request, Map.of(), List.class);
    }

    /**
     * A thousand copies of archived mail are moved with five bad ids among them: one result per
     * id in order, the bad ones failing alone, in ten MoveItem calls of the default size 100.
     */
    @Test
    @SuppressWarnings("unchecked")
    void batchOfAThousandMovesAggregatesOneResultPerIdWithBadIdsFailingAlone() {
        String archive = folderId(BOB, "/Archive 2024");
        MailFolder source = body(BOB, EwsOperation.createFolder, null, Map.of(EwsConstants.DISPLAY_NAME, "Batch source "
                + UUID.randomUUID()), MailFolder.class);
        MailFolder target = body(BOB, EwsOperation.createFolder, null, Map.of(EwsConstants.DISPLAY_NAME, "Batch target "
                + UUID.randomUUID()), MailFolder.class);
        try {
            Page<MailMessage> page = body(BOB, EwsOperation.listMessages, null, Map.of(EwsConstants.FOLDER_ID, archive,
                    EwsConstants.TOP, 995), Page.class);
            List<String> originals = page.items().stream().map(MailMessage::id).toList();
            List<BatchResult> copies = batch(BOB, new BatchRequest(BatchRequest.Action.COPY, originals, source.id(), null, null));
            assertThat(copies).hasSize(995).allMatch(BatchResult::succeeded).allMatch(r -> r.newId() != null);

            List<String> ids = new ArrayList<>(copies.stream().map(BatchResult::newId).toList());
            String deleted = ids.get(10);
            assertThat(call(BOB, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, deleted, EwsConstants.DELETE_MODE,
                    DeleteMode.HARD)).getException()).isNull();
            ids.add(0, "not-an-id");
            ids.add(500, "");
            ids.add(700, "AAMkAGI2TG93AAA=");
            ids.add("still-not-an-id");
            ids.add("x");
            assertThat(ids).hasSize(1000);

            long before = roundTrips();
            List<BatchResult> moved = batch(BOB, new BatchRequest(BatchRequest.Action.MOVE, ids, target.id(), null, null));
            long trips = roundTrips() - before;

            assertThat(moved).hasSize(1000);
            assertThat(moved).extracting(BatchResult::id).containsExactlyElementsOf(ids);
            assertThat(moved.get(0).error()).isInstanceOf(InvalidIdException.class);
            assertThat(moved.get(500).error()).isInstanceOf(InvalidIdException.class);
            assertThat(moved.get(700).error()).isInstanceOf(MailboxException.class);
            assertThat(moved.get(ids.indexOf(deleted)).error()).isInstanceOf(NotFoundException.class);
            assertThat(moved.stream().filter(BatchResult::succeeded).count()).isEqualTo(994);
            assertThat(moved.stream().filter(BatchResult::succeeded)).allMatch(r -> r.newId() != null);
            assertThat(trips).as("EWS round trips").isLessThanOrEqualTo(12);

            MailFolder filled = body(BOB, EwsOperation.getFolder, null, Map.of(EwsConstants.FOLDER_ID, target.id()), MailFolder.class);
            assertThat(filled.totalCount()).isEqualTo(994);

            List<String> movedIds = moved.stream().filter(BatchResult::succeeded).map(BatchResult::newId).toList();
            List<BatchResult> read = batch(BOB, new BatchRequest(BatchRequest.Action.MARK_READ, movedIds.subList(0, 150), null,
                    null, null));
            assertThat(read).hasSize(150).allMatch(BatchResult::succeeded);
            Page<MailMessage> unread = body(BOB, EwsOperation.listMessages, null, Map.of(EwsConstants.FOLDER_ID, target.id(),
                    EwsConstants.FILTER_UNREAD, false, EwsConstants.TOP, 1000), Page.class);
            assertThat(unread.items()).extracting(MailMessage::id).containsAll(movedIds.subList(0, 150));

            List<String> toFlag = new ArrayList<>(movedIds.subList(150, 300));
            toFlag.add(1, "not-an-id");
            List<BatchResult> flagged = batch(BOB, new BatchRequest(BatchRequest.Action.FLAG, toFlag, null, null,
                    new io.exchangehub.model.Flag(io.exchangehub.model.Flag.Status.FLAGGED, null, null, null)));
            assertThat(flagged).hasSize(151);
            assertThat(flagged.get(1).error()).isInstanceOf(InvalidIdException.class);
            assertThat(flagged.stream().filter(BatchResult::succeeded).count()).isEqualTo(150);
            assertThat(body(BOB, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, movedIds.get(200)), MailMessage.class)
                    .flag().status()).isEqualTo(io.exchangehub.model.Flag.Status.FLAGGED);

            List<BatchResult> gone = batch(BOB, new BatchRequest(BatchRequest.Action.DELETE, movedIds, null, DeleteMode.HARD, null));
            assertThat(gone).allMatch(BatchResult::succeeded);
        } finally {
            call(BOB, EwsOperation.deleteFolder, null, Map.of(EwsConstants.FOLDER_ID, source.id(), EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
            call(BOB, EwsOperation.deleteFolder, null, Map.of(EwsConstants.FOLDER_ID, target.id(), EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
        }
    }

    @Test
    void aBatchOfMoreThanAThousandIdsIsRefused() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ids.add("id" + i);
        }
        Exchange exchange = call(BOB, EwsOperation.batchMessages, new BatchRequest(BatchRequest.Action.DELETE, ids, null, null,
                null), Map.of());
        assertThat(exchange.getException()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBusyServerIsRetriedAfterTheBackOffItAskedFor() {
        Exchange exchange = listWhileBusy("FindItem", 150, 2);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Page.class).items()).hasSize(3);
    }

    @Test
    void aServerStillBusyAfterTheRetriesIsThrottledWithItsRetryAfter() {
        throttled(listWhileBusy("FindItem", 120, 3), Duration.ofMillis(120));
    }

    /**
     * The GetItem that completes a list page is retried like any call; still busy, it throttles the
     * page (a page without its recipients, preview and flag would look like a page of empty ones).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aBusyDetailsCallOfAListPageIsRetriedAndThrottlesThePageWhenStillBusy() {
        Exchange retried = listWhileBusy("GetItem", 100, 1);
        assertThat(retried.getException()).isNull();
        assertThat(((Page<MailMessage>) retried.getMessage().getBody(Page.class)).items()).hasSize(3)
                .allMatch(m -> m.flag() != null && m.preview() != null && (m.isDraft() || !m.toRecipients().isEmpty()));

        throttled(listWhileBusy("GetItem", 110, 3), Duration.ofMillis(110));
    }

    @Test
    void aBackOffLongerThanTheBoundIsHandedToTheCallerAtOnce() {
        throttled(listWhileBusy("FindItem", 90000, 1), Duration.ofSeconds(90));
        assertThat(call(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.TOP, 3)).getException()).isNull();
    }

    @Test
    void aBusyAttachmentDownloadIsRetriedOnTheComponentsOwnSoapPath() throws Exception {
        Exchange listed = call(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.FILTER_SUBJECT, "Board pack for Q3"));
        @SuppressWarnings("unchecked")
        MailMessage boardPack = ((Page<MailMessage>) listed.getMessage().getBody(Page.class)).items().get(0);
        MailMessage whole = body(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, boardPack.id()),
                MailMessage.class);
        busy("GetAttachment", 100, 1);
        Exchange download = call(ALICE, EwsOperation.downloadAttachment, null, Map.of(EwsConstants.ATTACHMENT_ID,
                whole.attachments().get(0).id()));
        assertThat(download.getException()).isNull();
        try (java.io.InputStream in = download.getMessage().getBody(java.io.InputStream.class)) {
            assertThat(in.readNBytes(5)).isEqualTo("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aServerErrorIsBackendUnavailable() {
        fault("{\"protocol\":\"ews\",\"user\":\"" + ALICE + "\",\"operation\":\"FindItem\",\"fault\":\"HTTP_ERROR\",\"status\":503,"
                + "\"remaining\":1}");
        Exchange exchange = call(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.TOP, 3));
        assertThat(exchange.getException()).isInstanceOf(io.exchangehub.model.BackendUnavailableException.class);
    }
}
