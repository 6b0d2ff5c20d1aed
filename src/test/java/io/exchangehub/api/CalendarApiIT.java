package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calendar endpoints for an EWS mailbox (Alice, or the shared Sales mailbox) and a Graph
 * mailbox (Carol), with the same assertions. The seed anchor (2026-03-02) lies before both 2026
 * daylight-saving changes: North America on 8 March, Europe on 29 March.
 */
class CalendarApiIT extends ItemApiIntegrationTest {

    /** In every subject this class creates, so that a search finds them and nothing else. */
    private static final String TOKEN = "calit" + UUID.randomUUID().toString().substring(0, 8);

    private static final String MARCH = "start=2026-03-02T00:00:00Z&end=2026-04-07T00:00:00Z";

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aWeeklyBerlinMeetingKeepsItsWallClockAcrossDaylightSavingAndShowsNewYorksOffsets(String user) {
        assertThat(reviewStarts(user, "Europe/Berlin")).containsExactly("2026-03-03T10:00:00", "2026-03-10T10:00:00",
                "2026-03-17T10:00:00", "2026-03-24T10:00:00", "2026-03-31T10:00:00");
        // New York moves to summer time on 8 March, Berlin on 29 March: three weeks an hour closer
        assertThat(reviewStarts(user, "America/New_York")).containsExactly("2026-03-03T04:00:00", "2026-03-10T05:00:00",
                "2026-03-17T05:00:00", "2026-03-24T05:00:00", "2026-03-31T04:00:00");
        assertThat(reviewStarts(user, null)).as("UTC by default").containsExactly("2026-03-03T09:00:00", "2026-03-10T09:00:00",
                "2026-03-17T09:00:00", "2026-03-24T09:00:00", "2026-03-31T08:00:00");
    }

    private List<String> reviewStarts(String user, String zone) {
        Answer answer = get(user, "/calendar/events?" + MARCH + (zone == null ? "" : "&tz=" + encode(zone)));
        assertThat(answer.status()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        for (JsonNode event : answer.json().get("items")) {
            if (event.get("subject").asText().equals("Sales pipeline review")) {
                assertThat(event.get("type").asText()).isEqualTo("occurrence");
                assertThat(event.get("start").get("timeZone").asText()).isEqualTo(zone == null ? "UTC" : zone);
                assertThat(event.get("end").get("timeZone").asText()).isEqualTo(zone == null ? "UTC" : zone);
                starts.add(event.get("start").get("dateTime").asText());
            }
        }
        return starts;
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aListIsOrderedByStartAndTaggedSoThatAnUnchangedCalendarAnswers304(String user) {
        Answer answer = get(user, "/calendar/events?" + MARCH + "&tz=Europe/Berlin");
        assertThat(answer.status()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        answer.json().get("items").forEach(event -> starts.add(event.get("start").get("dateTime").asText()));
        assertThat(starts).hasSizeGreaterThan(10).isSorted();
        assertThat(answer.header("ETag")).isNotBlank();
        assertThat(get(user, "/calendar/events?" + MARCH + "&tz=Europe/Berlin", Map.of("If-None-Match", answer.header("ETag")))
                .status()).isEqualTo(304);
        assertThat(get(user, "/calendar/events?" + MARCH + "&tz=Europe/London", Map.of("If-None-Match", answer.header("ETag")))
                .status()).as("another zone, another representation").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void anAllDayEventKeepsItsDatesInEveryZone(String user) {
        JsonNode offsite = only(get(user, "/calendar/events?" + MARCH + "&tz=America/New_York").json(), "Team offsite");
        assertThat(offsite.get("isAllDay").asBoolean()).isTrue();
        assertThat(offsite.get("start").get("dateTime").asText()).isEqualTo("2026-03-23T00:00:00");
        assertThat(offsite.get("end").get("dateTime").asText()).isEqualTo("2026-03-25T00:00:00");

        Answer created = create(user, "", """
                {"subject": "Holiday %s", "isAllDay": true, "showAs": "oof",
                 "start": {"dateTime": "2026-04-10T00:00:00", "timeZone": "Europe/Berlin"},
                 "end": {"dateTime": "2026-04-11T00:00:00", "timeZone": "Europe/Berlin"}}""".formatted(TOKEN));
        String id = created.json().get("id").asText();
        JsonNode inTokyo = get(user, "/calendar/events/" + id + "?tz=Asia/Tokyo").json();
        assertThat(inTokyo.get("isAllDay").asBoolean()).isTrue();
        assertThat(inTokyo.get("start").get("dateTime").asText()).isEqualTo("2026-04-10T00:00:00");
        assertThat(inTokyo.get("end").get("dateTime").asText()).isEqualTo("2026-04-11T00:00:00");
        assertThat(inTokyo.get("start").get("timeZone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(inTokyo.get("showAs").asText()).isEqualTo("oof");
        assertThat(delete(user, "/calendar/events/" + id + "?mode=hard").status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void anAppointmentIsCreatedReadChangedWithItsVersionAndDeleted(String user) {
        purgeAfterwards(user);
        Answer created = create(user, "?tz=Europe/Paris", """
                {"subject": "Call <3 ACME %s", "location": "Room 1 & 2", "categories": ["Customer"],
                 "body": {"contentType": "text", "content": "Agenda: prices"}, "reminderMinutesBeforeStart": 15,
                 "start": {"dateTime": "2026-04-14T09:30:00", "timeZone": "Europe/Paris"},
                 "end": {"dateTime": "2026-04-14T10:15:00", "timeZone": "Europe/Paris"}}""".formatted(TOKEN));
        JsonNode event = created.json();
        String id = event.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/calendar/events/" + id);
        assertThat(created.header("ETag")).isNotBlank();
        assertThat(event.get("subject").asText()).as("text, not markup").isEqualTo("Call <3 ACME " + TOKEN);
        assertThat(event.get("type").asText()).isEqualTo("single");
        assertThat(event.get("start").get("dateTime").asText()).isEqualTo("2026-04-14T09:30:00");
        assertThat(event.get("start").get("timeZone").asText()).isEqualTo("Europe/Paris");

        Answer read = get(user, "/calendar/events/" + id + "?tz=Europe/Paris");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(read.json().get("location").asText()).isEqualTo("Room 1 & 2");
        assertThat(read.json().get("categories")).extracting(JsonNode::asText).containsExactly("Customer");
        assertThat(read.json().get("body").get("content").asText()).contains("Agenda: prices");
        assertThat(read.json().get("reminderMinutesBeforeStart").asInt()).isEqualTo(15);
        assertThat(read.json().get("myResponse").asText()).isIn("organizer", "none");
        assertThat(get(user, "/calendar/events/" + id + "?tz=Europe/Paris", Map.of("If-None-Match", read.header("ETag"))).status())
                .isEqualTo(304);
        Answer inUtc = get(user, "/calendar/events/" + id, Map.of("If-None-Match", read.header("ETag")));
        assertThat(inUtc.status()).as("the tag names the zone too").isEqualTo(200);
        assertThat(inUtc.json().get("start").get("dateTime").asText()).isEqualTo("2026-04-14T07:30:00");

        Answer changed = patch(user, "/calendar/events/" + id + "?tz=Europe/Paris", """
                {"subject": "Call ACME moved %s",
                 "start": {"dateTime": "2026-04-14T11:00:00", "timeZone": "Europe/Paris"},
                 "end": {"dateTime": "2026-04-14T11:30:00", "timeZone": "Europe/Paris"}}""".formatted(TOKEN),
                Map.of("If-Match", read.header("ETag")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(read.header("ETag"));
        assertThat(changed.json().get("start").get("dateTime").asText()).isEqualTo("2026-04-14T11:00:00");

        Answer stale = patch(user, "/calendar/events/" + id, "{\"subject\": \"Lost update\"}", Map.of("If-Match", read.header("ETag")));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asText()).isEqualTo("urn:exchange-hub:problem:precondition-failed");
        assertThat(get(user, "/calendar/events/" + id).json().get("subject").asText()).isEqualTo("Call ACME moved " + TOKEN);

        assertThat(delete(user, "/calendar/events/" + id).status()).isEqualTo(204);
        assertThat(get(user, "/calendar/events/" + id).status()).isEqualTo(404);
        if (!user.equals(CAROL)) {
            assertThat(purgeDeletedItems(user, user, TOKEN)).as("deleted softly, into Deleted Items").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aWeeklySeriesIsExpandedOnItsOwnWallClockAcrossTheAmericanChange(String user) {
        Answer created = create(user, "", """
                {"subject": "Stand-up NY %s",
                 "start": {"dateTime": "2026-03-02T09:00:00", "timeZone": "America/New_York"},
                 "end": {"dateTime": "2026-03-02T09:15:00", "timeZone": "America/New_York"},
                 "recurrence": {"pattern": "weekly", "daysOfWeek": ["monday", "wednesday"], "range": "numbered",
                                "startDate": "2026-03-02", "numberOfOccurrences": 4}}""".formatted(TOKEN));
        String id = created.json().get("id").asText();
        JsonNode master = get(user, "/calendar/events/" + id + "?tz=America/New_York").json();
        assertThat(master.get("type").asText()).isEqualTo("seriesMaster");
        JsonNode recurrence = master.get("recurrence");
        assertThat(recurrence.get("pattern").asText()).isEqualTo("weekly");
        assertThat(recurrence.get("daysOfWeek")).extracting(JsonNode::asText).containsExactlyInAnyOrder("monday", "wednesday");
        assertThat(recurrence.get("range").asText()).isEqualTo("numbered");
        assertThat(recurrence.get("numberOfOccurrences").asInt()).isEqualTo(4);
        assertThat(recurrence.get("recurrenceTimeZone").asText()).isEqualTo("America/New_York");

        assertThat(starts(user, "Stand-up NY " + TOKEN, "UTC")).containsExactly("2026-03-02T14:00:00", "2026-03-04T14:00:00",
                "2026-03-09T13:00:00", "2026-03-11T13:00:00");
        assertThat(delete(user, "/calendar/events/" + id + "?mode=hard").status()).isEqualTo(204);
        assertThat(starts(user, "Stand-up NY " + TOKEN, "UTC")).as("the series went with its master").isEmpty();
    }

    private List<String> starts(String user, String subject, String zone) {
        List<String> starts = new ArrayList<>();
        for (JsonNode event : get(user, "/calendar/events?" + MARCH + "&tz=" + encode(zone)).json().get("items")) {
            if (event.get("subject").asText().equals(subject)) {
                starts.add(event.get("start").get("dateTime").asText());
            }
        }
        return starts;
    }

    static Stream<Arguments> organizerAndAttendee() {
        return Stream.of(Arguments.of(ALICE, BOB), Arguments.of(CAROL, ALICE), Arguments.of(ALICE, CAROL));
    }

    @ParameterizedTest
    @MethodSource("organizerAndAttendee")
    void aMeetingIsAnsweredByItsAttendeeAndCancelledByItsOrganizer(String organizer, String attendee) {
        String subject = "Kick-off " + TOKEN + " " + organizer.charAt(0) + attendee.charAt(0);
        afterwards(() -> deleteMeetingMail(organizer, attendee));
        purgeAfterwards(organizer);
        Answer created = create(organizer, "", """
                {"subject": "%s", "location": "Teams",
                 "start": {"dateTime": "2026-03-26T15:00:00", "timeZone": "Europe/London"},
                 "end": {"dateTime": "2026-03-26T16:00:00", "timeZone": "Europe/London"},
                 "attendees": [{"name": "Guest", "address": "%s"}]}""".formatted(subject, attendee));
        String meetingId = created.json().get("id").asText();

        JsonNode copy = only(get(attendee, "/calendar/events?" + MARCH + "&tz=Europe/London").json(), subject);
        assertThat(copy.get("iCalUid").asText()).isEqualTo(created.json().get("iCalUid").asText());
        assertThat(copy.get("myResponse").asText()).isEqualTo("notResponded");
        assertThat(copy.get("organizer").get("address").asText()).isEqualTo(organizer);
        String copyId = copy.get("id").asText();
        deleteAfterwards(attendee, "/calendar/events/" + copyId);

        Answer maybe = post(attendee, "/calendar/events/" + copyId + "/respond", "{\"response\": \"tentative\", \"sendResponse\": false}");
        assertThat(maybe.status()).as(maybe.body()).isEqualTo(202);
        assertThat(get(attendee, "/calendar/events/" + copyId).json().get("myResponse").asText()).isEqualTo("tentative");
        assertThat(get(organizer, "/mail/folders/inbox/messages?top=50&q=" + TOKEN).json().get("items"))
                .as("an answer not sent").noneMatch(message -> message.get("subject").asText().startsWith("Tentative:"));

        Answer answered = post(attendee, "/calendar/events/" + copyId + "/respond",
                "{\"response\": \"accept\", \"comment\": \"See you there\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        assertThat(get(attendee, "/calendar/events/" + copyId).json().get("myResponse").asText()).isEqualTo("accepted");
        JsonNode meeting = get(organizer, "/calendar/events/" + meetingId).json();
        assertThat(meeting.get("myResponse").asText()).isEqualTo("organizer");
        assertThat(meeting.get("attendees")).singleElement().satisfies(a -> {
            assertThat(a.get("address").asText()).isEqualTo(attendee);
            assertThat(a.get("response").asText()).isEqualTo("accepted");
        });

        Answer moved = patch(organizer, "/calendar/events/" + meetingId, "{\"location\": \"Room 5.01\"}",
                Map.of("If-Match", get(organizer, "/calendar/events/" + meetingId).header("ETag")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(get(attendee, "/calendar/events/" + copyId).json().get("location").asText()).as("the attendee got the update")
                .isEqualTo("Room 5.01");

        assertThat(delete(organizer, "/calendar/events/" + meetingId + "?comment=" + encode("Sorry, moved")).status()).isEqualTo(204);
        assertThat(get(organizer, "/calendar/events/" + meetingId).status()).isEqualTo(404);
        assertThat(mailBody(organizer, "Accepted: " + subject)).contains("See you there");
        assertThat(mailBody(attendee, "Canceled: " + subject)).contains("Sorry, moved");
        JsonNode cancelled = get(attendee, "/calendar/events/" + copyId).json();
        assertThat(cancelled.get("isCancelled").asBoolean()).isTrue();
        assertThat(delete(attendee, "/calendar/events/" + copyId + "?mode=hard").status()).isEqualTo(204);
        assertThat(get(attendee, "/calendar/events/" + copyId).status()).isEqualTo(404);
        if (!organizer.equals(CAROL)) {
            assertThat(purgeDeletedItems(organizer, organizer, TOKEN)).as("the cancelled meeting").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aRespondingOrganizerIsRefusedAndTheMeetingStaysAsItWas(String user) {
        String other = user.equals(ALICE) ? CAROL : ALICE;
        afterwards(() -> deleteMeetingMail(user, other));
        purgeAfterwards(user);
        Answer created = create(user, "", """
                {"subject": "Own meeting %s",
                 "start": {"dateTime": "2026-04-20T10:00:00", "timeZone": "UTC"},
                 "end": {"dateTime": "2026-04-20T10:30:00", "timeZone": "UTC"},
                 "attendees": [{"address": "%s"}]}""".formatted(TOKEN, other));
        String id = created.json().get("id").asText();
        String copy = only(get(other, "/calendar/events?start=2026-04-20T00:00:00Z&end=2026-04-21T00:00:00Z").json(),
                "Own meeting " + TOKEN).get("id").asText();
        deleteAfterwards(other, "/calendar/events/" + copy);
        Answer answered = post(user, "/calendar/events/" + id + "/respond", "{\"response\": \"decline\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(400);
        assertThat(answered.json().get("type").asText()).isEqualTo("urn:exchange-hub:problem:validation");
        assertThat(get(user, "/calendar/events/" + id).header("ETag")).isEqualTo(created.header("ETag"));

        assertThat(delete(user, "/calendar/events/" + id).status()).isEqualTo(204);
        assertThat(delete(other, "/calendar/events/" + copy + "?mode=hard").status()).isEqualTo(204);
    }

    @Test
    void aSharedMailboxsCalendarIsReadAndWrittenWithItsMailboxParameter() {
        String sales = "mailbox=" + encode(SALES);
        assertThat(get(ALICE, "/calendar/events?" + MARCH + "&" + sales).status()).isEqualTo(200);
        Answer created = create(ALICE, "?" + sales, """
                {"subject": "Sales desk %s",
                 "start": {"dateTime": "2026-04-15T09:00:00", "timeZone": "Europe/Berlin"},
                 "end": {"dateTime": "2026-04-15T10:00:00", "timeZone": "Europe/Berlin"}}""".formatted(TOKEN));
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/calendar/events/" + id + "?" + sales);
        assertThat(get(ALICE, created.header("Location").substring("/api/v1".length())).status()).isEqualTo(200);
        assertThat(get(ALICE, "/calendar/events/" + id).status()).as("not in Alice's own mailbox").isEqualTo(404);
        assertThat(delete(ALICE, "/calendar/events/" + id + "?" + sales + "&mode=hard").status()).isEqualTo(204);
        assertThat(get(ALICE, "/calendar/events/" + id + "?" + sales).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aWindowOverAYearBackwardsOrInAnUnknownZoneIsRefused(String user) {
        assertThat(get(user, "/calendar/events?start=2026-01-01T00:00:00Z&end=2027-01-02T00:00:00Z").status())
                .as("366 days").isEqualTo(200);
        assertRefused(get(user, "/calendar/events?start=2026-01-01T00:00:00Z&end=2027-01-02T00:00:01Z"), "/query/end");
        assertRefused(get(user, "/calendar/events?start=2026-03-10T00:00:00Z&end=2026-03-09T00:00:00Z"), "/query/end");
        assertRefused(get(user, "/calendar/events?start=2026-03-10T00:00:00Z&end=2026-03-10T00:00:00Z"), "/query/end");
        assertRefused(get(user, "/calendar/events?" + MARCH + "&tz=Mars/Olympus_Mons"), "/query/tz");
        assertRefused(get(user, "/calendar/events?" + MARCH + "&tz=" + encode("W. Europe Standard Time")), "/query/tz");
        assertThat(get(user, "/calendar/events?end=2026-03-09T00:00:00Z").status()).isEqualTo(400);
        assertThat(get(user, "/calendar/events?start=yesterday&end=2026-03-09T00:00:00Z").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void badEventsAreRefusedAndNothingIsCreated(String user) {
        String bad = "Bad " + TOKEN;
        String times = """
                "start": {"dateTime": "2026-04-21T09:00:00", "timeZone": "Europe/Berlin"},
                "end": {"dateTime": "2026-04-21T10:00:00", "timeZone": "Europe/Berlin"}""";
        assertRefused(post(user, "/calendar/events", "{\"subject\": \"" + bad + "\", \"colour\": \"red\", " + times + "}"), null);
        assertRefused(post(user, "/calendar/events", "{\"subject\": 42, " + times + "}"), null);
        assertRefused(post(user, "/calendar/events", "{\"subject\": \"<script>alert(1)</script>" + bad + "\", " + times + "}"),
                "/body/subject");
        assertRefused(post(user, "/calendar/events", "{\"subject\": \"" + bad + "\", \"location\": \"<b>HQ</b>\", " + times + "}"),
                "/body/location");
        assertRefused(post(user, "/calendar/events", """
                {"subject": "%s", "start": {"dateTime": "2026-04-21T10:00:00", "timeZone": "Europe/Berlin"},
                 "end": {"dateTime": "2026-04-21T09:00:00", "timeZone": "Europe/Berlin"}}""".formatted(bad)), "/body/end");
        assertRefused(post(user, "/calendar/events", """
                {"subject": "%s", "start": {"dateTime": "2026-04-21T09:00:00", "timeZone": "Mars/Olympus_Mons"},
                 "end": {"dateTime": "2026-04-21T10:00:00", "timeZone": "Europe/Berlin"}}""".formatted(bad)), "/body/start/timeZone");
        assertRefused(post(user, "/calendar/events", "{\"subject\": \"" + bad + "\", \"isAllDay\": true, " + times + "}"),
                "/body/start");
        assertRefused(post(user, "/calendar/events", "{\"subject\": \"" + bad + "\", " + times
                + ", \"recurrence\": {\"pattern\": \"weekly\", \"range\": \"noEnd\", \"startDate\": \"2026-04-21\"}}"),
                "/body/recurrence/daysOfWeek");
        assertRefused(post(user, "/calendar/events", "{\"subject\": \"" + bad + "\", " + times
                + ", \"recurrence\": {\"pattern\": \"daily\", \"range\": \"noEnd\", \"startDate\": \"2026-04-22\"}}"),
                "/body/recurrence/startDate");
        assertRefused(post(user, "/calendar/events", "{\"subject\": \"" + bad + "\", " + times
                + ", \"recurrence\": {\"pattern\": \"relativeMonthly\", \"index\": \"third\", \"daysOfWeek\": [\"monday\", \"tuesday\"],"
                + " \"range\": \"noEnd\", \"startDate\": \"2026-04-21\"}}"), "/body/recurrence/daysOfWeek");
        assertRefused(post(user, "/calendar/events", "{\"subject\": \"" + bad + "\", " + times
                + ", \"attendees\": [{\"address\": \"not an address\"}]}"), null);
        Answer tooLarge = post(user, "/calendar/events", "{\"subject\": \"" + bad + "\", " + times
                + ", \"body\": {\"contentType\": \"text\", \"content\": \"" + "a".repeat(4_500_000) + "\"}}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("type").asText()).isEqualTo("urn:exchange-hub:problem:payload-too-large");
        assertThat(starts(user, bad, "UTC")).isEmpty();
        assertThat(get(user, "/calendar/events?start=2026-04-21T00:00:00Z&end=2026-04-22T00:00:00Z").json().get("items"))
                .noneMatch(event -> event.get("subject").asText().contains(bad));
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aBadChangeIsRefusedAndTheEventStaysAsItWas(String user) {
        Answer created = create(user, "", """
                {"subject": "Steady %s", "location": "Desk",
                 "start": {"dateTime": "2026-04-22T09:00:00", "timeZone": "UTC"},
                 "end": {"dateTime": "2026-04-22T10:00:00", "timeZone": "UTC"}}""".formatted(TOKEN));
        String path = "/calendar/events/" + created.json().get("id").asText();
        String version = get(user, path).header("ETag");
        assertRefused(patch(user, path, "{\"start\": {\"dateTime\": \"2026-04-22T11:00:00\", \"timeZone\": \"UTC\"}}", Map.of()),
                "/body/end");
        assertRefused(patch(user, path, "{\"location\": \"<img src=x onerror=alert(1)>\"}", Map.of()), "/body/location");
        assertRefused(patch(user, path, "{\"isAllDay\": true}", Map.of()), "/body/start");
        assertRefused(patch(user, path, "{}", Map.of()), null);
        assertRefused(patch(user, path, "{\"subject\": \"x\", \"id\": \"other\"}", Map.of()), null);
        assertThat(patch(user, path, "{\"subject\": \"x\"}", Map.of("If-Match", "\"not-a-version\"")).status()).isEqualTo(412);
        Answer after = get(user, path);
        assertThat(after.header("ETag")).isEqualTo(version);
        assertThat(after.json().get("location").asText()).isEqualTo("Desk");
        assertThat(delete(user, path + "?mode=hard").status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void idsThatAreMalformedOrOfAnotherMailboxAreRefusedAndChangeNothing(String user) {
        String owner = user.equals(ALICE) ? CAROL : ALICE;
        Answer created = create(owner, "", """
                {"subject": "Private %s",
                 "start": {"dateTime": "2026-04-23T09:00:00", "timeZone": "UTC"},
                 "end": {"dateTime": "2026-04-23T10:00:00", "timeZone": "UTC"}}""".formatted(TOKEN));
        String theirs = created.json().get("id").asText();
        String version = created.header("ETag");

        assertThat(get(user, "/calendar/events/" + theirs).status()).isEqualTo(404);
        assertThat(patch(user, "/calendar/events/" + theirs, "{\"subject\": \"Mine now\"}", Map.of()).status()).isEqualTo(404);
        assertThat(post(user, "/calendar/events/" + theirs + "/respond", "{\"response\": \"decline\"}").status()).isEqualTo(404);
        assertThat(delete(user, "/calendar/events/" + theirs).status()).isEqualTo(404);
        assertThat(get(owner, "/calendar/events/" + theirs).header("ETag")).as("untouched").isEqualTo(version);

        String mistyped = theirs.substring(0, theirs.length() - 2) + (theirs.endsWith("AA") ? "BB" : "AA");
        assertRefused(get(user, "/calendar/events/" + mistyped), null);
        assertRefused(get(user, "/calendar/events/no.such*id"), null);
        assertRefused(delete(user, "/calendar/events/" + mistyped), null);
        assertThat(delete(owner, "/calendar/events/" + theirs + "?mode=hard").status()).isEqualTo(204);
    }


    /** Creates an event ({@code query} is the request's query string, with its {@code ?}), deleted after the test. */
    private Answer create(String user, String query, String json) {
        Answer created = post(user, "/calendar/events" + query, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        deleteAfterwards(user, "/calendar/events/" + created.json().get("id").asText() + query);
        return created;
    }

    /** What the test deletes softly or cancels in an EWS mailbox leaves its Deleted Items after the test. */
    private void purgeAfterwards(String mailbox) {
        if (!mailbox.equals(CAROL)) {
            afterwards(() -> purgeDeletedItems(mailbox, mailbox, TOKEN));
        }
    }

    /** The text of the one message of the Inbox with that subject. */
    private String mailBody(String user, String subject) {
        List<String> ids = new ArrayList<>();
        get(user, "/mail/folders/inbox/messages?top=50&q=" + TOKEN).json().get("items").forEach(message -> {
            if (message.get("subject").asText().equals(subject)) {
                ids.add(message.get("id").asText());
            }
        });
        assertThat(ids).as("messages named %s", subject).hasSize(1);
        return messageText(user, ids.get(0));
    }

    /** The invitations, answers and cancellations the meeting tests sent, out of the Inbox for good. */
    private void deleteMeetingMail(String... users) {
        for (String user : users) {
            for (JsonNode message : get(user, "/mail/folders/inbox/messages?top=50&q=" + TOKEN).json().get("items")) {
                assertThat(delete(user, "/mail/messages/" + message.get("id").asText() + "?mode=hard").status()).isEqualTo(204);
            }
        }
    }

    private static JsonNode only(JsonNode list, String subject) {
        List<JsonNode> found = new ArrayList<>();
        list.get("items").forEach(event -> {
            if (event.get("subject").asText().equals(subject)) {
                found.add(event);
            }
        });
        assertThat(found).as("events named %s", subject).hasSize(1);
        return found.get(0);
    }
}
