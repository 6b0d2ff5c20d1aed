package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contact endpoints for an EWS mailbox (Alice) and a Graph mailbox (Carol), with the same assertions. */
class ContactApiIT extends ItemApiIntegrationTest {

    /** A surname no seeded contact has: a search for it finds what a test made, and nothing else. */
    private static final String NAME = "Qz" + new java.util.Random().ints(6, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void theContactsFolderIsPagedToItsEndWithoutDuplicateOrGap(String user) {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        Integer total = null;
        int pages = 0;
        do {
            Answer page = get(user, "/contacts?top=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            total = page.json().get("totalCount").asInt();
            for (JsonNode contact : page.json().get("items")) {
                assertThat(ids.add(contact.get("id").asText())).as("no duplicate").isTrue();
                assertThat(contact.get("displayName").asText()).isNotBlank();
            }
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(total).isGreaterThanOrEqualTo(500);
        assertThat(ids).hasSize(total);
        assertThat(pages).isEqualTo((total + 199) / 200);

        Answer first = get(user, "/contacts?top=5");
        assertThat(first.json().get("items")).hasSize(5);
        assertThat(get(user, "/contacts?top=5", Map.of("If-None-Match", first.header("ETag"))).status()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aContactIsCreatedReadChangedWithItsVersionAndDeleted(String user) {
        if (user.equals(ALICE)) {
            afterwards(() -> purgeDeletedItems(ALICE, ALICE, NAME));
        }
        Answer created = create(user, """
                {"displayName": "Ada %1$s", "givenName": "Ada", "surname": "%1$s", "companyName": "Fabrikam & Sons",
                 "jobTitle": "Buyer", "emailAddresses": [{"name": "Ada %1$s", "address": "ada.%1$s@fabrikam.example"},
                                    {"address": "ada@home.example"}],
                 "phones": [{"kind": "business", "number": "+49 30 1234"}, {"kind": "mobile", "number": "+49 170 555"}],
                 "addresses": [{"kind": "business", "street": "Hauptstr. 1", "city": "Berlin", "postalCode": "10115",
                                "countryOrRegion": "Germany"}],
                 "birthday": "1985-06-30", "notes": "Met at <Hannover> fair", "categories": ["Customer"]}""".formatted(NAME));
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/contacts/" + id);
        assertThat(created.header("ETag")).isNotBlank();

        Answer read = get(user, "/contacts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
        JsonNode contact = read.json();
        assertThat(contact.get("displayName").asText()).isEqualTo("Ada " + NAME);
        assertThat(contact.get("companyName").asText()).isEqualTo("Fabrikam & Sons");
        assertThat(contact.get("emailAddresses")).extracting(e -> e.get("address").asText())
                .containsExactly("ada." + NAME + "@fabrikam.example", "ada@home.example");
        assertThat(contact.get("phones")).extracting(p -> p.get("kind").asText() + " " + p.get("number").asText())
                .containsExactlyInAnyOrder("business +49 30 1234", "mobile +49 170 555");
        assertThat(contact.get("addresses")).singleElement().satisfies(a -> {
            assertThat(a.get("city").asText()).isEqualTo("Berlin");
            assertThat(a.get("postalCode").asText()).isEqualTo("10115");
        });
        assertThat(contact.get("birthday").asText()).isEqualTo("1985-06-30");
        assertThat(contact.get("notes").asText()).isEqualTo("Met at <Hannover> fair");
        assertThat(get(user, "/contacts/" + id, Map.of("If-None-Match", read.header("ETag"))).status()).isEqualTo(304);

        Answer changed = patch(user, "/contacts/" + id, """
                {"jobTitle": "Head of purchasing", "phones": [{"kind": "mobile", "number": "+49 171 999"}],
                 "emailAddresses": [{"address": "ada.new@fabrikam.example"}]}""",
                Map.of("If-Match", read.header("ETag")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(read.header("ETag"));
        assertThat(changed.json().get("jobTitle").asText()).isEqualTo("Head of purchasing");
        assertThat(changed.json().get("companyName").asText()).as("left out, kept").isEqualTo("Fabrikam & Sons");
        assertThat(changed.json().get("phones")).extracting(p -> p.get("kind").asText() + " " + p.get("number").asText())
                .as("the mobile replaced, the business number kept")
                .containsExactlyInAnyOrder("business +49 30 1234", "mobile +49 171 999");
        assertThat(changed.json().get("emailAddresses")).extracting(e -> e.get("address").asText())
                .as("the first address replaced, the second kept").containsExactly("ada.new@fabrikam.example", "ada@home.example");

        Answer stale = patch(user, "/contacts/" + id, "{\"jobTitle\": \"Lost update\"}", Map.of("If-Match", read.header("ETag")));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asText()).isEqualTo("urn:exchange-hub:problem:precondition-failed");
        assertThat(get(user, "/contacts/" + id).json().get("jobTitle").asText()).isEqualTo("Head of purchasing");

        assertThat(delete(user, "/contacts/" + id).status()).isEqualTo(204);
        assertThat(get(user, "/contacts/" + id).status()).isEqualTo(404);
        if (user.equals(ALICE)) {
            assertThat(purgeDeletedItems(ALICE, ALICE, NAME)).as("deleted softly, into Deleted Items").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aSearchFindsContactsByNameInOnePageAndTakesItsTextLiterally(String user) {
        List<String> made = new ArrayList<>();
        for (String given : List.of("Bea", "Cem")) {
            Answer created = create(user, """
                    {"displayName": "%1$s %2$s", "givenName": "%1$s", "surname": "%2$s",
                     "emailAddresses": [{"address": "%1$s.%2$s@example.org"}]}""".formatted(given, NAME));
            made.add(created.json().get("id").asText());
        }
        Answer found = get(user, "/contacts?q=" + NAME);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("items")).extracting(c -> c.get("id").asText()).containsExactlyInAnyOrderElementsOf(made);
        assertThat(found.json().get("nextCursor").isNull()).as("a search has one page").isTrue();
        assertThat(get(user, "/contacts?q=" + NAME + "&top=1").json().get("items")).hasSize(1);

        for (String injection : List.of(NAME + "' or startswith(displayName,'A", NAME + " OR *", "\"" + NAME + "\" OR a*",
                NAME + ")(displayName=*")) {
            Answer answer = get(user, "/contacts?q=" + encode(injection));
            assertThat(answer.status()).as(injection).isEqualTo(200);
            assertThat(answer.json().get("items")).as(injection).allSatisfy(c -> assertThat(c.get("surname").asText()).isEqualTo(NAME));
        }
        assertRefused(get(user, "/contacts?q=" + NAME + "&cursor=abc"), "/query/cursor");

        for (String id : made) {
            assertThat(delete(user, "/contacts/" + id + "?mode=hard").status()).isEqualTo(204);
        }
        assertThat(get(user, "/contacts?q=" + NAME).json().get("items")).isEmpty();
    }

    @Test
    void aSharedMailboxsContactsAreReadAndWrittenWithItsMailboxParameter() {
        String sales = "mailbox=" + encode(SALES);
        Answer page = get(ALICE, "/contacts?top=3&" + sales);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(3);
        Answer created = post(ALICE, "/contacts?" + sales, "{\"displayName\": \"Desk " + NAME + "\", \"surname\": \"" + NAME + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        deleteAfterwards(ALICE, "/contacts/" + id + "?" + sales);
        assertThat(created.header("Location")).isEqualTo("/api/v1/contacts/" + id + "?" + sales);
        assertThat(get(ALICE, created.header("Location").substring("/api/v1".length())).status()).isEqualTo(200);
        assertThat(get(ALICE, "/contacts/" + id).status()).as("not in Alice's own mailbox").isEqualTo(404);
        assertThat(delete(ALICE, "/contacts/" + id + "?" + sales + "&mode=hard").status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void badContactsAreRefusedAndNothingIsCreated(String user) {
        String bad = "Bad" + NAME;
        assertRefused(post(user, "/contacts", "{\"displayName\": \"" + bad + "\", \"nickname\": \"typo\"}"), null);
        assertRefused(post(user, "/contacts", "{\"displayName\": \"" + bad + "\", \"birthday\": \"yesterday\"}"), null);
        assertRefused(post(user, "/contacts", "{}"), null);
        assertRefused(post(user, "/contacts", "{\"displayName\": \"<script>alert(1)</script>\", \"surname\": \"" + bad + "\"}"),
                "/body/displayName");
        assertRefused(post(user, "/contacts", "{\"surname\": \"" + bad + "\", \"companyName\": \"<a href=x>ACME</a>\"}"),
                "/body/companyName");
        assertRefused(post(user, "/contacts", "{\"surname\": \"" + bad + "\", \"phones\": [{\"kind\": \"mobile\", \"number\": \"1\"},"
                + " {\"kind\": \"mobile\", \"number\": \"2\"}]}"), "/body/phones/1/kind");
        assertRefused(post(user, "/contacts", "{\"surname\": \"" + bad + "\", \"addresses\": [{\"kind\": \"home\", \"city\": \"A\"},"
                + " {\"kind\": \"home\", \"city\": \"B\"}]}"), "/body/addresses/1/kind");
        assertRefused(post(user, "/contacts", "{\"surname\": \"" + bad + "\", \"emailAddresses\": [{\"address\": \"nobody\"}]}"), null);
        assertRefused(get(user, "/contacts?top=0"), null);
        assertRefused(get(user, "/contacts?top=201"), null);
        assertThat(get(user, "/contacts?q=" + bad).json().get("items")).isEmpty();
    }

    @Test
    void anExchangeOnlineContactHasNoFaxOrOtherNumberSoOneIsRefusedRatherThanDropped() {
        assertRefused(post(CAROL, "/contacts", "{\"surname\": \"Fax" + NAME + "\", \"phones\": [{\"kind\": \"businessFax\","
                + " \"number\": \"+44 20 7946 0000\"}]}"), "/body/phones/0/kind");
        assertThat(get(CAROL, "/contacts?q=Fax" + NAME).json().get("items")).isEmpty();
        Answer onPremises = create(ALICE, "{\"surname\": \"Fax" + NAME + "\", \"phones\": [{\"kind\": \"businessFax\","
                + " \"number\": \"+49 30 9999\"}, {\"kind\": \"other\", \"number\": \"+49 30 8888\"}]}");
        assertThat(onPremises.json().get("phones")).extracting(p -> p.get("kind").asText())
                .containsExactlyInAnyOrder("businessFax", "other");
        assertThat(delete(ALICE, "/contacts/" + onPremises.json().get("id").asText() + "?mode=hard").status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void idsThatAreMalformedOrOfAnotherMailboxAreRefusedAndChangeNothing(String user) {
        String owner = user.equals(ALICE) ? CAROL : ALICE;
        Answer created = create(owner, "{\"displayName\": \"Theirs " + NAME + "\", \"surname\": \"" + NAME + "\"}");
        String theirs = created.json().get("id").asText();

        assertThat(get(user, "/contacts/" + theirs).status()).isEqualTo(404);
        assertThat(patch(user, "/contacts/" + theirs, "{\"jobTitle\": \"Mine now\"}", Map.of()).status()).isEqualTo(404);
        assertThat(delete(user, "/contacts/" + theirs).status()).isEqualTo(404);
        assertThat(get(owner, "/contacts/" + theirs).header("ETag")).as("untouched").isEqualTo(created.header("ETag"));

        String mistyped = theirs.substring(0, theirs.length() - 2) + (theirs.endsWith("AA") ? "BB" : "AA");
        assertRefused(get(user, "/contacts/" + mistyped), null);
        assertRefused(patch(user, "/contacts/" + mistyped, "{\"jobTitle\": \"x\"}", Map.of()), null);
        assertRefused(get(user, "/contacts/not~an~id"), null);
        assertThat(delete(owner, "/contacts/" + theirs + "?mode=hard").status()).isEqualTo(204);
    }

    /** Creates a contact, deleted after the test. */
    private Answer create(String user, String json) {
        Answer created = post(user, "/contacts", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        deleteAfterwards(user, "/contacts/" + created.json().get("id").asText());
        return created;
    }
}
