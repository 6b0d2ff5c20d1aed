package io.exchangehub.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.exchangehub.api.ApiException;
import io.exchangehub.model.EventDraft;
import io.exchangehub.model.Recurrence;
import io.exchangehub.model.ResponseStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String TIMES = """
            "start": {"dateTime": "2026-03-02T09:00:00", "timeZone": "America/New_York"},
            "end": {"dateTime": "2026-03-02T09:30:00", "timeZone": "America/New_York"}""";

    @Test
    void aWindowRunsForwardForAtMost366Days() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(CalendarRequests.Window.of(start, start.plusSeconds(366 * 86_400L)).end()).isEqualTo("2027-01-02T00:00:00Z");
        assertRefused(() -> CalendarRequests.Window.of(start, start.plusSeconds(366 * 86_400L + 1)), "/query/end");
        assertRefused(() -> CalendarRequests.Window.of(start, start), "/query/end");
        assertRefused(() -> CalendarRequests.Window.of(start, start.minusSeconds(1)), "/query/end");
    }

    @Test
    void onlyIanaRegionsAndUtcAreZones() {
        assertThat(CalendarRequests.zone("Europe/Berlin", "/query/tz").getId()).isEqualTo("Europe/Berlin");
        assertThat(CalendarRequests.zone("UTC", "/query/tz").getId()).isEqualTo("UTC");
        for (String notIana : new String[] {"W. Europe Standard Time", "CET", "+01:00", "GMT+1", "Mars/Olympus_Mons", "", null}) {
            assertRefused(() -> CalendarRequests.zone(notIana, "/query/tz"), "/query/tz");
        }
    }

    @Test
    void anEventGetsItsSeriesZoneFromItsStart() {
        EventDraft draft = event(TIMES + """
                , "recurrence": {"pattern": "weekly", "daysOfWeek": ["monday", "wednesday", "monday"], "range": "numbered",
                                 "startDate": "2026-03-02", "numberOfOccurrences": 4}""").toModel();
        Recurrence recurrence = draft.recurrence();
        assertThat(recurrence.recurrenceTimeZone()).isEqualTo("America/New_York");
        assertThat(recurrence.daysOfWeek()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        assertThat(recurrence.interval()).isEqualTo(1);
        assertThat(draft.start().toInstant()).isEqualTo("2026-03-02T14:00:00Z");
    }

    @Test
    void markupInPlainTextFieldsIsRefused() {
        assertRefused(() -> event("\"subject\": \"<script>alert(1)</script>\", " + TIMES).toModel(), "/body/subject");
        assertRefused(() -> event("\"location\": \"<img src=x>\", " + TIMES).toModel(), "/body/location");
        assertRefused(() -> event(TIMES + ", \"attendees\": [{\"name\": \"</b>Bob\", \"address\": \"bob@example.org\"}]").toModel(),
                "/body/attendees/0/name");
        assertThat(event("\"subject\": \"a < b, <3 & more\", " + TIMES).toModel().subject()).isEqualTo("a < b, <3 & more");
    }

    @Test
    void anAllDayEventRunsFromMidnightToALaterMidnightOfOneZone() {
        String day = """
                "isAllDay": true, "start": {"dateTime": "2026-04-10T00:00:00", "timeZone": "Europe/Berlin"},
                "end": {"dateTime": "%s", "timeZone": "%s"}""";
        assertThat(event(day.formatted("2026-04-11T00:00:00", "Europe/Berlin")).toModel().isAllDay()).isTrue();
        assertRefused(() -> event(day.formatted("2026-04-11T08:00:00", "Europe/Berlin")).toModel(), "/body/start");
        assertRefused(() -> event(day.formatted("2026-04-10T00:00:00", "Europe/Berlin")).toModel(), "/body/end");
        assertRefused(() -> event(day.formatted("2026-04-11T00:00:00", "Europe/London")).toModel(), "/body/end/timeZone");
    }

    @Test
    void aRecurrenceSaysWhatBothBackendsNeedToKeepIt() {
        assertRefused(() -> recurrence("\"pattern\": \"weekly\", \"range\": \"noEnd\", \"startDate\": \"2026-03-02\""),
                "/body/recurrence/daysOfWeek");
        assertRefused(() -> recurrence("\"pattern\": \"relativeMonthly\", \"index\": \"first\", \"daysOfWeek\": [\"monday\", \"friday\"],"
                + " \"range\": \"noEnd\", \"startDate\": \"2026-03-02\""), "/body/recurrence/daysOfWeek");
        assertRefused(() -> recurrence("\"pattern\": \"relativeMonthly\", \"daysOfWeek\": [\"monday\"], \"range\": \"noEnd\","
                + " \"startDate\": \"2026-03-02\""), "/body/recurrence/index");
        assertRefused(() -> recurrence("\"pattern\": \"absoluteMonthly\", \"range\": \"noEnd\", \"startDate\": \"2026-03-02\""),
                "/body/recurrence/dayOfMonth");
        assertRefused(() -> recurrence("\"pattern\": \"absoluteYearly\", \"dayOfMonth\": 2, \"range\": \"noEnd\","
                + " \"startDate\": \"2026-03-02\""), "/body/recurrence/month");
        assertRefused(() -> recurrence("\"pattern\": \"absoluteYearly\", \"dayOfMonth\": 2, \"month\": 3, \"interval\": 2,"
                + " \"range\": \"noEnd\", \"startDate\": \"2026-03-02\""), "/body/recurrence/interval");
        assertRefused(() -> recurrence("\"pattern\": \"daily\", \"range\": \"endDate\", \"startDate\": \"2026-03-02\","
                + " \"endDate\": \"2026-03-01\""), "/body/recurrence/endDate");
        assertRefused(() -> recurrence("\"pattern\": \"daily\", \"range\": \"numbered\", \"startDate\": \"2026-03-02\""),
                "/body/recurrence/numberOfOccurrences");
        assertRefused(() -> recurrence("\"pattern\": \"daily\", \"range\": \"noEnd\", \"startDate\": \"2026-03-03\""),
                "/body/recurrence/startDate");
        assertThat(recurrence("\"pattern\": \"absoluteYearly\", \"dayOfMonth\": 2, \"month\": 3, \"range\": \"noEnd\","
                + " \"startDate\": \"2026-03-02\"").month()).isEqualTo(3);
        // the start date is read in the series' zone: 00:30 on 2 March in Tokyo is still 1 March in New York
        assertRefused(() -> event("""
                "start": {"dateTime": "2026-03-02T00:30:00", "timeZone": "Asia/Tokyo"},
                "end": {"dateTime": "2026-03-02T01:00:00", "timeZone": "Asia/Tokyo"},
                "recurrence": {"pattern": "daily", "range": "noEnd", "startDate": "2026-03-02",
                               "recurrenceTimeZone": "America/New_York"}""").toModel(), "/body/recurrence/startDate");
    }

    @Test
    void aChangeOfTimeGivesBothEndsAndAChangeOfKindOrSeriesGivesTheTimes() {
        assertRefused(() -> event("\"start\": {\"dateTime\": \"2026-03-02T09:00:00\", \"timeZone\": \"UTC\"}").toChanges(), "/body/end");
        assertRefused(() -> event("\"end\": {\"dateTime\": \"2026-03-02T09:00:00\", \"timeZone\": \"UTC\"}").toChanges(), "/body/start");
        assertRefused(() -> event("\"isAllDay\": false").toChanges(), "/body/start");
        assertRefused(() -> event("\"recurrence\": {\"pattern\": \"daily\", \"range\": \"noEnd\", \"startDate\": \"2026-03-02\"}")
                .toChanges(), "/body/start");
        EventDraft changes = event("\"subject\": \"Renamed\"").toChanges();
        assertThat(changes.subject()).isEqualTo("Renamed");
        assertThat(changes.start()).isNull();
        assertThat(changes.attendees()).isNull();
    }

    @Test
    void anAnswerIsAcceptTentativeOrDeclineAndSentUnlessToldOtherwise() throws Exception {
        CalendarRequests.Respond accept = JSON.readValue("{\"response\": \"accept\"}", CalendarRequests.Respond.class);
        assertThat(accept.toModel().response()).isEqualTo(ResponseStatus.ACCEPTED);
        assertThat(accept.toModel().sendResponse()).isTrue();
        CalendarRequests.Respond quiet = JSON.readValue("{\"response\": \"tentative\", \"sendResponse\": false}",
                CalendarRequests.Respond.class);
        assertThat(quiet.toModel().response()).isEqualTo(ResponseStatus.TENTATIVE);
        assertThat(quiet.toModel().sendResponse()).isFalse();
        assertRefused(() -> new CalendarRequests.Respond("maybe", null, null).toModel(), "/body/response");
    }

    private static Recurrence recurrence(String fields) {
        return event(TIMES + ", \"recurrence\": {" + fields + "}").toModel().recurrence();
    }

    private static CalendarRequests.EventInput event(String fields) {
        try {
            return JSON.readValue("{" + fields + "}", CalendarRequests.EventInput.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(fields, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(Runnable request, String pointer) {
        assertThatThrownBy(request::run).isInstanceOfSatisfying(ApiException.class, refused -> {
            List<Map<String, String>> errors = (List<Map<String, String>>) refused.extensions().get("errors");
            assertThat(errors).extracting(error -> error.get("pointer")).containsExactly(pointer);
        });
    }
}
