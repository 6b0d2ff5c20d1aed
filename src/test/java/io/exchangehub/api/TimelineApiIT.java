package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /contacts/timeline}: a person's mail and meetings from every mailbox the caller opens,
 * for an EWS mailbox (Alice, who also opens the shared Sales mailbox) and a Graph mailbox (Carol).
 * Each test's person is an address no seeded item has, so the timeline holds what the test made.
 */
class TimelineApiIT extends ItemApiIntegrationTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String person = "zed." + tag + "@fabrikam.example";

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void mailWithThePersonAndTheirMeetingsAreMergedNewestFirst(String user) {
        purgeAfterwards(user);
        Instant now = Instant.now();
        String upcoming = meeting(user, "Upcoming " + tag, now.plus(2, ChronoUnit.DAYS));
        String past = meeting(user, "Past " + tag, now.minus(20, ChronoUnit.DAYS));
        Answer sent = post(user, "/mail/messages", """
                {"subject": "Offer %s", "body": {"contentType": "text", "content": "Our offer"},
                 "toRecipients": [{"address": "%s"}]}""".formatted(tag, person));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        Answer copied = post(user, "/mail/messages", """
                {"subject": "Follow-up %s", "toRecipients": [{"address": "%s"}], "ccRecipients": [{"name": "Zed", "address": "%s"}]}"""
                .formatted(tag, user, person.toUpperCase()));
        assertThat(copied.status()).as(copied.body()).isEqualTo(202);
        Answer draft = post(user, "/mail/messages", """
                {"draft": true, "subject": "Unsent %s", "toRecipients": [{"address": "%s"}]}""".formatted(tag, person));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        deleteAfterwards(user, "/mail/messages/" + draft.json().get("id").asText());

        // the invitations the meetings sent are mail with the person too (in Sent Items, as Exchange keeps them)
        JsonNode timeline = Awaitility.await().until(() -> timeline(user, ""),
                t -> subjects(t, "message").contains("Offer " + tag)
                        && subjects(t, "message").stream().filter(("Follow-up " + tag)::equals).count() == 2);
        assertThat(timeline.get("meetings").asBoolean()).isTrue();
        assertThat(timeline.has("incomplete")).isFalse();
        List<JsonNode> items = new ArrayList<>();
        timeline.get("items").forEach(items::add);
        List<Instant> times = items.stream().map(item -> Instant.parse(item.get("at").asText())).toList();
        assertThat(times).as("newest first").isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(items).extracting(item -> item.get("mailbox").asText()).containsOnly(user);
        assertThat(subjects(timeline, "event")).containsExactly("Upcoming " + tag, "Past " + tag);
        assertThat(subjects(timeline, "message")).as("a draft is no mail with anyone yet").doesNotContain("Unsent " + tag)
                .filteredOn(subject -> subject.equals("Follow-up " + tag)).as("sent and received").hasSize(2);
        assertThat(items.get(0).get("event").get("id").asText()).as("the upcoming meeting leads").isEqualTo(upcoming);
        assertThat(items.get(items.size() - 1).get("event").get("id").asText()).isEqualTo(past);
        assertThat(Instant.parse(items.get(0).get("at").asText())).isEqualTo(now.plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        for (JsonNode item : items) {
            assertThat(item.has("message")).isNotEqualTo(item.has("event"));
            if (item.get("kind").asText().equals("message")) {
                String id = item.get("message").get("id").asText();
                assertThat(get(user, "/mail/messages/" + id).status()).as("the id works elsewhere").isEqualTo(200);
                if (!item.get("message").get("subject").asText().contains("Upcoming")) {
                    deleteAfterwards(user, "/mail/messages/" + id);
                }
            }
        }
        assertThat(get(user, "/calendar/events/" + upcoming).status()).isEqualTo(200);

        JsonNode two = timeline(user, "&top=2");
        assertThat(two.get("items")).hasSize(2);
        assertThat(two.get("items").get(0).get("event").get("id").asText()).isEqualTo(upcoming);
        Answer nobody = get(user, "/contacts/timeline?email=" + q("nobody." + tag + "@fabrikam.example"));
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.json().get("items")).isEmpty();
    }

    @Test
    void aSharedMailboxTheCallerOpensIsPartOfTheirTimeline() {
        Answer sent = post(ALICE, "/mail/messages?mailbox=" + q(SALES), """
                {"subject": "Sales quote %s", "toRecipients": [{"address": "%s"}]}""".formatted(tag, person));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);

        JsonNode timeline = Awaitility.await().until(() -> timeline(ALICE, ""), t -> !t.get("items").isEmpty());
        assertThat(timeline.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("mailbox").asText()).isEqualTo(SALES);
            assertThat(item.get("message").get("subject").asText()).isEqualTo("Sales quote " + tag);
            String id = item.get("message").get("id").asText();
            assertThat(get(ALICE, "/mail/messages/" + id + "?mailbox=" + q(SALES)).status()).isEqualTo(200);
            deleteAfterwards(ALICE, "/mail/messages/" + id + "?mailbox=" + q(SALES));
        });
        assertThat(timeline(CAROL, "").get("items")).as("Carol does not open Sales").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void withoutACalendarScopeTheTimelineHoldsMailOnly(String user) {
        purgeAfterwards(user);
        meeting(user, "Scoped " + tag, Instant.now().plus(3, ChronoUnit.DAYS));
        assertThat(post(user, "/mail/messages", """
                {"subject": "Scoped %s", "toRecipients": [{"address": "%s"}]}""".formatted(tag, person)).status()).isEqualTo(202);

        String mailOnly = token(user, sandboxInfo().get("apiAudience").asText() + "/Mail.Read");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/v1/contacts/timeline?email=" + q(person)))
                .header("Authorization", "Bearer " + mailOnly).GET().build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode timeline = readJson(answer.body());
        assertThat(timeline.get("meetings").asBoolean()).isFalse();
        for (JsonNode item : timeline.get("items")) {
            deleteAfterwards(user, "/mail/messages/" + item.get("message").get("id").asText());
        }
        assertThat(subjects(timeline, "event")).isEmpty();
        assertThat(subjects(timeline, "message")).contains("Scoped " + tag);

        String calendarsOnly = token(user, sandboxInfo().get("apiAudience").asText() + "/Calendars.Read");
        HttpResponse<String> refused = send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/v1/contacts/timeline?email=" + q(person)))
                .header("Authorization", "Bearer " + calendarsOnly).GET().build());
        assertThat(refused.statusCode()).as("mail is the timeline's core: Mail.Read is needed").isEqualTo(403);
    }

    @Test
    void aMailboxThatCannotBeReadIsNamedAsIncompleteAndTheRestIsAnswered() {
        assertThat(post(CAROL, "/mail/messages", """
                {"subject": "Partial %s", "toRecipients": [{"address": "%s"}]}""".formatted(tag, person)).status()).isEqualTo(202);
        String sent = Awaitility.await().until(() -> timeline(CAROL, ""), t -> !t.get("items").isEmpty())
                .get("items").get(0).get("message").get("id").asText();
        deleteAfterwards(CAROL, "/mail/messages/" + sent);
        afterwards(this::clearFaults);
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"listCalendarView\",\"fault\":\"HTTP_ERROR\","
                + "\"status\":503,\"remaining\":-1}");

        JsonNode timeline = timeline(CAROL, "");
        assertThat(timeline.get("items")).singleElement()
                .satisfies(item -> assertThat(item.get("message").get("subject").asText()).isEqualTo("Partial " + tag));
        assertThat(timeline.get("incomplete")).singleElement().satisfies(gap -> {
            assertThat(gap.get("mailbox").asText()).isEqualTo(CAROL);
            assertThat(gap.get("problem").get("type").asText()).isEqualTo("urn:exchange-hub:problem:backend-unavailable");
            assertThat(gap.get("problem").get("traceId").asText()).isNotBlank();
            assertThat(gap.toString()).doesNotContain("503 Service").doesNotContain("Exception");
        });

        clearFaults();
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"*\",\"fault\":\"HTTP_ERROR\","
                + "\"status\":503,\"remaining\":-1}");
        Answer none = get(CAROL, "/contacts/timeline?email=" + q(person));
        assertThat(none.status()).as("nothing could be read: the problem is the answer").isEqualTo(503);
        assertThat(none.json().get("type").asText()).isEqualTo("urn:exchange-hub:problem:backend-unavailable");
    }

    @Test
    void badInputIsRefusedBeforeAnyMailboxIsRead() {
        assertRefused(get(ALICE, "/contacts/timeline"), null);
        assertRefused(get(ALICE, "/contacts/timeline?email=" + q("<script>alert(1)</script>")), null);
        assertRefused(get(ALICE, "/contacts/timeline?email=" + q("a@b.example") + "&top=0"), null);
        assertRefused(get(ALICE, "/contacts/timeline?email=" + q("a@b.example") + "&top=201"), null);
        assertRefused(get(ALICE, "/contacts/timeline?email=" + q("a@b.example") + "&unknown=1"), null);
    }

    private JsonNode timeline(String user, String more) {
        Answer answer = get(user, "/contacts/timeline?email=" + q(person) + more);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** A one-hour meeting with the person at {@code start}, cancelled after the test; its id. */
    private String meeting(String user, String subject, Instant start) {
        LocalDateTime at = LocalDateTime.ofInstant(start.truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC);
        Answer created = post(user, "/calendar/events", """
                {"subject": "%s", "start": {"dateTime": "%s", "timeZone": "UTC"}, "end": {"dateTime": "%s", "timeZone": "UTC"},
                 "attendees": [{"name": "Zed", "address": "%s"}]}""".formatted(subject, at, at.plusHours(1), person));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        deleteAfterwards(user, "/calendar/events/" + id);
        return id;
    }

    /** What a test cancels in an EWS mailbox leaves its Deleted Items after the test. */
    private void purgeAfterwards(String mailbox) {
        if (!mailbox.equals(CAROL)) {
            afterwards(() -> purgeDeletedItems(mailbox, mailbox, tag));
        }
    }

    private void fault(String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode() / 100).as(response.body()).isEqualTo(2);
    }

    private void clearFaults() {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults")).DELETE().build());
    }

    private static String q(String value) {
        return encode(value);
    }

    /** The subjects of the timeline's entries of a kind, in its order. */
    private static List<String> subjects(JsonNode timeline, String kind) {
        List<String> subjects = new ArrayList<>();
        for (JsonNode item : timeline.get("items")) {
            if (item.get("kind").asText().equals(kind)) {
                subjects.add(item.get(kind).get("subject").asText());
            }
        }
        return subjects;
    }
}
