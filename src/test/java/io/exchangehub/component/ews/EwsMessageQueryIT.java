package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.exchangehub.model.Body;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.search.SortDirection;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * listMessages with a free-text query ({@code CamelEwsQuery}): FindItem carries the QueryString
 * alone, the hub keeps the other filters and the paging bound. Expected results come from outside
 * the component: ews-java-api's own QueryString FindItem (no restriction, paged by offset) and
 * listMessages without a query (restrictions only).
 */
class EwsMessageQueryIT extends EwsComponentTestSupport {

    /** A phrase of the seed's archive with several hundred matches. */
    private static final String BROAD = "analytics suite";

    @SuppressWarnings("unchecked")
    private Page<MailMessage> page(String user, Map<String, Object> headers) {
        return body(user, EwsOperation.listMessages, null, headers, Page.class);
    }

    /** Every message of a listing, page by page along the cursors. */
    private List<MailMessage> all(String user, Map<String, Object> headers, Runnable betweenPages) {
        List<MailMessage> messages = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> pageHeaders = new HashMap<>(headers);
            if (cursor != null) {
                pageHeaders.put(EwsConstants.CURSOR, cursor);
            }
            Page<MailMessage> page = page(user, pageHeaders);
            if (headers.containsKey(EwsConstants.QUERY)) {
                assertThat(page.totalCount()).as("no total beside a query").isNull();
            }
            messages.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor != null) {
                betweenPages.run();
            }
        } while (cursor != null);
        return messages;
    }

    private static List<String> ids(List<MailMessage> messages) {
        return messages.stream().map(MailMessage::id).toList();
    }

    /** The folder's matches of the AQS phrase as Exchange itself answers a QueryString alone, newest received first. */
    private List<String> exchangeMatches(String user, String folderId, String phrase) throws Exception {
        List<String> ids = new ArrayList<>();
        try (ExchangeService service = ewsJavaApi(user)) {
            FindItemsResults<Item> results;
            do {
                ItemView view = new ItemView(1000, ids.size());
                view.setPropertySet(PropertySet.getIdOnly());
                view.getOrderBy().add(ItemSchema.DateTimeReceived, SortDirection.Descending);
                results = service.findItems(new FolderId(folderId), "\"" + phrase + "\"", view);
                for (Item item : results.getItems()) {
                    ids.add(item.getId().getUniqueId());
                }
            } while (results.isMoreAvailable());
        }
        return ids;
    }

    @Test
    void aQueryAlonePagesToItsEndWithNoDuplicateAndNoGap() throws Exception {
        String archive = folderId(ALICE, "/Archive 2024");
        List<String> expected = exchangeMatches(ALICE, archive, BROAD);
        assertThat(expected).as("more matches than three pages hold").hasSizeGreaterThan(750);

        List<MailMessage> paged = all(ALICE, Map.of(EwsConstants.FOLDER_ID, archive, EwsConstants.QUERY, BROAD,
                EwsConstants.TOP, 250), () -> { });
        assertThat(ids(paged)).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(paged).allMatch(m -> archive.equals(m.folderId()));
    }

    @Test
    void aQueryWithUnreadSenderAndWindowGivesExactlyTheMessagesMatchingAll() throws Exception {
        String archive = folderId(ALICE, "/Archive 2024");
        Set<String> matches = new HashSet<>(exchangeMatches(ALICE, archive, BROAD));
        Instant after = Instant.parse("2024-02-01T00:00:00Z");
        Instant before = Instant.parse("2024-11-01T00:00:00Z");
        // a sender domain part, so that the filter is a substring of some addresses, not one address
        String from = "contoso";
        Map<String, Object> filters = Map.of(EwsConstants.FOLDER_ID, archive, EwsConstants.FILTER_UNREAD, true,
                EwsConstants.FILTER_FROM, from, EwsConstants.RECEIVED_AFTER, after, EwsConstants.RECEIVED_BEFORE, before);
        List<String> restricted = ids(all(ALICE, with(filters, EwsConstants.TOP, 1000), () -> { }));
        List<String> expected = restricted.stream().filter(matches::contains).toList();
        assertThat(expected).as("enough for several pages of three").hasSizeGreaterThan(3);

        List<MailMessage> paged = all(ALICE, with(with(filters, EwsConstants.QUERY, BROAD), EwsConstants.TOP, 3), () -> { });
        assertThat(ids(paged)).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(paged).allSatisfy(m -> {
            assertThat(m.isRead()).isFalse();
            assertThat(m.receivedAt()).isBetween(after, before.minusMillis(1));
        });
        assertThat(paged).as("recipients and preview read for the page, as without a query")
                .allMatch(m -> !m.toRecipients().isEmpty() && m.preview() != null);
    }

    @Test
    void sortOrdersOtherThanNewestFirstPageAQueryWhole() throws Exception {
        String archive = folderId(ALICE, "/Archive 2024");
        Set<String> expected = new HashSet<>(exchangeMatches(ALICE, archive, BROAD));
        for (String sort : List.of("receivedAt", "subject", "-subject")) {
            List<MailMessage> paged = all(ALICE, Map.of(EwsConstants.FOLDER_ID, archive, EwsConstants.QUERY, BROAD,
                    EwsConstants.SORT, sort, EwsConstants.TOP, 400), () -> { });
            assertThat(ids(paged)).as(sort).doesNotHaveDuplicates().hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
            if (sort.equals("receivedAt")) {
                assertThat(paged).extracting(MailMessage::receivedAt).isSorted();
            }
        }
    }

    @Test
    void mailArrivingBetweenPagesOfAQueryShiftsNothing() throws InterruptedException {
        String token = "qpage" + UUID.randomUUID().toString().replace("-", "");
        try {
            for (int i = 0; i < 4; i++) {
                sendMail(ALICE, BOB, token + " before " + i);
            }
            // the first page's two messages in two seconds: its newest second becomes the bound, and mail
            // arriving within that very second stays out too (one second of EWS's precision would not)
            Thread.sleep(1100);
            sendMail(ALICE, BOB, token + " before 4");
            Map<String, Object> query = Map.of(EwsConstants.QUERY, token, EwsConstants.FILTER_UNREAD, true, EwsConstants.TOP, 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> page(BOB, with(query, EwsConstants.TOP, 100)).items().size() == 5);
            List<String> expected = ids(page(BOB, with(query, EwsConstants.TOP, 100)).items());
            int[] sent = {0};
            List<String> paged = ids(all(BOB, query, () -> sendMail(ALICE, BOB, token + " during " + sent[0]++)));
            assertThat(sent[0]).isEqualTo(2);
            assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
            assertThat(page(BOB, with(query, EwsConstants.TOP, 100)).items()).hasSize(7);
        } finally {
            deleteAll(BOB, "inbox", token);
            deleteAll(ALICE, "sentitems", token);
        }
    }

    @Test
    void queryTextBesideFiltersIsStillSearchedAsTextNotAsQuerySyntax() {
        // each holds a word no message has: taken as text it matches nothing, obeyed it would match much
        for (String hostile : List.of("zq7 OR *", "zq7\") OR (\"", "from:zq7@contoso.example OR *", "zq7)) OR ((subject:*",
                "nothing-like-this OR from:alice ( \"unbalanced")) {
            Page<MailMessage> found = page(ALICE, Map.of(EwsConstants.QUERY, hostile, EwsConstants.FILTER_UNREAD, false,
                    EwsConstants.FILTER_SUBJECT, "e", EwsConstants.TOP, 50));
            assertThat(found.items()).as(hostile).isEmpty();
            assertThat(found.nextCursor()).isNull();
        }
        Page<MailMessage> board = page(ALICE, Map.of(EwsConstants.QUERY, "board pack", EwsConstants.FILTER_SUBJECT, "Q3"));
        assertThat(board.items()).extracting(MailMessage::subject).contains("Board pack for Q3 (25 MB)");
    }

    @Test
    void aCursorOfTheSameListingWithoutItsQueryIsRefused() {
        String archive = folderId(ALICE, "/Archive 2024");
        Page<MailMessage> first = page(ALICE, Map.of(EwsConstants.FOLDER_ID, archive, EwsConstants.QUERY, BROAD, EwsConstants.TOP, 5));
        Exchange other = call(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.FOLDER_ID, archive, EwsConstants.TOP, 5,
                EwsConstants.CURSOR, first.nextCursor()));
        assertThat(other.getException()).isInstanceOf(InvalidRequestException.class);
    }

    private static Map<String, Object> with(Map<String, Object> headers, String name, Object value) {
        Map<String, Object> copy = new HashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private void sendMail(String from, String to, String subject) {
        MessageDraft draft = new MessageDraft(subject, new Body(Body.ContentType.TEXT, "Hello"), List.of(new Recipient("", to)),
                null, null, null, null, null, null);
        Exchange sent = call(from, EwsOperation.sendMessage, draft, Map.of());
        assertThat(sent.getException()).isNull();
    }

    private void deleteAll(String user, String folder, String subject) {
        for (MailMessage message : page(user, Map.of(EwsConstants.FOLDER_ID, folder, EwsConstants.FILTER_SUBJECT, subject,
                EwsConstants.TOP, 100)).items()) {
            call(user, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, message.id(), EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
        }
    }
}
