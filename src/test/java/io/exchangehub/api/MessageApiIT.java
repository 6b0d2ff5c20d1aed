package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageApiIT extends ApiIntegrationTest {

    private String folderId(String user, String path) {
        for (JsonNode folder : get(user, "/mail/folders").json().get("items")) {
            if (folder.get("path").asText().equals(path)) {
                return folder.get("id").asText();
            }
        }
        throw new AssertionError("no folder " + path);
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void listMessagesPagesThroughTenThousandItemsWithStableCursor(String user) {
        String archive = folderId(user, "/Archive 2024");
        Set<String> seen = new HashSet<>();
        String cursor = null;
        Instant previous = Instant.MAX;
        int pages = 0;
        do {
            Answer page = get(user, "/mail/folders/" + archive + "/messages?top=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode message : page.json().get("items")) {
                assertThat(seen.add(message.get("id").asText())).as("no duplicate").isTrue();
                Instant received = Instant.parse(message.get("receivedAt").asText());
                assertThat(received).as("newest first").isBeforeOrEqualTo(previous);
                previous = received;
            }
            if (pages == 0) {
                assertThat(page.json().get("totalCount").asInt()).isEqualTo(10_000);
            }
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).as("no gap").hasSize(10_000);
        assertThat(pages).isEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void filtersNarrowTheListAndFreeTextIsNeverQuerySyntax(String user) {
        String inbox = "/mail/folders/inbox/messages?top=200";
        for (JsonNode message : get(user, inbox + "&unread=true").json().get("items")) {
            assertThat(message.get("isRead").asBoolean()).isFalse();
        }
        // a draft (which other tests may leave in the Inbox) has no sender and no received time
        JsonNode first = null;
        for (JsonNode message : get(user, inbox).json().get("items")) {
            if (!message.get("isDraft").asBoolean() && !message.get("from").isNull()) {
                first = message;
                break;
            }
        }
        assertThat(first).as("a message received in the Inbox").isNotNull();
        String sender = first.get("from").get("address").asText();
        JsonNode fromSender = get(user, inbox + "&from=" + q(sender)).json().get("items");
        assertThat(fromSender).isNotEmpty().allSatisfy(m -> assertThat(m.get("from").get("address").asText()).isEqualToIgnoringCase(sender));

        Instant received = Instant.parse(first.get("receivedAt").asText());
        JsonNode window = get(user, inbox + "&since=" + q(received.minusSeconds(3600).toString()) + "&until="
                + q(received.plusSeconds(1).toString())).json().get("items");
        assertThat(window).isNotEmpty().allSatisfy(m -> assertThat(Instant.parse(m.get("receivedAt").asText()))
                .isBetween(received.minusSeconds(3600), received.plusSeconds(1)));

        // each holds a word no message has: taken as text it matches nothing, obeyed it would match much
        for (String hostile : List.of("zq7' or 1 eq 1 or 'zq7", "zq7 OR *", "zq7\") OR (\"", "from:zq7@contoso.example OR *",
                "zq7)) OR ((subject:*")) {
            Answer answer = get(user, inbox + "&q=" + q(hostile));
            assertThat(answer.status()).as(hostile).isEqualTo(200);
            assertThat(answer.json().get("items")).as("nothing matches %s literally", hostile).isEmpty();
        }
        assertThat(get(user, inbox + "&from=" + q("o'brien@contoso.example")).status()).isEqualTo(200);
    }

    /**
     * A query beside a filter pages whole on both backends (EWS used to fail on page 2 and on any
     * filter beside a query). Each mailbox is its own, so each is compared with its own listing of
     * the query alone, filtered by hand. The filter is the sender, which goes to Graph as a KQL
     * term beside the query, given as a whole address so that EWS's substring and Graph's word
     * match select the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aQueryBesideASenderFilterPagesToTheEndOfExactlyTheMatchesOfBoth(String user) {
        String archive = "/mail/folders/" + folderId(user, "/Archive 2024") + "/messages?q=" + q("analytics suite");
        List<JsonNode> all = pages(user, archive + "&top=200");
        // the customer with the most matches, so that the filtered listing takes several pages
        String sender = all.stream().map(m -> m.get("from").get("address").asText().toLowerCase(java.util.Locale.ROOT))
                .filter(a -> !a.equalsIgnoreCase(user))
                .collect(java.util.stream.Collectors.groupingBy(a -> a, java.util.stream.Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<String> expected = subjects(all.stream().filter(m -> m.get("from").get("address").asText().equalsIgnoreCase(sender))
                .toList());
        assertThat(expected).as("several pages of two").hasSizeGreaterThan(2);
        List<String> filtered = subjects(pages(user, archive + "&from=" + q(sender) + "&top=2"));
        assertThat(filtered).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * A query beside the unread filter and a received window pages to its end on both backends,
     * though neither backend takes those filters beside a query: EWS and Graph are sent the query
     * (Graph with the window's days), the hub keeps the rest. Each user's result is that user's
     * own listing of the query alone, filtered by hand. The window's bounds are whole seconds, the
     * precision both backends keep.
     */
    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aQueryBesideTheReadStateAndAReceivedWindowPagesToTheEndOfExactlyTheMatchesOfAll(String user) {
        String archive = "/mail/folders/" + folderId(user, "/Archive 2024") + "/messages?q=" + q("Kestrel");
        List<JsonNode> all = pages(user, archive + "&top=200");
        assertThat(all).as("under Graph's 1,000 search results").hasSizeGreaterThan(100).hasSizeLessThan(1000);
        List<Instant> received = all.stream().map(m -> Instant.parse(m.get("receivedAt").asText())).sorted().toList();
        Instant since = received.get(received.size() / 10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant until = received.get(received.size() * 9 / 10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        java.util.function.Predicate<JsonNode> inWindow = m -> {
            Instant at = Instant.parse(m.get("receivedAt").asText());
            return !at.isBefore(since) && at.isBefore(until);
        };
        long windowed = all.stream().filter(inWindow).count();
        // the many read matches in pages of 50; the few unread ones in pages of 25, since every page of
        // Graph's the hub empties costs a round trip and the hub reads on until it has one to answer
        for (boolean unread : List.of(false, true)) {
            List<JsonNode> state = all.stream().filter(m -> m.get("isRead").asBoolean() != unread).toList();
            List<String> expected = ids(state.stream().filter(inWindow).toList());
            assertThat(expected).as("unread %s: each filter leaves out some of what the other keeps", unread).isNotEmpty()
                    .hasSizeLessThan(state.size()).hasSizeLessThan((int) windowed);
            int top = unread ? 25 : 50;
            if (!unread) {
                assertThat(expected).as("several pages").hasSizeGreaterThan(2 * top);
            }
            List<JsonNode> filtered = pages(user, archive + "&unread=" + unread + "&since=" + q(since.toString()) + "&until="
                    + q(until.toString()) + "&top=" + top);
            assertThat(ids(filtered)).as("unread %s", unread).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static List<String> ids(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("id").asText()).toList();
    }

    private static List<String> subjects(List<JsonNode> messages) {
        return messages.stream().map(m -> m.get("subject").asText()).toList();
    }

    /** Every message of a listing, along its cursors. */
    private List<JsonNode> pages(String user, String listing) {
        List<JsonNode> messages = new ArrayList<>();
        String cursor = null;
        do {
            Answer page = get(user, listing + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(listing).isEqualTo(200);
            page.json().get("items").forEach(messages::add);
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
            if (cursor != null) {
                assertThat(page.json().get("items")).as("only the last page may be empty").isNotEmpty();
            }
        } while (cursor != null);
        return messages;
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aMessageSentWithHtmlArrivesAndIsShownSanitisedUnlessRaw(String user) {
        String subject = "Hub API test " + UUID.randomUUID();
        String html = "<p onclick=\"steal()\">Hello <b>there</b></p><script>alert(1)</script>";
        Answer sent = post(user, "/mail/messages", "{\"subject\": \"" + subject + "\", \"body\": {\"contentType\": \"html\", "
                + "\"content\": \"" + html.replace("\"", "\\\"") + "\"}, \"toRecipients\": [{\"address\": \"" + user + "\"}]}");
        assertThat(sent.status()).isEqualTo(202);
        JsonNode arrived = Awaitility.await().until(() -> findBySubject(user, "inbox", subject), found -> found != null);

        Answer message = get(user, "/mail/messages/" + arrived.get("id").asText());
        assertThat(message.status()).isEqualTo(200);
        String shown = message.json().get("body").get("content").asText();
        assertThat(shown).contains("<b>there</b>").doesNotContain("script").doesNotContain("onclick");
        String raw = get(user, "/mail/messages/" + arrived.get("id").asText() + "?raw=true").json().get("body").get("content").asText();
        assertThat(raw).contains("onclick");
        assertThat(get(user, "/mail/messages/" + arrived.get("id").asText() + "?raw=true").header("ETag"))
                .as("the raw and the sanitised body are two representations").isNotEqualTo(message.header("ETag"));

        assertThat(delete(user, "/mail/messages/" + arrived.get("id").asText() + "?mode=hard").status()).isEqualTo(204);
        deleteSentCopy(user, subject);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aDraftIsSavedThenRepliesAndForwardsReachTheirRecipients(String user) {
        String subject = "Hub draft " + UUID.randomUUID();
        Answer draft = post(user, "/mail/messages", "{\"draft\": true, \"subject\": \"" + subject
                + "\", \"body\": {\"contentType\": \"text\", \"content\": \"Draft text\"}}");
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.json().get("isDraft").asBoolean()).isTrue();
        assertThat(draft.header("Location")).isEqualTo("/api/v1/mail/messages/" + draft.json().get("id").asText());
        assertThat(delete(user, "/mail/messages/" + draft.json().get("id").asText() + "?mode=hard").status()).isEqualTo(204);

        String original = "Hub thread " + UUID.randomUUID();
        post(user, "/mail/messages", "{\"subject\": \"" + original + "\", \"toRecipients\": [{\"address\": \"" + user + "\"}],"
                + " \"body\": {\"contentType\": \"text\", \"content\": \"Start\"}}");
        JsonNode received = Awaitility.await().until(() -> findBySubject(user, "inbox", original), found -> found != null);
        String id = received.get("id").asText();
        assertThat(post(user, "/mail/messages/" + id + "/reply", "{\"comment\": {\"contentType\": \"text\", \"content\": \"Re\"}}").status())
                .isEqualTo(202);
        assertThat(post(user, "/mail/messages/" + id + "/forward", "{\"toRecipients\": [{\"address\": \"" + user + "\"}],"
                + " \"comment\": {\"contentType\": \"text\", \"content\": \"Fwd\"}}").status()).isEqualTo(202);
        assertThat(post(user, "/mail/messages/" + id + "/forward", "{\"comment\": {\"contentType\": \"text\", \"content\": \"x\"}}").status())
                .as("a forward names its recipients").isEqualTo(400);
        Awaitility.await().until(() -> count(user, "inbox", original) >= 3);
        for (String folder : List.of("inbox", "sentitems")) {
            for (JsonNode message : messagesWith(user, folder, original)) {
                delete(user, "/mail/messages/" + message.get("id").asText() + "?mode=hard");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aStaleVersionIsAPreconditionFailureAndTheChangeStaysUnmade(String user) {
        String id = get(user, "/mail/folders/inbox/messages?top=1").json().get("items").get(0).get("id").asText();
        Answer before = get(user, "/mail/messages/" + id);
        assertThat(get(user, "/mail/messages/" + id, Map.of("If-None-Match", before.header("ETag"))).status()).isEqualTo(304);

        Answer tagged = patch(user, "/mail/messages/" + id, "{\"categories\": [\"Hub A\"]}", Map.of("If-Match", before.header("ETag")));
        assertThat(tagged.status()).isEqualTo(200);
        assertThat(tagged.json().get("categories")).extracting(JsonNode::asText).containsExactly("Hub A");
        Answer stale = patch(user, "/mail/messages/" + id, "{\"categories\": [\"Hub B\"]}", Map.of("If-Match", before.header("ETag")));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asText()).isEqualTo("urn:exchange-hub:problem:precondition-failed");
        assertThat(get(user, "/mail/messages/" + id).json().get("categories")).extracting(JsonNode::asText).containsExactly("Hub A");

        Answer flagged = patch(user, "/mail/messages/" + id, "{\"flag\": {\"status\": \"flagged\"}, \"categories\": []}", Map.of());
        assertThat(flagged.json().get("flag").get("status").asText()).isEqualTo("flagged");
        patch(user, "/mail/messages/" + id, "{\"flag\": {\"status\": \"notFlagged\"}}", Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aMessageMovesToAnotherFolderWithANewIdAndBack(String user) {
        JsonNode message = get(user, "/mail/folders/inbox/messages?top=1").json().get("items").get(0);
        String clients = folderId(user, "/Inbox/Clients");
        Answer moved = post(user, "/mail/messages/" + message.get("id").asText() + "/move", "{\"destinationFolderId\": \"" + clients + "\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("folderId").asText()).isEqualTo(clients);
        Answer back = post(user, "/mail/messages/" + moved.json().get("id").asText() + "/move", "{\"destinationFolderId\": \"inbox\"}");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("subject").asText()).isEqualTo(message.get("subject").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aBatchOfAThousandGivesOneResultPerIdWithTheFailuresInPlace(String user) {
        String archive = folderId(user, "/Archive 2024");
        List<String> ids = new ArrayList<>();
        String cursor = null;
        while (ids.size() < 995) {
            JsonNode page = get(user, "/mail/folders/" + archive + "/messages?unread=false&top=200"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(m -> ids.add(m.get("id").asText()));
            cursor = page.get("nextCursor").asText();
        }
        List<String> batch = new ArrayList<>(ids.subList(0, 995));
        String foreign = get(BOB, "/mail/folders/inbox/messages?top=1").json().get("items").get(0).get("id").asText();
        batch.add(100, "not-an-id");
        batch.add(200, foreign);
        batch.add(300, "");
        batch.add(400, batch.get(10).substring(0, 20));
        batch.add(500, batch.get(20).replace('A', 'B'));

        ObjectNode request = JSON.createObjectNode().put("action", "markUnread");
        ArrayNode list = request.putArray("ids");
        batch.forEach(list::add);
        Answer answer = post(user, "/mail/messages/batch", request.toString());
        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.json();
        assertThat(results.get("items")).hasSize(1000);
        assertThat(results.get("failed").asInt()).isBetween(4, 5);
        assertThat(results.get("items").get(100).get("status").asInt()).isEqualTo(400);
        assertThat(results.get("items").get(200).get("status").asInt()).as("another user's message").isEqualTo(404);
        for (int i = 0; i < 1000; i++) {
            assertThat(results.get("items").get(i).get("id").asText()).isEqualTo(batch.get(i));
        }
        request.put("action", "markRead");
        assertThat(post(user, "/mail/messages/batch", request.toString()).json().get("succeeded").asInt())
                .isEqualTo(results.get("succeeded").asInt());
    }

    @Test
    void theSameScenarioHasTheSameJsonShapeOnEwsAndGraph() {
        String subject = "Hub shape " + UUID.randomUUID();
        Map<String, JsonNode> summaries = new java.util.HashMap<>();
        Map<String, JsonNode> messages = new java.util.HashMap<>();
        for (String user : List.of(ALICE, CAROL)) {
            assertThat(post(user, "/mail/messages", "{\"subject\": \"" + subject + "\", \"importance\": \"high\","
                    + " \"categories\": [\"Hub\"], \"body\": {\"contentType\": \"html\", \"content\": \"<p>Same</p>\"},"
                    + " \"toRecipients\": [{\"address\": \"" + user + "\"}], \"ccRecipients\": [{\"address\": \"" + BOB + "\"}]}")
                    .status()).isEqualTo(202);
            JsonNode summary = Awaitility.await().until(() -> findBySubject(user, "inbox", subject), found -> found != null);
            summaries.put(user, summary);
            messages.put(user, get(user, "/mail/messages/" + summary.get("id").asText()).json());
        }
        assertThat(shape(summaries.get(ALICE))).isEqualTo(shape(summaries.get(CAROL)));
        assertThat(shape(messages.get(ALICE))).isEqualTo(shape(messages.get(CAROL)));
        for (String field : List.of("subject", "importance", "categories", "isRead", "isDraft", "hasAttachments")) {
            assertThat(messages.get(ALICE).get(field)).as(field).isEqualTo(messages.get(CAROL).get(field));
        }
        assertThat(shape(get(ALICE, "/mail/folders").json().get("items").get(0)))
                .isEqualTo(shape(get(CAROL, "/mail/folders").json().get("items").get(0)));
        for (String user : List.of(ALICE, CAROL)) {
            for (String folder : List.of("inbox", "sentitems")) {
                messagesWith(user, folder, subject).forEach(m -> delete(user, "/mail/messages/" + m.get("id").asText() + "?mode=hard"));
            }
            messagesWith(BOB, "inbox", subject).forEach(m -> delete(BOB, "/mail/messages/" + m.get("id").asText() + "?mode=hard"));
        }
    }

    @Test
    void badInputIsAClearProblemAndChangesNothing() {
        assertThat(get(ALICE, "/mail/folders/inbox/messages?top=0").status()).isEqualTo(400);
        assertThat(get(ALICE, "/mail/folders/inbox/messages?top=201").status()).isEqualTo(400);
        assertThat(get(ALICE, "/mail/folders/inbox/messages?cursor=%21%21").status()).isEqualTo(400);
        assertThat(get(ALICE, "/mail/folders/inbox/messages?since=yesterday").status()).isEqualTo(400);
        assertThat(get(ALICE, "/mail/messages/not-an-id").status()).isEqualTo(400);
        assertThat(get(ALICE, "/mail/folders/inbox/messages?mailbox=" + q(CAROL)).status()).isEqualTo(403);
        String carols = get(CAROL, "/mail/folders/inbox/messages?top=1").json().get("items").get(0).get("id").asText();
        assertThat(get(ALICE, "/mail/messages/" + carols).status()).isEqualTo(404);
        assertThat(patch(ALICE, "/mail/messages/" + carols, "{\"isRead\": true}", Map.of()).status()).isEqualTo(404);

        JsonNode first = get(ALICE, "/mail/folders/inbox/messages?top=1").json().get("items").get(0);
        String id = first.get("id").asText();
        assertThat(patch(ALICE, "/mail/messages/" + id, "{\"isRead\": \"yes\"}", Map.of()).status()).isEqualTo(400);
        assertThat(patch(ALICE, "/mail/messages/" + id, "{\"isRead\": true, \"subject\": \"x\"}", Map.of()).status()).isEqualTo(400);
        assertThat(patch(ALICE, "/mail/messages/" + id, "{}", Map.of()).status()).isEqualTo(400);
        assertThat(post(ALICE, "/mail/messages", "{\"subject\": \"no recipients\"}").status()).isEqualTo(400);
        Answer script = post(ALICE, "/mail/messages", "{\"subject\": \"<script>alert(1)</script>\", \"toRecipients\": [{\"address\": \""
                + BOB + "\"}]}");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/body/subject");
        assertThat(post(ALICE, "/mail/folders", "{\"displayName\": \"<img src=x onerror=alert(1)>\"}").status()).isEqualTo(400);
        assertThat(post(ALICE, "/mail/messages/batch", "{\"action\": \"move\", \"ids\": [\"" + id + "\"]}").status()).isEqualTo(400);
        assertThat(get(ALICE, "/mail/messages/" + id).json().get("isRead").asBoolean()).isEqualTo(first.get("isRead").asBoolean());
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aCallersNotFoundNeverOpensTheBackendsCircuitForEveryone(String user) {
        Answer draft = post(user, "/mail/messages", "{\"draft\": true, \"subject\": \"Hub gone " + UUID.randomUUID() + "\"}");
        String gone = draft.json().get("id").asText();
        assertThat(delete(user, "/mail/messages/" + gone + "?mode=hard").status()).isEqualTo(204);
        // the breaker opens at half of at least 20 calls failing; 30 of the caller's 404s must not count
        for (int i = 0; i < 30; i++) {
            assertThat(get(user, "/mail/messages/" + gone).status()).isEqualTo(404);
        }
        assertThat(get(user, "/mail/folders/inbox/messages?top=1").status()).isEqualTo(200);
    }

    @Test
    void aSharedMailboxIsOpenedWithTheMailboxParameter() {
        Answer shared = get(ALICE, "/mail/folders/inbox/messages?top=3&mailbox=" + q(SALES));
        assertThat(shared.status()).isEqualTo(200);
        String id = shared.json().get("items").get(0).get("id").asText();
        assertThat(get(ALICE, "/mail/messages/" + id + "?mailbox=" + q(SALES)).status()).isEqualTo(200);
        assertThat(get(ALICE, "/mail/messages/" + id).status()).as("the id names the shared mailbox").isEqualTo(404);
        assertThat(get(BOB, "/mail/messages/" + id + "?mailbox=" + q(SALES)).status()).isEqualTo(200);
        JsonNode mailboxes = get(ALICE, "/mailboxes").json().get("items");
        assertThat(mailboxes).extracting(m -> m.get("address").asText() + "=" + m.get("backend").asText() + "/" + m.get("kind").asText())
                .containsExactly(ALICE + "=ews/own", SALES + "=ews/shared");
    }

    private JsonNode findBySubject(String user, String folder, String subject) {
        List<JsonNode> found = messagesWith(user, folder, subject);
        return found.isEmpty() ? null : found.get(0);
    }

    private int count(String user, String folder, String subject) {
        return messagesWith(user, folder, subject).size();
    }

    private List<JsonNode> messagesWith(String user, String folder, String subject) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode message : get(user, "/mail/folders/" + folder + "/messages?top=50").json().get("items")) {
            if (message.get("subject").asText().contains(subject)) {
                found.add(message);
            }
        }
        return found;
    }

    private void deleteSentCopy(String user, String subject) {
        for (JsonNode message : messagesWith(user, "sentitems", subject)) {
            delete(user, "/mail/messages/" + message.get("id").asText() + "?mode=hard");
        }
    }

    /** The field names and JSON types of a document, recursively (array items by their first). */
    static String shape(JsonNode node) {
        if (node.isObject()) {
            StringBuilder shape = new StringBuilder("{");
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = node.get(name);
                shape.append(name).append(':').append(value.isNull() ? "null?" : shape(value)).append(',');
            }
            return shape.append('}').toString();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "[" + shape(node.get(0)) + "]";
        }
        return node.getNodeType().name();
    }

}
