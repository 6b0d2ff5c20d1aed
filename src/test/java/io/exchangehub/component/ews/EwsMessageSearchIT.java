package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.exchangehub.model.Body;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** searchMessages over every mail folder of Alice's mailbox, through the sandbox's EWS face. */
class EwsMessageSearchIT extends EwsComponentTestSupport {

    private static Map<String, Object> headers(Object... pairs) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put((String) pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    @SuppressWarnings("unchecked")
    private Page<MailMessage> search(Object... pairs) {
        return body(ALICE, EwsOperation.searchMessages, null, headers(pairs), Page.class);
    }

    private Exchange searchCall(Object... pairs) {
        return call(ALICE, EwsOperation.searchMessages, null, headers(pairs));
    }

    /** Every page of a search: the first with the headers, the others with the same headers and the cursor. */
    private List<MailMessage> searchToTheEnd(Runnable betweenPages, Object... pairs) {
        List<MailMessage> all = new ArrayList<>();
        Map<String, Object> headers = headers(pairs);
        Page<MailMessage> page = body(ALICE, EwsOperation.searchMessages, null, headers, Page.class);
        while (true) {
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                return all;
            }
            assertThat(page.items()).as("only the last page may be empty").isNotEmpty();
            assertThat(page.nextCursor()).matches("[A-Za-z0-9_-]+");
            betweenPages.run();
            Map<String, Object> next = new HashMap<>(headers);
            next.put(EwsConstants.CURSOR, page.nextCursor());
            page = body(ALICE, EwsOperation.searchMessages, null, next, Page.class);
        }
    }

    private List<MailMessage> searchToTheEnd(Object... pairs) {
        return searchToTheEnd(() -> { }, pairs);
    }

    private static List<String> ids(List<MailMessage> messages) {
        return messages.stream().map(MailMessage::id).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, MailFolder> foldersByPath() {
        List<MailFolder> folders = body(ALICE, EwsOperation.listFolders, null, Map.of(), List.class);
        return folders.stream().collect(Collectors.toMap(MailFolder::path, Function.identity()));
    }

    private MailMessage draft(String subject, List<Recipient> to, List<Recipient> cc, List<Recipient> bcc) {
        return body(ALICE, EwsOperation.createDraft, new MessageDraft(subject, new Body(Body.ContentType.TEXT, "x"), to, cc, bcc,
                null, null, null, null), Map.of(), MailMessage.class);
    }

    private void delete(List<String> ids) {
        ids.forEach(id -> call(ALICE, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, id, EwsConstants.DELETE_MODE,
                "HARD")));
    }

    private static String marker(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A folder's messages, every page of listMessages (with recipients). */
    @SuppressWarnings("unchecked")
    private List<MailMessage> listAll(String folderId) {
        List<MailMessage> all = new ArrayList<>();
        Page<MailMessage> page = body(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.FOLDER_ID, folderId,
                EwsConstants.TOP, 1000), Page.class);
        while (true) {
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                return all;
            }
            page = body(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.FOLDER_ID, folderId, EwsConstants.TOP, 1000,
                    EwsConstants.CURSOR, page.nextCursor()), Page.class);
        }
    }

    /**
     * Alice writes to herself three times, a second apart (EWS times are whole seconds): each mail is
     * in Sent Items and in the Inbox, and one Inbox copy is moved three levels down. One search finds
     * all six, newest received first, with the folder each is in, at the cost of one FindFolder,
     * one FindItem over every mail folder and one GetItem.
     */
    @Test
    void searchMessagesFindsTextInInboxSentItemsAndANestedFolderNewestFirst() throws Exception {
        String marker = marker("hubsearch");
        Map<String, MailFolder> folders = foldersByPath();
        String inbox = folders.get("/Inbox").id();
        String sentItems = folders.get("/Sent Items").id();
        String design = folders.get("/Inbox/Projects/Apollo/Design").id();
        for (String n : List.of("one", "two", "three")) {
            MessageDraft mail = new MessageDraft(marker + " " + n, new Body(Body.ContentType.TEXT, "Search test " + n),
                    List.of(new Recipient("Alice Wong", ALICE)), null, null, null, null, null, null);
            assertThat(call(ALICE, EwsOperation.sendMessage, mail, Map.of()).getException()).isNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> search(EwsConstants.QUERY, marker + " " + n).items().size() == 2);
            Thread.sleep(1100);
        }
        MailMessage twoInInbox = search(EwsConstants.QUERY, marker + " two").items().stream()
                .filter(m -> m.folderId().equals(inbox)).findFirst().orElseThrow();
        body(ALICE, EwsOperation.moveMessage, null, Map.of(EwsConstants.ITEM_ID, twoInInbox.id(), EwsConstants.DESTINATION_FOLDER_ID,
                design), MailMessage.class);

        search(EwsConstants.QUERY, marker);
        long before = roundTrips();
        Page<MailMessage> found = search(EwsConstants.QUERY, marker, EwsConstants.TOP, 50);
        long trips = roundTrips() - before;
        try {
            assertThat(trips).as("FindFolder, FindItem, GetItem").isEqualTo(3);
            assertThat(found.items()).hasSize(6);
            assertThat(found.nextCursor()).isNull();
            assertThat(found.totalCount()).as("a search counts nothing").isNull();
            assertThat(found.items()).extracting(MailMessage::folderId)
                    .containsExactlyInAnyOrder(inbox, inbox, sentItems, sentItems, sentItems, design);
            assertThat(found.items()).extracting(MailMessage::receivedAt).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(found.items()).extracting(MailMessage::subject).containsExactly(marker + " three", marker + " three",
                    marker + " two", marker + " two", marker + " one", marker + " one");
            assertThat(found.items()).allSatisfy(m -> {
                assertThat(m.body()).as("summaries only").isNull();
                assertThat(m.toRecipients()).extracting(Recipient::address).containsExactly(ALICE);
                assertThat(m.preview()).startsWith("Search test");
                assertThat(m.bccRecipients()).isNull();
            });
        } finally {
            delete(ids(found.items()));
        }
    }

    /**
     * A search pages to its end in pages of any size with the same messages in the same order as
     * one page of all, and a message that arrives between pages neither appears nor moves a later
     * page. The received window holds on every page, to the second.
     */
    @Test
    void searchMessagesPagesToTheEndWithoutDuplicatesOrGapsAndKeepsTheWindowOnEveryPage() {
        Page<MailMessage> whole = search(EwsConstants.QUERY, "Kestrel", EwsConstants.TOP, 1000);
        assertThat(whole.nextCursor()).as("fewer than 1,000 matches").isNull();
        assertThat(whole.items()).hasSizeGreaterThan(200);
        assertThat(whole.items().stream().map(MailMessage::folderId).distinct().count()).isGreaterThan(2);

        String late = marker("late");
        List<String> arrived = new ArrayList<>();
        List<MailMessage> paged = searchToTheEnd(() -> {
            if (arrived.isEmpty()) {
                MessageDraft mail = new MessageDraft("Kestrel " + late, new Body(Body.ContentType.TEXT, "Kestrel news"),
                        List.of(new Recipient("Alice Wong", ALICE)), null, null, null, null, null, null);
                assertThat(call(ALICE, EwsOperation.sendMessage, mail, Map.of()).getException()).isNull();
                arrived.addAll(ids(await().atMost(Duration.ofSeconds(10)).until(() -> search(EwsConstants.QUERY, late).items(),
                        items -> items.size() == 2)));
            }
        }, EwsConstants.QUERY, "Kestrel", EwsConstants.TOP, 120);
        try {
            assertThat(ids(paged)).doesNotHaveDuplicates().containsExactlyElementsOf(ids(whole.items()));
            assertThat(search(EwsConstants.QUERY, "Kestrel", EwsConstants.TOP, 1000).items()).extracting(MailMessage::id)
                    .as("a new search finds the new mail").containsAll(arrived);
        } finally {
            delete(arrived);
        }

        List<Instant> received = whole.items().stream().map(MailMessage::receivedAt).filter(Objects::nonNull).sorted().toList();
        Instant after = received.get(received.size() / 4).plusSeconds(1);
        Instant before = received.get(received.size() * 3 / 4);
        List<String> inWindow = ids(whole.items().stream().filter(m -> m.receivedAt() != null && !m.receivedAt().isBefore(after)
                && m.receivedAt().isBefore(before)).toList());
        List<MailMessage> windowed = searchToTheEnd(EwsConstants.QUERY, "Kestrel", EwsConstants.TOP, 50,
                EwsConstants.RECEIVED_AFTER, after, EwsConstants.RECEIVED_BEFORE, before.toString());
        assertThat(inWindow).as("more than one page of 50").hasSizeGreaterThan(50).hasSizeLessThan(whole.items().size());
        assertThat(ids(windowed)).as("to the second, on every page").containsExactlyElementsOf(inWindow);
    }

    @Test
    void aRouteThatPagesOneExchangeByItsCursorHeaderReachesTheEnd() {
        Endpoint endpoint = camel.getEndpoint("ews:messages?operation=searchMessages");
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(EwsConstants.MAILBOX, ALICE);
        exchange.getMessage().setHeader(EwsConstants.QUERY, "Kestrel");
        exchange.getMessage().setHeader(EwsConstants.TOP, 200);
        List<String> ids = new ArrayList<>();
        for (int pages = 1; pages <= 10; pages++) {
            exchange.getMessage().setHeader(EwsConstants.ACCESS_TOKEN, tokenFor(ALICE));
            template.send(endpoint, exchange);
            assertThat(exchange.getException()).isNull();
            ids.addAll(ids(exchange.getMessage().getBody(Page.class).items()));
            String next = exchange.getMessage().getHeader(EwsConstants.NEXT_CURSOR, String.class);
            if (next == null) {
                assertThat(pages).isGreaterThan(1);
                assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(200);
                return;
            }
            exchange.getMessage().setHeader(EwsConstants.CURSOR, next);
        }
        throw new AssertionError("the last page still said there was a next one");
    }

    @Test
    void searchMessagesSearchesForWhatUsersTypeAndNeverObeysIt() {
        String a = marker("huba");
        String b = marker("hubb");
        List<Recipient> nobody = List.of(new Recipient("Nobody", "nobody@fabrikam.example"));
        String onlyA = draft(a + " alpha", nobody, null, null).id();
        String onlyB = draft(b + " beta", nobody, null, null).id();
        String literal = draft(a + " OR " + b + " NOT -" + b + " from:dave (" + a + " OR " + b + ") AND participants:" + a
                + " \"quoted\" star*", nobody, null, null).id();
        try {
            for (String hostile : List.of(a + " OR " + b, a + " NOT " + b, a + " -" + b, "from:dave " + a, "(" + a + " OR " + b + ")",
                    "\"" + a + " OR " + b + "\"", a + "\" OR \"" + b, a + " star*", a + " AND (" + a, "participants:" + a + " " + b)) {
                assertThat(ids(search(EwsConstants.QUERY, hostile).items())).as(hostile).containsExactly(literal);
            }
            assertThat(ids(search(EwsConstants.QUERY, a).items())).containsExactlyInAnyOrder(onlyA, literal);
        } finally {
            delete(List.of(onlyA, onlyB, literal));
        }
    }

    /**
     * A customer Alice writes with: their mail in the Inbox, Sent Items, the Archive 2024 folder
     * and (a copy put there for the test) the well-known Archive is found whole, with drafts that
     * have the address only in cc (in capitals) or bcc; drafts that have it as a name, or inside a
     * longer address, are not.
     */
    @Test
    void searchMessagesByParticipantFindsMailFromToAndCcTheAddressInEveryFolderAndNothingElse() {
        Map<String, MailFolder> folders = foldersByPath();
        String inbox = folders.get("/Inbox").id();
        String sentItems = folders.get("/Sent Items").id();
        String archive2024 = folders.get("/Archive 2024").id();
        String archive = folders.get("/Archive").id();
        Map<String, List<MailMessage>> byFolder = new HashMap<>();
        folders.values().forEach(f -> byFolder.put(f.id(), listAll(f.id())));
        String person = byFolder.get(sentItems).stream().flatMap(m -> m.toRecipients().stream()).map(Recipient::address)
                .filter(address -> !address.endsWith("@contoso.example"))
                .filter(address -> byFolder.get(inbox).stream().anyMatch(m -> m.from() != null && address.equals(m.from().address())))
                .filter(address -> byFolder.get(archive2024).stream().anyMatch(m -> m.from() != null
                        && address.equals(m.from().address())))
                .findFirst().orElseThrow();
        String domain = person.substring(person.indexOf('@'));
        MailMessage fromThemInInbox = byFolder.get(inbox).stream().filter(m -> m.from() != null
                && person.equals(m.from().address())).findFirst().orElseThrow();
        String archived = body(ALICE, EwsOperation.copyMessage, null, Map.of(EwsConstants.ITEM_ID, fromThemInInbox.id(),
                EwsConstants.DESTINATION_FOLDER_ID, "archive"), MailMessage.class).id();
        List<String> decoys = List.of(
                draft("decoy longer local part", List.of(new Recipient("Jim", "jim" + person)), null, null).id(),
                draft("decoy longer domain", List.of(new Recipient("Someone", person + ".org")), null, null).id(),
                draft("decoy the address as a name", List.of(new Recipient(person, "someone.else" + domain)), null, null).id());
        String inCc = draft("cc'd", List.of(new Recipient("Nobody", "nobody@fabrikam.example")),
                List.of(new Recipient("", person.toUpperCase(Locale.ROOT))), null).id();
        String inBcc = draft("bcc'd", List.of(new Recipient("Nobody", "nobody@fabrikam.example")), null,
                List.of(new Recipient("", person))).id();
        try {
            Set<String> expected = new HashSet<>(List.of(inCc, inBcc, archived));
            Set<String> expectedFolders = new HashSet<>();
            for (List<MailMessage> messages : byFolder.values()) {
                for (MailMessage m : messages) {
                    if (m.from() != null && m.from().address().equalsIgnoreCase(person) || Stream.concat(m.toRecipients().stream(),
                            m.ccRecipients().stream()).anyMatch(r -> r.address().equalsIgnoreCase(person))) {
                        expected.add(m.id());
                        expectedFolders.add(m.folderId());
                    }
                }
            }
            assertThat(expectedFolders).as("mail with " + person).contains(inbox, sentItems, archive2024);

            List<MailMessage> found = searchToTheEnd(EwsConstants.PARTICIPANT, person, EwsConstants.TOP, 25);
            assertThat(ids(found)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected)
                    .doesNotContainAnyElementsOf(decoys);
            assertThat(found).extracting(MailMessage::folderId).contains(inbox, sentItems, archive2024, archive);
            assertThat(found).anyMatch(m -> m.from() != null && m.from().address().equals(person))
                    .anyMatch(m -> m.toRecipients().stream().anyMatch(r -> r.address().equals(person)))
                    .anyMatch(m -> m.ccRecipients().stream().anyMatch(r -> r.address().equalsIgnoreCase(person)));
            assertThat(found).extracting(MailMessage::receivedAt).filteredOn(Objects::nonNull)
                    .isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(ids(searchToTheEnd(EwsConstants.PARTICIPANT, " " + person.toUpperCase(Locale.ROOT) + " ",
                    EwsConstants.TOP, 100))).as("an address in any case").containsExactlyInAnyOrderElementsOf(expected);

            String word = found.stream().filter(m -> !m.isDraft()).findFirst().orElseThrow().subject().split(" ")[0];
            List<MailMessage> both = searchToTheEnd(EwsConstants.PARTICIPANT, person, EwsConstants.QUERY, word);
            assertThat(both).isNotEmpty();
            assertThat(ids(both)).isSubsetOf(expected);
        } finally {
            delete(Stream.concat(decoys.stream(), Stream.of(inCc, inBcc, archived)).toList());
        }
    }

    @Test
    void searchMessagesRefusesWhatItCannotSearchBeforeAskingExchange() {
        for (String address : List.of("alice", "alice@", "@contoso.example", "alice@contoso", "alice..w@contoso.example",
                "alice@contoso.example\" OR \"x", "Alice <alice@contoso.example>", "a b@contoso.example",
                "alice@contoso.example) OR (from:x")) {
            assertThat(searchCall(EwsConstants.PARTICIPANT, address).getException()).as(address)
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(searchCall().getException()).isInstanceOf(IllegalArgumentException.class);
        assertThat(searchCall(EwsConstants.QUERY, "\" * \\").getException()).isInstanceOf(InvalidRequestException.class);
        for (Object[] listOnly : Arrays.asList(new Object[] {EwsConstants.FOLDER_ID, "inbox"},
                new Object[] {EwsConstants.FILTER_UNREAD, true}, new Object[] {EwsConstants.SORT, "subject"},
                new Object[] {EwsConstants.FILTER_FROM, "bob"}, new Object[] {EwsConstants.FILTER_SUBJECT, "x"})) {
            assertThat(searchCall(EwsConstants.QUERY, "board", listOnly[0], listOnly[1]).getException()).as(listOnly[0].toString())
                    .isInstanceOf(InvalidRequestException.class);
        }
        Instant now = Instant.now();
        assertThat(searchCall(EwsConstants.QUERY, "board", EwsConstants.RECEIVED_AFTER, now, EwsConstants.RECEIVED_BEFORE, now)
                .getException()).isInstanceOf(InvalidRequestException.class);
        for (int top : new int[] {0, 1001}) {
            assertThat(searchCall(EwsConstants.QUERY, "board", EwsConstants.TOP, top).getException())
                    .isInstanceOf(InvalidRequestException.class);
        }
        String cursor = search(EwsConstants.QUERY, "Kestrel", EwsConstants.TOP, 1).nextCursor();
        assertThat(searchCall(EwsConstants.QUERY, "Globex", EwsConstants.TOP, 1, EwsConstants.CURSOR, cursor).getException())
                .as("another search's cursor").isInstanceOf(InvalidRequestException.class);
        Page<?> listed = body(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.TOP, 1), Page.class);
        assertThat(searchCall(EwsConstants.QUERY, "Kestrel", EwsConstants.CURSOR, listed.nextCursor()).getException())
                .as("a listMessages cursor").isInstanceOf(InvalidRequestException.class);
    }
}
