package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.component.ews.client.EwsAccess;
import io.exchangehub.component.ews.client.EwsClient;
import io.exchangehub.component.ews.client.ItemDetails;
import io.exchangehub.component.ews.mapper.MessageMapper;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.Body;
import io.exchangehub.model.ConflictException;
import io.exchangehub.model.DeleteMode;
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
import io.exchangehub.model.UnauthorizedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

class EwsMessageIT extends EwsComponentTestSupport {

    @SuppressWarnings("unchecked")
    private Page<MailMessage> page(String user, Map<String, Object> headers) {
        return body(user, EwsOperation.listMessages, null, headers, Page.class);
    }

    /** Every id of a listing, page by page along the cursors. */
    private List<String> all(String user, Map<String, Object> headers, Runnable betweenPages) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> pageHeaders = new HashMap<>(headers);
            if (cursor != null) {
                pageHeaders.put(EwsConstants.CURSOR, cursor);
            }
            Page<MailMessage> page = page(user, pageHeaders);
            page.items().forEach(m -> ids.add(m.id()));
            cursor = page.nextCursor();
            if (cursor != null) {
                assertThat(cursor).matches("[A-Za-z0-9_-]+");
                betweenPages.run();
            }
        } while (cursor != null);
        return ids;
    }

    @Test
    void listMessagesPagesThroughTenThousandItemsWithStableCursor() {
        String archive = folderId(ALICE, "/Archive 2024");
        List<String> ids = all(ALICE, Map.of(EwsConstants.FOLDER_ID, archive, EwsConstants.TOP, 500), () -> { });
        assertThat(ids).hasSize(10_000);
        assertThat(new HashSet<>(ids)).hasSize(10_000);
    }

    /**
     * What a message list shows — recipients, a preview line, the follow-up flag — is on every item
     * of a page, as a fetched message has it, for one FindItem and one GetItem per page; the cursor
     * leads on as before. With {@code listDetails=false} the same page is one FindItem, with the
     * same ids and cursor, and those fields empty or null.
     */
    @Test
    void listMessagesFillsRecipientsPreviewAndFlagWithOneFindItemAndOneGetItemPerPage() {
        String archive = folderId(ALICE, "/Archive 2024");
        Page<MailMessage> first = page(ALICE, Map.of(EwsConstants.FOLDER_ID, archive, EwsConstants.TOP, 200));
        long before = roundTrips();
        Page<MailMessage> second = page(ALICE, Map.of(EwsConstants.FOLDER_ID, archive, EwsConstants.TOP, 200, EwsConstants.CURSOR,
                first.nextCursor()));
        assertThat(roundTrips() - before).as("round trips of an Archive 2024 page").isEqualTo(2);
        List<MailMessage> archived = new ArrayList<>(first.items());
        archived.addAll(second.items());
        assertThat(archived).hasSize(400).allSatisfy(m -> {
            assertThat(m.toRecipients()).as("to of %s", m.subject()).isNotEmpty().allMatch(r -> !r.address().isBlank());
            assertThat(m.ccRecipients()).isNotNull();
            assertThat(m.preview()).as("preview of %s", m.subject()).isNotBlank().hasSizeLessThanOrEqualTo(255);
            assertThat(m.flag()).as("flag of %s", m.subject()).isNotNull();
        });
        assertThat(archived).anyMatch(m -> m.flag().status() == Flag.Status.COMPLETE && m.flag().completedAt() != null);
        assertThat(second.items()).extracting(MailMessage::id).doesNotContainAnyElementsOf(first.items().stream()
                .map(MailMessage::id).toList());

        page(ALICE, Map.of(EwsConstants.TOP, 100));
        before = roundTrips();
        Page<MailMessage> inbox = page(ALICE, Map.of(EwsConstants.TOP, 100));
        assertThat(roundTrips() - before).as("round trips of an Inbox page").isEqualTo(2);
        // other tests leave drafts without recipients and answers without text in Alice's Inbox
        assertThat(inbox.items()).hasSize(100).allSatisfy(m -> {
            assertThat(m.isDraft() || !m.toRecipients().isEmpty()).as("to of %s", m.subject()).isTrue();
            assertThat(m.preview()).as("preview of %s", m.subject()).isNotNull();
            assertThat(m.flag()).as("flag of %s", m.subject()).isNotNull();
        });
        List<MailMessage> wholeInbox = page(ALICE, Map.of(EwsConstants.TOP, 1000)).items();
        MailMessage withCc = wholeInbox.stream().filter(m -> !m.ccRecipients().isEmpty()).findFirst().orElseThrow();
        MailMessage flagged = wholeInbox.stream().filter(m -> m.flag().status() == Flag.Status.FLAGGED).findFirst().orElseThrow();
        for (MailMessage listed : List.of(withCc, flagged, archived.get(0))) {
            MailMessage whole = body(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, listed.id()),
                    MailMessage.class);
            assertThat(listed.toRecipients()).isEqualTo(whole.toRecipients());
            assertThat(listed.ccRecipients()).isEqualTo(whole.ccRecipients());
            assertThat(listed.flag()).isEqualTo(whole.flag());
            assertThat(listed.preview()).isEqualTo(whole.preview());
        }

        before = roundTrips();
        Exchange bare = call(ALICE, ALICE, "ews:messages?listDetails=false", EwsOperation.listMessages, null,
                Map.of(EwsConstants.TOP, 100));
        assertThat(roundTrips() - before).as("round trips without details").isEqualTo(1);
        @SuppressWarnings("unchecked")
        Page<MailMessage> idsOnly = bare.getMessage().getBody(Page.class);
        assertThat(idsOnly.items()).extracting(MailMessage::id).containsExactlyElementsOf(inbox.items().stream()
                .map(MailMessage::id).toList());
        assertThat(idsOnly.nextCursor()).isEqualTo(inbox.nextCursor());
        assertThat(idsOnly.items()).allMatch(m -> m.toRecipients().isEmpty() && m.preview() == null && m.flag() == null);
    }

    /**
     * An item that fails in the details call (deleted since the FindItem, say) fails alone: the
     * answers stay one per item, in order, and a message listed with such an item keeps its summary.
     */
    @Test
    void detailsOfAnItemThatFailsAreItsErrorAndTheOthersAreRead() {
        List<MailMessage> two = page(ALICE, Map.of(EwsConstants.FOLDER_ID, folderId(ALICE, "/Archive 2024"), EwsConstants.TOP, 2))
                .items();
        EwsClient client = camel.getComponent("ews", EwsComponent.class).existingClient(sandboxInfo().get("ewsUrl").asText());
        List<ItemDetails.Details> details = ItemDetails.read(client, new EwsAccess(ALICE, tokenFor(ALICE), false), null,
                List.of(ItemDetails.Ref.item(two.get(0).id()), ItemDetails.Ref.item("AAMkAGI2TG93AAA="),
                        ItemDetails.Ref.item(two.get(1).id())), EnumSet.of(ItemDetails.Field.TO_RECIPIENTS, ItemDetails.Field.FLAG));
        assertThat(details).hasSize(3);
        assertThat(details.get(1).ok()).isFalse();
        assertThat(details.get(1).error()).startsWith("Error");
        assertThat(details.get(0).id()).isEqualTo(two.get(0).id());
        assertThat(details.get(2).id()).isEqualTo(two.get(1).id());
        assertThat(List.of(details.get(0), details.get(2))).allSatisfy(d -> {
            assertThat(d.to()).isNotEmpty();
            assertThat(d.flag()).isNotNull();
            assertThat(d.cc()).as("not asked").isNull();
            assertThat(d.preview()).as("not asked").isNull();
        });
        MailMessage kept = MessageMapper.with(two.get(0), "folder", details.get(1));
        assertThat(kept.toRecipients()).isEqualTo(two.get(0).toRecipients());
        assertThat(kept.flag()).isEqualTo(two.get(0).flag());
    }

    @Test
    void mailArrivingWhilePagingCausesNoDuplicateAndNoGap() {
        String subject = "Arrives while paging " + UUID.randomUUID();
        // the newest message at the start has a receipt time with milliseconds, which EWS restrictions do not compare
        sendMail(ALICE, BOB, subject + " (before)");
        await().atMost(Duration.ofSeconds(10)).until(() -> page(BOB, Map.of(EwsConstants.TOP, 1)).items().get(0).subject(),
                s -> s.endsWith("(before)"));
        Page<MailMessage> before = page(BOB, Map.of(EwsConstants.TOP, 1000));
        assertThat(before.nextCursor()).isNull();
        List<String> expected = before.items().stream().map(MailMessage::id).toList();
        List<String> paged = all(BOB, Map.of(EwsConstants.TOP, 40), () -> sendMail(ALICE, BOB, subject));
        try {
            assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
            Page<MailMessage> after = page(BOB, Map.of(EwsConstants.TOP, 5));
            assertThat(after.items().get(0).subject()).isEqualTo(subject);
        } finally {
            deleteBySubject(BOB, "inbox", subject);
            deleteBySubject(ALICE, "sentitems", subject);
        }
    }

    @Test
    void filtersSelectByReadStateSenderSubjectAndReceiptTime() {
        Page<MailMessage> unread = page(ALICE, Map.of(EwsConstants.FILTER_UNREAD, true, EwsConstants.TOP, 100));
        assertThat(unread.items()).isNotEmpty().allMatch(m -> !m.isRead());
        Page<MailMessage> read = page(ALICE, Map.of(EwsConstants.FILTER_UNREAD, false, EwsConstants.TOP, 100));
        assertThat(read.items()).isNotEmpty().allMatch(MailMessage::isRead);

        // a seeded message: mail other tests delivered today has no other mail in the three days before it
        MailMessage sample = page(ALICE, Map.of(EwsConstants.TOP, 200)).items().stream().filter(m -> !m.isDraft()
                && m.from() != null && m.receivedAt().isBefore(Instant.parse(ANCHOR + "T23:59:59Z"))).findFirst().orElseThrow();
        String sender = sample.from().address();
        Page<MailMessage> from = page(ALICE, Map.of(EwsConstants.FILTER_FROM, sender, EwsConstants.TOP, 100));
        assertThat(from.items()).isNotEmpty().allMatch(m -> m.from().address().equalsIgnoreCase(sender));

        Page<MailMessage> subject = page(ALICE, Map.of(EwsConstants.FILTER_SUBJECT, "board pack"));
        assertThat(subject.items()).extracting(MailMessage::subject).contains("Board pack for Q3 (25 MB)")
                .allMatch(s -> s.toLowerCase().contains("board pack"));

        Instant at = sample.receivedAt();
        Page<MailMessage> window = page(ALICE, Map.of(EwsConstants.RECEIVED_AFTER, at.minus(Duration.ofDays(3)),
                EwsConstants.RECEIVED_BEFORE, at, EwsConstants.TOP, 200));
        assertThat(window.items()).isNotEmpty().filteredOn(m -> !m.isDraft())
                .allMatch(m -> !m.receivedAt().isBefore(at.minus(Duration.ofDays(3))) && m.receivedAt().isBefore(at));

        Page<MailMessage> oldestFirst = page(ALICE, Map.of(EwsConstants.SORT, "receivedAt", EwsConstants.TOP, 20));
        assertThat(oldestFirst.items()).filteredOn(m -> !m.isDraft()).extracting(MailMessage::receivedAt).isSorted();
        Page<MailMessage> bySubject = page(ALICE, Map.of(EwsConstants.SORT, "subject", EwsConstants.TOP, 20));
        assertThat(bySubject.nextCursor()).isNotNull();
        Page<MailMessage> second = page(ALICE, Map.of(EwsConstants.SORT, "subject", EwsConstants.TOP, 20, EwsConstants.CURSOR,
                bySubject.nextCursor()));
        assertThat(second.items()).extracting(MailMessage::id).doesNotContainAnyElementsOf(
                bySubject.items().stream().map(MailMessage::id).toList());
    }

    @Test
    void freeTextIsSearchedAsTextNotAsQuerySyntax() {
        Page<MailMessage> found = page(ALICE, Map.of(EwsConstants.QUERY, "board pack"));
        assertThat(found.items()).extracting(MailMessage::subject).contains("Board pack for Q3 (25 MB)");
        Page<MailMessage> injected = page(ALICE, Map.of(EwsConstants.QUERY, "nothing-like-this OR from:alice ( \"unbalanced"));
        assertThat(injected.items()).isEmpty();
    }

    @Test
    void aCursorOfAnotherListingIsRefused() {
        Page<MailMessage> first = page(ALICE, Map.of(EwsConstants.TOP, 5));
        Exchange other = call(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.TOP, 5, EwsConstants.FILTER_UNREAD, true,
                EwsConstants.CURSOR, first.nextCursor()));
        assertThat(other.getException()).isInstanceOf(InvalidRequestException.class);
        Exchange garbage = call(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.CURSOR, "a!!"));
        assertThat(garbage.getException()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void getMessageGivesHtmlOrTextBodyHeadersAndAttachmentMetadata() {
        MailMessage listed = page(ALICE, Map.of(EwsConstants.FILTER_SUBJECT, "Board pack for Q3")).items().get(0);
        Exchange html = call(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, listed.id()));
        MailMessage message = html.getMessage().getBody(MailMessage.class);
        assertThat(message.body().contentType()).isEqualTo(Body.ContentType.HTML);
        assertThat(message.body().content()).startsWith("<html>");
        assertThat(message.preview()).startsWith("Hi, the full board pack for Q3 is attached");
        assertThat(message.toRecipients()).extracting(Recipient::address).contains(ALICE);
        assertThat(message.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Board-pack-Q3.pdf");
            assertThat(a.size()).isEqualTo(25L * 1024 * 1024);
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });
        assertThat(message.internetMessageId()).isNotBlank();
        List<?> headers = html.getMessage().getHeader(EwsConstants.INTERNET_HEADERS, List.class);
        assertThat(headers).isNotEmpty();

        MailMessage text = body(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, listed.id(),
                EwsConstants.BODY_TYPE, Body.ContentType.TEXT), MailMessage.class);
        assertThat(text.body().contentType()).isEqualTo(Body.ContentType.TEXT);
        assertThat(text.body().content()).contains("the full board pack for Q3 is attached");
    }

    @Test
    void sendsWithAttachmentsAndTheRecipientReceivesThem() {
        String subject = "With attachment " + UUID.randomUUID();
        byte[] bytes = "quarterly numbers".getBytes(StandardCharsets.UTF_8);
        MessageDraft draft = new MessageDraft(subject, new Body(Body.ContentType.TEXT, "See attached."),
                List.of(new Recipient("Bob", BOB)), null, null, null, Importance.HIGH, List.of("Finance"),
                List.of(new AttachmentUpload("numbers.txt", "text/plain", bytes.length, false, null,
                        () -> new ByteArrayInputStream(bytes))));
        assertThat(call(ALICE, EwsOperation.sendMessage, draft, Map.of()).getException()).isNull();
        try {
            MailMessage received = await().atMost(Duration.ofSeconds(10)).until(() -> find(BOB, "inbox", subject), m -> m != null);
            assertThat(received.hasAttachments()).isTrue();
            assertThat(received.importance()).isEqualTo(Importance.HIGH);
            MailMessage whole = body(BOB, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, received.id()),
                    MailMessage.class);
            assertThat(whole.attachments()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("numbers.txt"));
            assertThat(whole.from().address()).isEqualTo(ALICE);
            assertThat(find(ALICE, "sentitems", subject)).isNotNull();
        } finally {
            deleteBySubject(BOB, "inbox", subject);
            deleteBySubject(ALICE, "sentitems", subject);
        }
    }

    @Test
    void draftsAreSavedAndSentLater() {
        String subject = "Draft " + UUID.randomUUID();
        MailMessage draft = body(ALICE, EwsOperation.createDraft, new MessageDraft(subject, new Body(Body.ContentType.HTML,
                "<p>Later</p>"), List.of(new Recipient("", BOB)), null, null, null, null, null, null), Map.of(),
                MailMessage.class);
        try {
            assertThat(draft.isDraft()).isTrue();
            assertThat(draft.subject()).isEqualTo(subject);
            assertThat(call(ALICE, EwsOperation.sendDraft, null, Map.of(EwsConstants.ITEM_ID, draft.id())).getException()).isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> find(BOB, "inbox", subject), m -> m != null);
            assertThat(find(ALICE, "drafts", subject)).isNull();
        } finally {
            deleteBySubject(BOB, "inbox", subject);
            deleteBySubject(ALICE, "sentitems", subject);
            deleteBySubject(ALICE, "drafts", subject);
        }
    }

    @Test
    void repliesReplyAllAndForwardsReachTheirRecipients() {
        String subject = "Question " + UUID.randomUUID();
        sendMail(BOB, ALICE, subject);
        MailMessage original = await().atMost(Duration.ofSeconds(10)).until(() -> find(ALICE, "inbox", subject), m -> m != null);
        try {
            MessageDraft comment = new MessageDraft(null, new Body(Body.ContentType.TEXT, "Answer inline."), null, null, null,
                    null, null, null, null);
            assertThat(call(ALICE, EwsOperation.reply, comment, Map.of(EwsConstants.ITEM_ID, original.id())).getException())
                    .isNull();
            assertThat(call(ALICE, EwsOperation.replyAll, comment, Map.of(EwsConstants.ITEM_ID, original.id())).getException())
                    .isNull();
            MessageDraft forward = new MessageDraft(null, new Body(Body.ContentType.TEXT, "FYI"), List.of(new Recipient("", SALES)),
                    null, null, null, null, null, null);
            assertThat(call(ALICE, EwsOperation.forward, forward, Map.of(EwsConstants.ITEM_ID, original.id())).getException())
                    .isNull();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(subjects(BOB, "inbox", subject)).contains("RE: " + subject).hasSizeGreaterThanOrEqualTo(2);
                assertThat(subjects(SALES, ALICE, "inbox", subject)).contains("FW: " + subject);
            });
        } finally {
            deleteBySubject(ALICE, "inbox", subject);
            deleteBySubject(ALICE, "sentitems", subject);
            deleteBySubject(BOB, "inbox", subject);
            deleteBySubject(BOB, "sentitems", subject);
            for (MailMessage m : list(ALICE, SALES, "inbox", subject)) {
                call(ALICE, SALES, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, m.id(), EwsConstants.DELETE_MODE,
                        DeleteMode.HARD));
            }
        }
    }

    @Test
    void updatesReadStateCategoriesImportanceAndFlagsAndDetectsStaleChangeKeys() {
        String subject = "To update " + UUID.randomUUID();
        MailMessage draft = body(ALICE, EwsOperation.createDraft, new MessageDraft(subject, null, null, null, null, null, null,
                null, null), Map.of(), MailMessage.class);
        try {
            MailMessage updated = body(ALICE, EwsOperation.updateMessage, new MessageChanges(true, null, List.of("Red", "Blue"),
                    Importance.LOW), Map.of(EwsConstants.ITEM_ID, draft.id(), EwsConstants.CHANGE_KEY, draft.changeKey()),
                    MailMessage.class);
            assertThat(updated.isRead()).isTrue();
            assertThat(updated.categories()).containsExactly("Red", "Blue");
            assertThat(updated.importance()).isEqualTo(Importance.LOW);
            assertThat(updated.changeKey()).isNotEqualTo(draft.changeKey());

            Exchange stale = call(ALICE, EwsOperation.updateMessage, new MessageChanges(null, null, List.of("Green"), null),
                    Map.of(EwsConstants.ITEM_ID, draft.id(), EwsConstants.CHANGE_KEY, draft.changeKey()));
            assertThat(stale.getException()).isInstanceOf(ConflictException.class);
            assertThat(((ConflictException) stale.getException()).backendCode()).isEqualTo("ErrorIrresolvableConflict");

            MailMessage withoutKey = body(ALICE, EwsOperation.updateMessage, new MessageChanges(false, null, null, null),
                    Map.of(EwsConstants.ITEM_ID, draft.id()), MailMessage.class);
            assertThat(withoutKey.isRead()).isFalse();

            Instant due = Instant.parse("2026-03-20T17:00:00Z");
            MailMessage flagged = body(ALICE, EwsOperation.updateMessage, new MessageChanges(null, new Flag(Flag.Status.FLAGGED,
                    Instant.parse("2026-03-16T08:00:00Z"), due, null), List.of("Flagged"), null), Map.of(EwsConstants.ITEM_ID,
                    draft.id(), EwsConstants.CHANGE_KEY, withoutKey.changeKey()), MailMessage.class);
            assertThat(flagged.flag().status()).isEqualTo(Flag.Status.FLAGGED);
            assertThat(flagged.flag().dueAt()).isEqualTo(due);
            assertThat(flagged.categories()).containsExactly("Flagged");
            Exchange staleFlag = call(ALICE, EwsOperation.updateMessage, new MessageChanges(null, Flag.NONE, null, null),
                    Map.of(EwsConstants.ITEM_ID, draft.id(), EwsConstants.CHANGE_KEY, withoutKey.changeKey()));
            assertThat(staleFlag.getException()).isInstanceOf(ConflictException.class);
            MailMessage done = body(ALICE, EwsOperation.updateMessage, new MessageChanges(null, new Flag(Flag.Status.COMPLETE, null,
                    null, null), null, null), Map.of(EwsConstants.ITEM_ID, draft.id()), MailMessage.class);
            assertThat(done.flag().status()).isEqualTo(Flag.Status.COMPLETE);
            assertThat(done.flag().completedAt()).isNotNull();
            assertThat(body(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, draft.id()), MailMessage.class)
                    .flag().status()).isEqualTo(Flag.Status.COMPLETE);
        } finally {
            deleteBySubject(ALICE, "drafts", subject);
        }
    }

    @Test
    void movesCopiesAndDeletesInEachMode() {
        String subject = "Move me " + UUID.randomUUID();
        MailMessage draft = body(ALICE, EwsOperation.createDraft, new MessageDraft(subject, null, null, null, null, null, null,
                null, null), Map.of(), MailMessage.class);
        String acme = folderId(ALICE, "/Inbox/Clients/ACME");
        MailMessage moved = body(ALICE, EwsOperation.moveMessage, null, Map.of(EwsConstants.ITEM_ID, draft.id(),
                EwsConstants.DESTINATION_FOLDER_ID, acme), MailMessage.class);
        assertThat(moved.folderId()).isEqualTo(acme);
        assertThat(call(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, draft.id())).getException())
                .isInstanceOf(NotFoundException.class);
        MailMessage copy = body(ALICE, EwsOperation.copyMessage, null, Map.of(EwsConstants.ITEM_ID, moved.id(),
                EwsConstants.DESTINATION_FOLDER_ID, "drafts"), MailMessage.class);
        assertThat(copy.id()).isNotEqualTo(moved.id());

        assertThat(call(ALICE, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, moved.id())).getException()).isNull();
        assertThat(find(ALICE, "deleteditems", subject)).isNotNull();
        MailMessage inDeleted = find(ALICE, "deleteditems", subject);
        assertThat(call(ALICE, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, inDeleted.id(),
                EwsConstants.DELETE_MODE, DeleteMode.SOFT)).getException()).isNull();
        assertThat(find(ALICE, "deleteditems", subject)).isNull();
        assertThat(call(ALICE, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, copy.id(),
                EwsConstants.DELETE_MODE, DeleteMode.HARD)).getException()).isNull();
        assertThat(call(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, copy.id())).getException())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void failuresAreTypedAndCarryNoToken() {
        Exchange malformed = call(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, "not-an-id"));
        assertThat(malformed.getException()).isInstanceOf(InvalidIdException.class);

        Exchange foreign = call(ALICE, BOB, EwsOperation.listMessages, null, Map.of());
        assertThat(foreign.getException()).isInstanceOf(io.exchangehub.model.ForbiddenException.class);

        Map<String, Object> headers = new HashMap<>();
        headers.put(EwsConstants.MAILBOX, ALICE);
        headers.put(EwsConstants.ACCESS_TOKEN, "eyJhbGciOiJub25lIn0.e30.invalid-token-text");
        headers.put(EwsConstants.OPERATION, EwsOperation.listMessages);
        Exchange unauthorized = template.request("ews:messages", e -> e.getMessage().setHeaders(headers));
        assertThat(unauthorized.getException()).isInstanceOf(UnauthorizedException.class);
        assertThat(unauthorized.getException().getMessage()).doesNotContain("invalid-token-text");
        assertThat(unauthorized.getMessage().getHeader(EwsConstants.ACCESS_TOKEN)).isNull();
    }

    @Test
    void aDelegateReadsTheSharedMailbox() {
        Exchange exchange = call(BOB, SALES, EwsOperation.listMessages, null, Map.of(EwsConstants.TOP, 10));
        assertThat(exchange.getException()).isNull();
        @SuppressWarnings("unchecked")
        Page<MailMessage> page = exchange.getMessage().getBody(Page.class);
        assertThat(page.items()).hasSize(10);
        MailMessage whole = body(BOB, EwsOperation.getMessage, null, Map.of(EwsConstants.MAILBOX, SALES, EwsConstants.ITEM_ID,
                page.items().get(0).id()), MailMessage.class);
        assertThat(whole.toRecipients()).isNotNull();
    }

    private void sendMail(String from, String to, String subject) {
        MessageDraft draft = new MessageDraft(subject, new Body(Body.ContentType.TEXT, "Hello"), List.of(new Recipient("", to)),
                null, null, null, null, null, null);
        Exchange sent = call(from, EwsOperation.sendMessage, draft, Map.of());
        assertThat(sent.getException()).isNull();
    }

    private MailMessage find(String user, String folder, String subject) {
        List<MailMessage> found = list(user, user, folder, subject);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<String> subjects(String user, String folder, String subject) {
        return subjects(user, user, folder, subject);
    }

    private List<String> subjects(String mailbox, String user, String folder, String subject) {
        return list(user, mailbox, folder, subject).stream().map(MailMessage::subject).toList();
    }

    @SuppressWarnings("unchecked")
    private List<MailMessage> list(String user, String mailbox, String folder, String subject) {
        Exchange exchange = call(user, mailbox, EwsOperation.listMessages, null, Map.of(EwsConstants.FOLDER_ID, folder,
                EwsConstants.FILTER_SUBJECT, subject, EwsConstants.TOP, 50));
        assertThat(exchange.getException()).isNull();
        return ((Page<MailMessage>) exchange.getMessage().getBody(Page.class)).items();
    }

    private void deleteBySubject(String user, String folder, String subject) {
        Set<String> ids = new LinkedHashSet<>();
        list(user, user, folder, subject).forEach(m -> ids.add(m.id()));
        for (String id : ids) {
            call(user, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, id, EwsConstants.DELETE_MODE, DeleteMode.HARD));
        }
    }
}
