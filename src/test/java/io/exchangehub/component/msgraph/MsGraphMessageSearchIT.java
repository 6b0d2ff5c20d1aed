package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.exchangehub.model.Body;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/** searchMessages over every mail folder of Carol's mailbox, through the sandbox's Graph face. */
class MsGraphMessageSearchIT extends MsGraphIntegrationTest {

    @SuppressWarnings("unchecked")
    private Page<MailMessage> search(Object... headers) {
        return result("messages", MsGraphOperation.searchMessages, null, Page.class, headers);
    }

    /** Every page of a search: the first with the headers, the others with the cursor alone. */
    private List<MailMessage> searchToTheEnd(Object... headers) {
        List<MailMessage> all = new ArrayList<>();
        Page<MailMessage> page = search(headers);
        while (true) {
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                return all;
            }
            assertThat(page.items()).as("only the last page may be empty").isNotEmpty();
            assertThat(page.nextCursor()).matches("[A-Za-z0-9_-]+");
            page = search(MsGraphConstants.CURSOR, page.nextCursor());
        }
    }

    private static List<String> ids(List<MailMessage> messages) {
        return messages.stream().map(MailMessage::id).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, MailFolder> foldersByPath() {
        List<MailFolder> folders = result("folders", MsGraphOperation.listFolders, null, List.class);
        return folders.stream().collect(Collectors.toMap(MailFolder::path, Function.identity()));
    }

    private MailMessage draft(String subject, List<Recipient> to, List<Recipient> cc, List<Recipient> bcc) {
        return result("messages", MsGraphOperation.createDraft, new MessageDraft(subject, new Body(Body.ContentType.TEXT, "x"),
                to, cc, bcc, null, null, null, null), MailMessage.class);
    }

    private void delete(List<String> ids) {
        ids.forEach(id -> call("messages", MsGraphOperation.deleteMessage, null, MsGraphConstants.ITEM_ID, id,
                MsGraphConstants.DELETE_MODE, "HARD"));
    }

    private static String marker(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void searchMessagesFindsMailInInboxSentItemsAndANestedFolderNewestSentFirst() {
        String marker = marker("hubsearch");
        Map<String, MailFolder> folders = foldersByPath();
        String inbox = folders.get("/Inbox").id();
        String sentItems = folders.values().stream().filter(f -> "sentitems".equals(f.wellKnownName())).findFirst().orElseThrow().id();
        String design = folders.get("/Inbox/Projects/Apollo/Design").id();
        for (String n : List.of("one", "two", "three")) {
            MessageDraft mail = new MessageDraft(marker + " " + n, new Body(Body.ContentType.TEXT, "Search test " + n),
                    List.of(new Recipient("Carol Dupont", CAROL)), null, null, null, null, null, null);
            result("messages", MsGraphOperation.sendMessage, mail, Object.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> search(MsGraphConstants.QUERY, marker + " " + n).items().size() == 2);
        }
        MailMessage twoInInbox = search(MsGraphConstants.QUERY, marker + " two").items().stream()
                .filter(m -> m.folderId().equals(inbox)).findFirst().orElseThrow();
        result("messages", MsGraphOperation.moveMessage, null, MailMessage.class, MsGraphConstants.ITEM_ID, twoInInbox.id(),
                MsGraphConstants.DESTINATION_FOLDER_ID, design);

        Page<MailMessage> found = search(MsGraphConstants.QUERY, marker, MsGraphConstants.TOP, 50);
        try {
            assertThat(found.items()).hasSize(6);
            assertThat(found.nextCursor()).isNull();
            assertThat(found.totalCount()).as("Graph counts no search").isNull();
            assertThat(found.items()).extracting(MailMessage::folderId)
                    .containsExactlyInAnyOrder(inbox, inbox, sentItems, sentItems, sentItems, design);
            assertThat(found.items()).extracting(MailMessage::sentAt).isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(found.items()).extracting(MailMessage::subject).containsExactly(marker + " three", marker + " three",
                    marker + " two", marker + " two", marker + " one", marker + " one");
            assertThat(found.items()).allSatisfy(m -> assertThat(m.body()).as("summaries only").isNull());
        } finally {
            delete(ids(found.items()));
        }
    }

    @Test
    void searchMessagesPagesToTheEndWithoutDuplicatesOrGapsAndKeepsTheWindowOnEveryPage() {
        Page<MailMessage> whole = search(MsGraphConstants.QUERY, "Kestrel", MsGraphConstants.TOP, 1000);
        assertThat(whole.nextCursor()).as("fewer than Graph's 1,000 search results").isNull();
        assertThat(whole.items()).hasSizeGreaterThan(200);

        List<MailMessage> paged = searchToTheEnd(MsGraphConstants.QUERY, "Kestrel", MsGraphConstants.TOP, 120);
        assertThat(ids(paged)).doesNotHaveDuplicates().containsExactlyElementsOf(ids(whole.items()));
        assertThat(paged.stream().map(MailMessage::folderId).distinct().count()).isGreaterThan(1);

        List<Instant> received = whole.items().stream().map(MailMessage::receivedAt).filter(Objects::nonNull).sorted().toList();
        Instant after = received.get(received.size() / 4).plusMillis(1);
        Instant before = received.get(received.size() * 3 / 4);
        List<String> inWindow = ids(whole.items().stream()
                .filter(m -> !m.receivedAt().isBefore(after) && m.receivedAt().isBefore(before)).toList());
        List<MailMessage> windowed = searchToTheEnd(MsGraphConstants.QUERY, "Kestrel", MsGraphConstants.TOP, 50,
                MsGraphConstants.RECEIVED_AFTER, after, MsGraphConstants.RECEIVED_BEFORE, before.toString());
        assertThat(inWindow).as("more than one page of 50").hasSizeGreaterThan(50).hasSizeLessThan(whole.items().size());
        assertThat(ids(windowed)).as("to the millisecond, on every page").containsExactlyElementsOf(inWindow);
    }

    @Test
    void aRouteThatPagesOneExchangeByItsCursorHeaderReachesTheEnd() {
        Exchange exchange = producer.getCamelContext().getEndpoint("msgraph:messages?operation=searchMessages").createExchange();
        exchange.getMessage().setHeader(MsGraphConstants.MAILBOX, CAROL);
        exchange.getMessage().setHeader(MsGraphConstants.QUERY, "Kestrel");
        exchange.getMessage().setHeader(MsGraphConstants.TOP, 200);
        List<String> ids = new ArrayList<>();
        for (int pages = 1; pages <= 5; pages++) {
            exchange.getMessage().setHeader(MsGraphConstants.ACCESS_TOKEN, tokenOf(CAROL));
            producer.send("msgraph:messages?operation=searchMessages", exchange);
            assertThat(exchange.getException()).isNull();
            ids.addAll(ids(exchange.getMessage().getBody(Page.class).items()));
            String next = exchange.getMessage().getHeader(MsGraphConstants.NEXT_CURSOR, String.class);
            if (next == null) {
                assertThat(pages).isEqualTo(2);
                assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(200);
                return;
            }
            exchange.getMessage().setHeader(MsGraphConstants.CURSOR, next);
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
        String literal = draft(a + " OR " + b + " NOT -" + b + " from:dave (" + a + " OR " + b + ") \"quoted\" star*", nobody, null,
                null).id();
        try {
            for (String hostile : List.of(a + " OR " + b, a + " NOT " + b, a + " -" + b, "from:dave " + a, "(" + a + " OR " + b + ")",
                    "\"" + a + " OR " + b + "\"", a + "\" OR \"" + b, a + " star*")) {
                assertThat(ids(search(MsGraphConstants.QUERY, hostile).items())).as(hostile).containsExactly(literal);
            }
            assertThat(ids(search(MsGraphConstants.QUERY, a).items())).containsExactlyInAnyOrder(onlyA, literal);
        } finally {
            delete(List.of(onlyA, onlyB, literal));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchMessagesByParticipantFindsMailFromAndToTheAddressAndNothingElse() {
        Map<String, MailFolder> folders = foldersByPath();
        Page<MailMessage> sent = result("messages", MsGraphOperation.listMessages, null, Page.class, MsGraphConstants.FOLDER_ID,
                "sentitems", MsGraphConstants.TOP, 200);
        String person = sent.items().stream().flatMap(m -> m.toRecipients().stream()).map(Recipient::address)
                .filter(address -> !address.endsWith("@contoso.example")).filter(address -> !result("messages",
                        MsGraphOperation.listMessages, null, Page.class, MsGraphConstants.FOLDER_ID, "inbox",
                        MsGraphConstants.FILTER_FROM, address).items().isEmpty())
                .findFirst().orElseThrow();
        String domain = person.substring(person.indexOf('@'));
        List<String> decoys = List.of(
                draft("decoy longer local part", List.of(new Recipient("Jim", "jim" + person)), null, null).id(),
                draft("decoy longer domain", List.of(new Recipient("Someone", person + ".org")), null, null).id(),
                draft("decoy the address as a name", List.of(new Recipient(person, "someone.else" + domain)), null, null).id());
        String inCc = draft("cc'd", List.of(new Recipient("Nobody", "nobody@fabrikam.example")),
                List.of(new Recipient("", person.toUpperCase(Locale.ROOT))), null).id();
        String inBcc = draft("bcc'd", List.of(new Recipient("Nobody", "nobody@fabrikam.example")), null,
                List.of(new Recipient("", person))).id();
        try {
            Set<String> expected = new HashSet<>(List.of(inCc, inBcc));
            int fromThem = 0;
            int toThem = 0;
            for (MailFolder folder : folders.values()) {
                for (MailMessage m : listAll(folder.id())) {
                    boolean from = m.from() != null && m.from().address().equalsIgnoreCase(person);
                    boolean to = Stream.concat(m.toRecipients().stream(), m.ccRecipients().stream())
                            .anyMatch(r -> r.address().equalsIgnoreCase(person));
                    if (from || to) {
                        expected.add(m.id());
                    }
                    fromThem += from ? 1 : 0;
                    toThem += to && !m.isDraft() ? 1 : 0;
                }
            }
            assertThat(fromThem).as("mail from " + person).isPositive();
            assertThat(toThem).as("mail to " + person).isPositive();

            List<MailMessage> found = searchToTheEnd(MsGraphConstants.PARTICIPANT, person, MsGraphConstants.TOP, 25);
            assertThat(ids(found)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected).doesNotContainAnyElementsOf(decoys);
            assertThat(ids(searchToTheEnd(MsGraphConstants.PARTICIPANT, " " + person.toUpperCase(Locale.ROOT) + " ",
                    MsGraphConstants.TOP, 100))).as("an address in any case").containsExactlyInAnyOrderElementsOf(expected);

            String word = found.stream().filter(m -> !m.isDraft()).findFirst().orElseThrow().subject().split(" ")[0];
            List<MailMessage> both = searchToTheEnd(MsGraphConstants.PARTICIPANT, person, MsGraphConstants.QUERY, word);
            assertThat(both).isNotEmpty();
            assertThat(ids(both)).isSubsetOf(expected);
        } finally {
            delete(Stream.concat(decoys.stream(), Stream.of(inCc, inBcc)).toList());
        }
    }

    /** A folder's messages, every page of listMessages. */
    @SuppressWarnings("unchecked")
    private List<MailMessage> listAll(String folderId) {
        List<MailMessage> all = new ArrayList<>();
        Page<MailMessage> page = result("messages", MsGraphOperation.listMessages, null, Page.class, MsGraphConstants.FOLDER_ID,
                folderId, MsGraphConstants.TOP, 1000);
        while (true) {
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                return all;
            }
            page = result("messages", MsGraphOperation.listMessages, null, Page.class, MsGraphConstants.CURSOR, page.nextCursor());
        }
    }

    @Test
    void searchMessagesRefusesWhatItCannotSearchBeforeAskingGraph() {
        for (String address : List.of("carol", "carol@", "@contoso.example", "carol@contoso", "carol..d@contoso.example",
                "carol@contoso.example\" OR \"x", "Carol <carol@contoso.example>", "a b@contoso.example")) {
            assertThat(call("messages", MsGraphOperation.searchMessages, null, MsGraphConstants.PARTICIPANT, address).getException())
                    .as(address).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(call("messages", MsGraphOperation.searchMessages, null).getException()).isInstanceOf(IllegalArgumentException.class);
        assertThat(call("messages", MsGraphOperation.searchMessages, null, MsGraphConstants.QUERY, "\" * \\").getException())
                .isInstanceOf(InvalidRequestException.class);
        for (Object[] listOnly : Arrays.asList(new Object[] {MsGraphConstants.FOLDER_ID, "inbox"},
                new Object[] {MsGraphConstants.FILTER_UNREAD, true}, new Object[] {MsGraphConstants.SORT, "subject"},
                new Object[] {MsGraphConstants.FILTER_FROM, "bob"}, new Object[] {MsGraphConstants.FILTER_SUBJECT, "x"})) {
            assertThat(call("messages", MsGraphOperation.searchMessages, null, MsGraphConstants.QUERY, "board", listOnly[0], listOnly[1])
                    .getException()).as(listOnly[0].toString()).isInstanceOf(InvalidRequestException.class);
        }
        Instant now = Instant.now();
        assertThat(call("messages", MsGraphOperation.searchMessages, null, MsGraphConstants.QUERY, "board",
                MsGraphConstants.RECEIVED_AFTER, now, MsGraphConstants.RECEIVED_BEFORE, now).getException())
                .isInstanceOf(InvalidRequestException.class);
        for (int top : new int[] {0, 1001}) {
            assertThat(call("messages", MsGraphOperation.searchMessages, null, MsGraphConstants.QUERY, "board", MsGraphConstants.TOP, top)
                    .getException()).isInstanceOf(InvalidRequestException.class);
        }
        String cursor = search(MsGraphConstants.QUERY, "board", MsGraphConstants.TOP, 1,
                MsGraphConstants.RECEIVED_AFTER, "2024-01-01T00:00:00Z").nextCursor();
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8) + "&after=x").getBytes(StandardCharsets.UTF_8));
        assertThat(call("messages", MsGraphOperation.searchMessages, null, MsGraphConstants.CURSOR, tampered).getException())
                .isInstanceOf(InvalidRequestException.class);
    }
}
