package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.exchangehub.model.Attachment;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.Body;
import io.exchangehub.model.ConflictException;
import io.exchangehub.model.Flag;
import io.exchangehub.model.Importance;
import io.exchangehub.model.InvalidIdException;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageChanges;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class MsGraphMessageIT extends MsGraphIntegrationTest {

    @SuppressWarnings("unchecked")
    private Page<MailMessage> page(Object... headers) {
        return result("messages", MsGraphOperation.listMessages, null, Page.class, headers);
    }

    private MailMessage inboxMessage(String subject) {
        return page(MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.FILTER_SUBJECT, subject).items().get(0);
    }

    /** Sends Carol a message of her own and waits until it is in her inbox. */
    private MailMessage delivered(String subject) {
        MessageDraft draft = new MessageDraft(subject, new Body(Body.ContentType.TEXT, "Hello from the msgraph: tests"),
                List.of(new Recipient("Carol Dupont", CAROL)), null, null, null, null, List.of("Test"), null);
        result("messages", MsGraphOperation.sendMessage, draft, Object.class);
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> page(MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.FILTER_SUBJECT, subject).items(),
                items -> !items.isEmpty()).get(0);
    }

    private void delete(String id) {
        call("messages", MsGraphOperation.deleteMessage, null, MsGraphConstants.ITEM_ID, id, MsGraphConstants.DELETE_MODE, "HARD");
    }

    @Test
    void listMessagesPagesThroughTenThousandArchiveItemsWithStableCursor() {
        MailFolderRef archive = archive();
        Set<String> ids = new HashSet<>();
        Page<MailMessage> page = page(MsGraphConstants.FOLDER_ID, archive.id(), MsGraphConstants.TOP, 1000);
        assertThat(page.totalCount()).isEqualTo(10_000);
        Instant previous = Instant.MAX;
        int pages = 1;
        while (true) {
            for (MailMessage message : page.items()) {
                assertThat(ids.add(message.id())).as("no message twice").isTrue();
                assertThat(message.receivedAt()).isBeforeOrEqualTo(previous);
                previous = message.receivedAt();
                assertThat(message.body()).as("list views carry no body").isNull();
            }
            if (page.nextCursor() == null) {
                break;
            }
            assertThat(page.nextCursor()).matches("[A-Za-z0-9_-]+");
            page = page(MsGraphConstants.CURSOR, page.nextCursor());
            pages++;
        }
        assertThat(ids).hasSize(10_000);
        assertThat(pages).isEqualTo(10);
    }

    private record MailFolderRef(String id) {}

    @SuppressWarnings("unchecked")
    private MailFolderRef archive() {
        List<io.exchangehub.model.MailFolder> folders = result("folders", MsGraphOperation.listFolders, null, List.class);
        return new MailFolderRef(folders.stream().filter(f -> f.path().equals("/Archive 2024")).findFirst().orElseThrow().id());
    }

    @Test
    void listMessagesFiltersUnreadSenderAndReceivedWindow() {
        Page<MailMessage> unread = page(MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.FILTER_UNREAD, true, MsGraphConstants.TOP, 200);
        assertThat(unread.items()).isNotEmpty().allMatch(m -> !m.isRead());
        Page<MailMessage> read = page(MsGraphConstants.FILTER_UNREAD, false, MsGraphConstants.TOP, 200);
        assertThat(read.items()).as("the inbox by default").isNotEmpty().allMatch(MailMessage::isRead);
        assertThat(read.totalCount() + unread.totalCount()).isEqualTo(page(MsGraphConstants.TOP, 1).totalCount());

        MailMessage any = page(MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.TOP, 5).items().get(4);
        String sender = any.from().address();
        Page<MailMessage> fromSender = page(MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.FILTER_FROM, sender, MsGraphConstants.TOP, 200);
        assertThat(fromSender.items()).isNotEmpty().allMatch(m -> m.from().address().equalsIgnoreCase(sender));
        String name = any.from().name().split(" ")[0];
        Page<MailMessage> byName = page(MsGraphConstants.FILTER_FROM, name, MsGraphConstants.TOP, 200);
        assertThat(byName.items()).isNotEmpty().allMatch(m -> m.from().name().toLowerCase().contains(name.toLowerCase()));

        Instant after = any.receivedAt().minus(Duration.ofDays(2));
        Instant before = any.receivedAt().plusSeconds(1);
        Page<MailMessage> window = page(MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.RECEIVED_AFTER, after,
                MsGraphConstants.RECEIVED_BEFORE, before.toString(), MsGraphConstants.TOP, 500);
        assertThat(window.items()).isNotEmpty().extracting(MailMessage::id).contains(any.id());
        assertThat(window.items()).allMatch(m -> !m.receivedAt().isBefore(after) && m.receivedAt().isBefore(before));
    }

    @Test
    void listMessagesSortsBySubjectOrOldestFirstAndTellsTheCursorInHeaders() {
        Exchange exchange = call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.SORT, "subject", MsGraphConstants.TOP, 50);
        @SuppressWarnings("unchecked")
        Page<MailMessage> bySubject = exchange.getMessage().getBody(Page.class);
        assertThat(bySubject.items()).extracting(MailMessage::subject).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(exchange.getMessage().getHeader(MsGraphConstants.NEXT_CURSOR)).isEqualTo(bySubject.nextCursor());
        assertThat(exchange.getMessage().getHeader(MsGraphConstants.TOTAL_COUNT)).isEqualTo(bySubject.totalCount());
        Page<MailMessage> oldest = page(MsGraphConstants.SORT, "receivedAt", MsGraphConstants.TOP, 50);
        assertThat(oldest.items()).extracting(MailMessage::receivedAt).isSorted();
        assertThat(call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.SORT, "size").getException())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void userInputCannotBreakOutOfFilterOrSearch() {
        for (String hostile : List.of("O'Zzyzx", "x') or (isRead eq true", "\" OR from:alice", "a\\\"b", "NOT subject:Board", "%26$top=1#")) {
            Exchange filtered = call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.FOLDER_ID, "inbox",
                    MsGraphConstants.FILTER_FROM, hostile, MsGraphConstants.FILTER_SUBJECT, hostile);
            assertThat(filtered.getException()).as(hostile).isNull();
            assertThat(filtered.getMessage().getBody(Page.class).items()).as(hostile).isEmpty();
            Exchange searched = call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.QUERY, hostile);
            assertThat(searched.getException()).as(hostile).isNull();
            assertThat(searched.getMessage().getBody(Page.class).items()).as(hostile).isEmpty();
            Exchange kept = call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.QUERY, hostile,
                    MsGraphConstants.FILTER_UNREAD, false, MsGraphConstants.RECEIVED_AFTER, Instant.parse("2020-01-01T00:00:00Z"),
                    MsGraphConstants.FILTER_FROM, hostile);
            assertThat(kept.getException()).as(hostile).isNull();
            assertThat(kept.getMessage().getBody(Page.class).items()).as(hostile).isEmpty();
        }
        Page<?> quoted = page(MsGraphConstants.QUERY, "O'Brien");
        assertThat(quoted.items()).as("a quote in a name is just a letter").isNotEmpty();
    }

    @Test
    void searchFindsInboxMessagesByFreeTextBesideTheUnreadFilterAndRefusesAnEmptyWindow() {
        @SuppressWarnings("unchecked")
        Page<MailMessage> found = result("messages", MsGraphOperation.listMessages, null, Page.class,
                MsGraphConstants.QUERY, "board pack");
        assertThat(found.items()).extracting(MailMessage::subject).contains("Board pack for Q3 (25 MB)");
        Page<MailMessage> unread = page(MsGraphConstants.QUERY, "board", MsGraphConstants.FILTER_UNREAD, true, MsGraphConstants.TOP, 1000);
        assertThat(unread.items()).allMatch(m -> !m.isRead());
        Page<MailMessage> read = page(MsGraphConstants.QUERY, "board", MsGraphConstants.FILTER_UNREAD, false, MsGraphConstants.TOP, 1000);
        assertThat(read.items()).isNotEmpty().allMatch(MailMessage::isRead);
        assertThat(read.totalCount()).as("Graph's count would be of the query's matches, not of what the hub keeps").isNull();
        Page<MailMessage> all = page(MsGraphConstants.QUERY, "board", MsGraphConstants.TOP, 1000);
        assertThat(unread.items().size() + read.items().size()).isEqualTo(all.items().size());
        Instant at = Instant.parse("2024-06-10T12:00:00Z");
        Exchange empty = call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.QUERY, "board",
                MsGraphConstants.RECEIVED_AFTER, at, MsGraphConstants.RECEIVED_BEFORE, at);
        assertThat(empty.getException()).isInstanceOf(InvalidRequestException.class);
    }

    /**
     * The expectation comes from outside the component: the folder listed by Graph's own
     * {@code $filter} (no query), intersected with what Graph's {@code $search} of the folder
     * finds, through the Graph SDK directly.
     */
    @Test
    void listMessagesWithAQueryKeepsUnreadAndTheExactReceivedWindowOnEveryPageToTheEnd() {
        String archive = archive().id();
        List<Message> matches = rawSearch(archive, "Kestrel");
        assertThat(matches).as("under Graph's 1,000 search results").hasSizeGreaterThan(100).hasSizeLessThan(1000);
        List<Instant> received = matches.stream().map(m -> m.getReceivedDateTime().toInstant()).sorted().toList();
        // a bound inside a second: a listing's window is to the second, with a query or without
        Instant after = received.get(received.size() / 5).plusMillis(1);
        Instant before = received.get(received.size() * 4 / 5);
        Set<String> inWindow = listedToTheEnd(MsGraphConstants.FOLDER_ID, archive, MsGraphConstants.RECEIVED_AFTER, after,
                MsGraphConstants.RECEIVED_BEFORE, before, MsGraphConstants.TOP, 1000);
        for (boolean unread : List.of(false, true)) {
            Set<String> listed = listedToTheEnd(MsGraphConstants.FOLDER_ID, archive, MsGraphConstants.FILTER_UNREAD, unread,
                    MsGraphConstants.RECEIVED_AFTER, after, MsGraphConstants.RECEIVED_BEFORE, before, MsGraphConstants.TOP, 1000);
            List<String> expected = matches.stream().map(Message::getId).filter(listed::contains).toList();
            List<String> windowed = matches.stream().map(Message::getId).filter(inWindow::contains).toList();
            assertThat(expected).as("some, and fewer than the window alone keeps").isNotEmpty().hasSizeLessThan(windowed.size());
            // the few unread archive messages one a page, the many read ones twenty a page
            int top = unread ? 1 : 20;
            assertThat(expected).as("several pages").hasSizeGreaterThan(2 * top);
            List<String> paged = queriedToTheEnd(top, MsGraphConstants.FOLDER_ID, archive, MsGraphConstants.QUERY, "Kestrel",
                    MsGraphConstants.FILTER_UNREAD, unread, MsGraphConstants.RECEIVED_AFTER, after,
                    MsGraphConstants.RECEIVED_BEFORE, before.toString(), MsGraphConstants.TOP, top);
            assertThat(paged).as("unread %s: no duplicate, no gap, in Graph's order", unread).containsExactlyElementsOf(expected);
        }
    }

    /** The ids of a listing without a query, along its cursors. */
    private Set<String> listedToTheEnd(Object... headers) {
        Set<String> ids = new HashSet<>();
        Page<MailMessage> page = page(headers);
        while (true) {
            page.items().forEach(m -> ids.add(m.id()));
            if (page.nextCursor() == null) {
                return ids;
            }
            page = page(MsGraphConstants.CURSOR, page.nextCursor());
        }
    }

    /** The ids of a listing with a query, along its cursors alone, checking each page's size, total and cursor. */
    private List<String> queriedToTheEnd(int top, Object... headers) {
        List<String> ids = new ArrayList<>();
        Page<MailMessage> page = page(headers);
        while (true) {
            assertThat(page.items()).hasSizeLessThanOrEqualTo(top);
            assertThat(page.totalCount()).isNull();
            page.items().forEach(m -> ids.add(m.id()));
            if (page.nextCursor() == null) {
                return ids;
            }
            assertThat(page.items()).as("only the last page may be empty").isNotEmpty();
            assertThat(page.nextCursor()).matches("[A-Za-z0-9_-]+");
            page = page(MsGraphConstants.CURSOR, page.nextCursor());
        }
    }

    /** Every match of a {@code $search} of a folder, id and received time, in Graph's order, along Graph's next links. */
    private List<Message> rawSearch(String folderId, String kql) {
        GraphServiceClient graph = rawGraph();
        List<Message> all = new ArrayList<>();
        MessageCollectionResponse page = graph.users().byUserId(CAROL).mailFolders().byMailFolderId(folderId).messages().get(c -> {
            c.queryParameters.search = "\"" + kql + "\"";
            c.queryParameters.select = new String[] {"id", "receivedDateTime"};
            c.queryParameters.top = 250;
        });
        while (true) {
            all.addAll(page.getValue());
            if (page.getOdataNextLink() == null) {
                return all;
            }
            page = graph.users().byUserId(CAROL).messages().withUrl(page.getOdataNextLink()).get();
        }
    }

    private GraphServiceClient rawGraph() {
        String token = tokenOf(CAROL);
        AllowedHostsValidator hosts = new AllowedHostsValidator("localhost");
        AccessTokenProvider provider = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return hosts.isUrlHostValid(uri) ? token : "";
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(provider));
        client.getRequestAdapter().setBaseUrl(camel.getComponent("msgraph", MsGraphComponent.class).getConfiguration().getBaseUrl());
        return client;
    }

    @Test
    void getMessageGivesTheBodyHeadersAndAttachmentMetadataWithoutTheirBytes() {
        MailMessage summary = inboxMessage("Documents for the audit");
        Exchange fetched = call("messages", MsGraphOperation.getMessage, null, MsGraphConstants.ITEM_ID, summary.id(),
                MsGraphConstants.BODY_TYPE, "text");
        MailMessage whole = fetched.getMessage().getBody(MailMessage.class);
        List<java.util.Map.Entry<String, String>> headers = fetched.getMessage().getHeader(MsGraphConstants.INTERNET_HEADERS, List.class);
        assertThat(headers).extracting(java.util.Map.Entry::getKey).contains("Message-ID", "From");
        assertThat(whole.body().contentType()).isEqualTo(Body.ContentType.TEXT);
        assertThat(whole.body().content()).contains("auditors");
        assertThat(whole.internetMessageId()).isNotBlank();
        assertThat(whole.attachments()).extracting(Attachment::name)
                .containsExactlyInAnyOrder("checklist.txt", "Summary.docx", "Ledger-2024.xlsx", "Scans.pdf");
        assertThat(whole.attachments()).extracting(Attachment::size).contains(1024L, 5L * 1024 * 1024);
        assertThat(whole.bccRecipients()).isEmpty();

        Exchange malformed = call("messages", MsGraphOperation.getMessage, null, MsGraphConstants.ITEM_ID, "not-an-id");
        assertThat(malformed.getException()).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void aMessageSentWithAttachmentsArrivesAndIsReadThroughAnotherMailbox() {
        String subject = "Sent by msgraph " + UUID.randomUUID();
        byte[] text = "notes".getBytes(StandardCharsets.UTF_8);
        MessageDraft draft = new MessageDraft(subject, new Body(Body.ContentType.HTML, "<p>Hello Alice</p>"),
                List.of(new Recipient("Alice Wong", ALICE)), List.of(new Recipient("", BOB)), null, null, Importance.HIGH, null,
                List.of(new AttachmentUpload("notes.txt", "text/plain", text.length, false, null, () -> new ByteArrayInputStream(text))));
        result("messages", MsGraphOperation.sendMessage, draft, Object.class);

        MailMessage received = await().atMost(Duration.ofSeconds(10)).until(() -> {
            Exchange exchange = callAs(ALICE, "messages", MsGraphOperation.listMessages, null, MsGraphConstants.FOLDER_ID, "inbox",
                    MsGraphConstants.FILTER_SUBJECT, subject);
            return exchange.getMessage().getBody(Page.class).items();
        }, items -> !items.isEmpty()).get(0) instanceof MailMessage m ? m : null;
        assertThat(received.from().address()).isEqualToIgnoringCase(CAROL);
        assertThat(received.importance()).isEqualTo(Importance.HIGH);
        assertThat(received.hasAttachments()).isTrue();
        assertThat(received.ccRecipients()).extracting(Recipient::address).containsExactly(BOB);
        MailMessage sent = page(MsGraphConstants.FOLDER_ID, "sentitems", MsGraphConstants.FILTER_SUBJECT, subject).items().get(0);
        delete(sent.id());
        callAs(ALICE, "messages", MsGraphOperation.deleteMessage, null, MsGraphConstants.ITEM_ID, received.id(),
                MsGraphConstants.DELETE_MODE, "HARD");
    }

    @Test
    void aDraftIsSavedWithAttachmentsThenSent() {
        String subject = "Draft by msgraph " + UUID.randomUUID();
        byte[] small = new byte[2048];
        MessageDraft draft = new MessageDraft(subject, new Body(Body.ContentType.TEXT, "draft text"), List.of(new Recipient("", CAROL)),
                null, null, null, null, List.of("Drafts"),
                List.of(new AttachmentUpload("small.bin", null, small.length, false, null, () -> new ByteArrayInputStream(small))));
        MailMessage saved = result("messages", MsGraphOperation.createDraft, draft, MailMessage.class);
        assertThat(saved.isDraft()).isTrue();
        assertThat(saved.subject()).isEqualTo(subject);
        assertThat(saved.attachments()).extracting(Attachment::name).containsExactly("small.bin");
        assertThat(saved.categories()).containsExactly("Drafts");

        result("messages", MsGraphOperation.sendDraft, null, Object.class, MsGraphConstants.ITEM_ID, saved.id());
        MailMessage arrived = delivered(subject);
        assertThat(arrived.isDraft()).isFalse();
        delete(arrived.id());
        delete(page(MsGraphConstants.FOLDER_ID, "sentitems", MsGraphConstants.FILTER_SUBJECT, subject).items().get(0).id());
    }

    @Test
    void replyReplyAllAndForwardGoOutWithTheCommentAndAttachments() {
        MailMessage original = delivered("Answer me " + UUID.randomUUID());
        MessageDraft comment = new MessageDraft(null, new Body(Body.ContentType.TEXT, "My answer"), null, null, null, null, null, null,
                null);
        result("messages", MsGraphOperation.reply, comment, Object.class, MsGraphConstants.ITEM_ID, original.id());
        result("messages", MsGraphOperation.replyAll, comment, Object.class, MsGraphConstants.ITEM_ID, original.id());
        byte[] file = "attached".getBytes(StandardCharsets.UTF_8);
        MessageDraft forward = new MessageDraft(null, new Body(Body.ContentType.TEXT, "For you"), List.of(new Recipient("", BOB)),
                null, null, null, null, null,
                List.of(new AttachmentUpload("extra.txt", "text/plain", file.length, false, null, () -> new ByteArrayInputStream(file))));
        result("messages", MsGraphOperation.forward, forward, Object.class, MsGraphConstants.ITEM_ID, original.id());

        List<MailMessage> sent = page(MsGraphConstants.FOLDER_ID, "sentitems", MsGraphConstants.FILTER_SUBJECT,
                original.subject(), MsGraphConstants.TOP, 10).items();
        assertThat(sent).extracting(MailMessage::subject).contains("RE: " + original.subject(), "FW: " + original.subject());
        MailMessage forwarded = sent.stream().filter(m -> m.subject().startsWith("FW:")).findFirst().orElseThrow();
        assertThat(forwarded.toRecipients()).extracting(Recipient::address).containsExactly(BOB);
        assertThat(forwarded.hasAttachments()).isTrue();

        Exchange noRecipient = call("messages", MsGraphOperation.forward, comment, MsGraphConstants.ITEM_ID, original.id());
        assertThat(noRecipient.getException()).isInstanceOf(InvalidRequestException.class);
        sent.forEach(m -> delete(m.id()));
        page(MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.FILTER_SUBJECT, original.subject(), MsGraphConstants.TOP, 10)
                .items().forEach(m -> delete(m.id()));
    }

    @Test
    void updateSetsReadFlagAndCategoriesAndAStaleChangeKeyIsAConflict() {
        MailMessage message = delivered("Update me " + UUID.randomUUID());
        Flag flag = new Flag(Flag.Status.FLAGGED, Instant.parse("2026-03-03T09:00:00Z"), Instant.parse("2026-03-05T17:00:00Z"), null);
        MailMessage updated = result("messages", MsGraphOperation.updateMessage, new MessageChanges(true, flag, List.of("Red", "Blue"), null),
                MailMessage.class, MsGraphConstants.ITEM_ID, message.id(), MsGraphConstants.CHANGE_KEY, message.changeKey());
        assertThat(updated.isRead()).isTrue();
        assertThat(updated.flag().status()).isEqualTo(Flag.Status.FLAGGED);
        assertThat(updated.flag().dueAt()).isEqualTo(Instant.parse("2026-03-05T17:00:00Z"));
        assertThat(updated.categories()).containsExactly("Red", "Blue");
        assertThat(updated.changeKey()).isNotEqualTo(message.changeKey());

        Exchange stale = call("messages", MsGraphOperation.updateMessage, new MessageChanges(false, null, null, null),
                MsGraphConstants.ITEM_ID, message.id(), MsGraphConstants.CHANGE_KEY, message.changeKey());
        assertThat(stale.getException()).isInstanceOf(ConflictException.class);
        delete(message.id());
    }

    @Test
    void messagesMoveCopyAndDeleteInEachMode() {
        MailMessage message = delivered("Move me " + UUID.randomUUID());
        MailMessage moved = result("messages", MsGraphOperation.moveMessage, null, MailMessage.class, MsGraphConstants.ITEM_ID,
                message.id(), MsGraphConstants.DESTINATION_FOLDER_ID, "archive");
        assertThat(moved.id()).isNotEqualTo(message.id());
        MailMessage copy = result("messages", MsGraphOperation.copyMessage, null, MailMessage.class, MsGraphConstants.ITEM_ID,
                moved.id(), MsGraphConstants.DESTINATION_FOLDER_ID, "inbox");
        assertThat(copy.subject()).isEqualTo(message.subject());

        result("messages", MsGraphOperation.deleteMessage, null, Object.class, MsGraphConstants.ITEM_ID, copy.id());
        assertThat(page(MsGraphConstants.FOLDER_ID, "deleteditems", MsGraphConstants.FILTER_SUBJECT, message.subject()).items())
                .as("the default delete moves to Deleted Items").hasSize(1);
        result("messages", MsGraphOperation.deleteMessage, null, Object.class, MsGraphConstants.ITEM_ID, moved.id(),
                MsGraphConstants.DELETE_MODE, "HARD");
        Exchange gone = call("messages", MsGraphOperation.getMessage, null, MsGraphConstants.ITEM_ID, moved.id());
        assertThat(gone.getException()).isInstanceOf(NotFoundException.class);
        delete(page(MsGraphConstants.FOLDER_ID, "deleteditems", MsGraphConstants.FILTER_SUBJECT, message.subject()).items().get(0).id());
    }
}
