package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Attendee;
import com.microsoft.graph.models.AttendeeType;
import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Location;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.ResponseType;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.events.item.accept.AcceptPostRequestBody;
import com.microsoft.graph.users.item.events.item.cancel.CancelPostRequestBody;
import com.microsoft.graph.users.item.events.item.decline.DeclinePostRequestBody;
import com.microsoft.graph.users.item.events.item.tentativelyaccept.TentativelyAcceptPostRequestBody;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.MessageKind;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GraphCalendarIT extends GraphIntegrationTest {

    private static final String REVIEW = "Sales pipeline review";

    private List<Event> reviewsAroundTheSpringChange(String zone) {
        return graph(CAROL).me().calendarView().get(r -> {
            r.queryParameters.startDateTime = "2026-03-23T00:00:00Z";
            r.queryParameters.endDateTime = "2026-04-01T00:00:00Z";
            r.queryParameters.top = 200;
            if (zone != null) {
                r.headers.add("Prefer", "outlook.timezone=\"" + zone + "\"");
            }
        }).getValue().stream().filter(e -> e.getSubject().equals(REVIEW)).toList();
    }

    @Test
    void calendarViewKeepsTheWeeklyReviewAtTenBerlinTimeAcrossTheDaylightSavingChange() {
        for (String zone : List.of("Europe/Berlin", "W. Europe Standard Time")) {
            List<Event> reviews = reviewsAroundTheSpringChange(zone);
            assertThat(reviews).as(zone).extracting(e -> e.getStart().getDateTime())
                    .containsExactly("2026-03-24T10:00:00.0000000", "2026-03-31T10:00:00.0000000");
            assertThat(reviews).extracting(e -> e.getStart().getTimeZone()).containsOnly(zone);
            assertThat(reviews).extracting(e -> e.getEnd().getDateTime())
                    .containsExactly("2026-03-24T11:00:00.0000000", "2026-03-31T11:00:00.0000000");
        }
        List<Event> utc = reviewsAroundTheSpringChange(null);
        assertThat(utc).extracting(e -> e.getStart().getDateTime())
                .containsExactly("2026-03-24T09:00:00.0000000", "2026-03-31T08:00:00.0000000");
        assertThat(utc).extracting(e -> e.getStart().getTimeZone()).containsOnly("UTC");
        assertThat(utc).extracting(Event::getType).containsOnly(EventType.Occurrence);
        assertThat(utc).extracting(Event::getSeriesMasterId).doesNotContainNull().containsOnly(utc.get(0).getSeriesMasterId());
        assertThat(utc).extracting(Event::getId).doesNotContain(utc.get(0).getSeriesMasterId());
        assertThat(utc.get(0).getOriginalStartTimeZone()).isEqualTo("W. Europe Standard Time");
        assertThat(utc.get(0).getResponseStatus().getResponse()).isEqualTo(ResponseType.TentativelyAccepted);

        HttpResponse<String> raw = raw("GET", "/me/calendarView?startDateTime=2026-03-23T00:00:00Z&endDateTime=2026-03-25T00:00:00Z",
                tokenOf(CAROL), null, "Prefer", "outlook.timezone=\"Pacific Standard Time\"");
        assertThat(raw.headers().firstValue("Preference-Applied")).hasValue("outlook.timezone=\"Pacific Standard Time\"");
        JsonNode first = readJson(raw.body()).get("value").get(0);
        assertThat(first.at("/start/timeZone").asText()).isEqualTo("Pacific Standard Time");
    }

    @Test
    void calendarViewNeedsItsWindowAndPagesWithNextLinks() {
        JsonNode missing = rawJson("GET", "/me/calendarView", tokenOf(CAROL), null, 400);
        assertThat(missing.at("/error/code").asText()).isEqualTo("ErrorInvalidParameter");
        var first = graph(CAROL).me().calendarView().get(r -> {
            r.queryParameters.startDateTime = ANCHOR + "T00:00:00Z";
            r.queryParameters.endDateTime = "2026-04-30T00:00:00Z";
        });
        assertThat(first.getValue()).hasSize(10);
        assertThat(first.getOdataNextLink()).contains("$skip=10");
        var second = graph(CAROL).me().calendarView().withUrl(first.getOdataNextLink()).get();
        assertThat(second.getValue()).extracting(Event::getId).doesNotContainAnyElementsOf(
                first.getValue().stream().map(Event::getId).toList());
        assertThat(second.getValue().get(0).getStart().getDateTime())
                .isGreaterThanOrEqualTo(first.getValue().get(9).getStart().getDateTime());
    }

    @Test
    void eventsListMastersAndSinglesAndInstancesExpandASeries() {
        GraphServiceClient graph = graph(CAROL);
        List<Event> events = graph.me().events().get(r -> r.queryParameters.top = 200).getValue();
        Event master = events.stream().filter(e -> e.getSubject().equals(REVIEW)).findFirst().orElseThrow();
        assertThat(master.getType()).isEqualTo(EventType.SeriesMaster);
        assertThat(master.getRecurrence().getPattern().getType()).isEqualTo(RecurrencePatternType.Weekly);
        assertThat(master.getRecurrence().getRange().getNumberOfOccurrences()).isEqualTo(52);
        assertThat(events).extracting(Event::getType).doesNotContain(EventType.Occurrence);
        assertThat(graph.me().events().get(r -> r.queryParameters.filter = "subject eq '" + REVIEW + "' and type eq 'seriesMaster'")
                .getValue()).extracting(Event::getId).containsExactly(master.getId());
        assertThat(graph.me().events().get(r -> {
            r.queryParameters.filter = "start/dateTime ge '2026-03-02T00:00:00' and isAllDay eq true";
            r.queryParameters.orderby = new String[] {"start/dateTime"};
        }).getValue()).isNotEmpty().allSatisfy(e -> assertThat(e.getIsAllDay()).isTrue());

        List<Event> instances = graph.me().events().byEventId(master.getId()).instances().get(r -> {
            r.queryParameters.startDateTime = "2026-03-01T00:00:00Z";
            r.queryParameters.endDateTime = "2026-04-01T00:00:00Z";
        }).getValue();
        assertThat(instances).hasSize(5).extracting(Event::getSeriesMasterId).containsOnly(master.getId());
        Event one = graph.me().events().byEventId(instances.get(0).getId()).get();
        assertThat(one.getType()).isEqualTo(EventType.Occurrence);
        assertThat(one.getOriginalStart()).isNotNull();

        List<Calendar> calendars = graph.me().calendars().get().getValue();
        assertThat(calendars).extracting(Calendar::getName).contains("Calendar");
        assertThat(graph.me().calendar().get().getIsDefaultCalendar()).isTrue();
    }

    @Test
    void aMeetingFromCarolIsAcceptedByAliceAndCarolSeesTheAnswer() {
        String subject = "Quarterly planning " + UUID.randomUUID();
        Event meeting = event(subject, "2026-03-18T14:00:00", "2026-03-18T15:00:00", "GMT Standard Time");
        meeting.setAttendees(List.of(attendee(ALICE)));
        Event created = graph(CAROL).me().events().post(meeting);
        assertThat(created.getIsOrganizer()).isTrue();
        assertThat(created.getStart().getDateTime()).isEqualTo("2026-03-18T14:00:00.0000000");

        CalendarEvent aliceCopy = store.read(() -> store.findByUid(mailbox(ALICE), created.getICalUId()));
        assertThat(aliceCopy).isNotNull();
        assertThat(inbox(ALICE)).anyMatch(m -> m.kind == MessageKind.MEETING_REQUEST && m.subject.equals(subject));
        Event asAliceSeesIt = graph(ALICE).me().events().byEventId(aliceCopy.id).get();
        assertThat(asAliceSeesIt.getResponseStatus().getResponse()).isEqualTo(ResponseType.NotResponded);
        assertThat(asAliceSeesIt.getOrganizer().getEmailAddress().getAddress()).isEqualTo(CAROL);

        AcceptPostRequestBody accept = new AcceptPostRequestBody();
        accept.setComment("See you there");
        accept.setSendResponse(true);
        graph(ALICE).me().events().byEventId(aliceCopy.id).accept().post(accept);

        Event seen = graph(CAROL).me().events().byEventId(created.getId()).get();
        assertThat(seen.getAttendees()).singleElement().satisfies(a -> {
            assertThat(a.getEmailAddress().getAddress()).isEqualTo(ALICE);
            assertThat(a.getStatus().getResponse()).isEqualTo(ResponseType.Accepted);
        });
        assertThat(inbox(CAROL)).anyMatch(m -> m.kind == MessageKind.MEETING_ACCEPTED && m.subject.equals("Accepted: " + subject));
        assertThat(graph(ALICE).me().events().byEventId(aliceCopy.id).get().getResponseStatus().getResponse())
                .isEqualTo(ResponseType.Accepted);
    }

    @Test
    void organizersCancelAndAttendeesDecline() {
        Event cancelled = graph(CAROL).me().events().post(withAttendee(event("Cancelled " + UUID.randomUUID(),
                "2026-03-19T09:00:00", "2026-03-19T09:30:00", "Europe/London"), BOB));
        CancelPostRequestBody cancel = new CancelPostRequestBody();
        cancel.setComment("Something came up");
        graph(CAROL).me().events().byEventId(cancelled.getId()).cancel().post(cancel);
        CalendarEvent bobsCopy = store.read(() -> store.findByUid(mailbox(BOB), cancelled.getICalUId()));
        assertThat(bobsCopy.cancelled).isTrue();
        assertThat(graph(BOB).me().events().byEventId(bobsCopy.id).get().getIsCancelled()).isTrue();
        assertThat(inbox(BOB)).anyMatch(m -> m.kind == MessageKind.MEETING_CANCELLATION && m.subject.endsWith(cancelled.getSubject()));
        assertThatThrownBy(() -> graph(CAROL).me().events().byEventId(cancelled.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));

        Event declined = graph(CAROL).me().events().post(withAttendee(event("Declined " + UUID.randomUUID(),
                "2026-03-20T09:00:00", "2026-03-20T09:30:00", "Europe/London"), BOB));
        String bobsId = store.read(() -> store.findByUid(mailbox(BOB), declined.getICalUId()).id);
        assertThatThrownBy(() -> graph(CAROL).me().events().byEventId(declined.getId()).accept().post(new AcceptPostRequestBody()))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
        TentativelyAcceptPostRequestBody maybe = new TentativelyAcceptPostRequestBody();
        maybe.setSendResponse(false);
        graph(BOB).me().events().byEventId(bobsId).tentativelyAccept().post(maybe);
        assertThat(graph(CAROL).me().events().byEventId(declined.getId()).get().getAttendees().get(0).getStatus().getResponse())
                .isEqualTo(ResponseType.TentativelyAccepted);
        DeclinePostRequestBody decline = new DeclinePostRequestBody();
        decline.setComment("Sorry");
        graph(BOB).me().events().byEventId(bobsId).decline().post(decline);
        assertThat(graph(CAROL).me().events().byEventId(declined.getId()).get().getAttendees().get(0).getStatus().getResponse())
                .isEqualTo(ResponseType.Declined);
        assertThat(store.read(() -> store.findByUid(mailbox(BOB), declined.getICalUId()))).as("no longer in the calendar").isNull();
        assertThat(store.read(() -> store.wellKnown(mailbox(BOB), WellKnownFolder.DELETED_ITEMS).items().stream()
                .anyMatch(i -> i instanceof CalendarEvent e && e.uid.equals(declined.getICalUId())))).isTrue();
    }

    @Test
    void seriesAndAllDayEventsAreCreatedChangedAndDeleted() {
        GraphServiceClient graph = graph(CAROL);
        Event weekly = event("Weekly sync " + UUID.randomUUID(), "2026-03-03T09:00:00", "2026-03-03T09:30:00",
                "Eastern Standard Time");
        weekly.setRecurrence(weekly(LocalDate.parse("2026-03-03"), 5));
        Event series = graph.me().events().post(weekly);
        assertThat(series.getType()).isEqualTo(EventType.SeriesMaster);
        assertThat(series.getOriginalStartTimeZone()).isEqualTo("Eastern Standard Time");
        List<Event> instances = instances(series.getId());
        assertThat(instances).hasSize(5);
        assertThat(instances).extracting(e -> e.getStart().getDateTime()).contains("2026-03-03T14:00:00.0000000",
                "2026-03-10T13:00:00.0000000");

        Event moved = new Event();
        moved.setSubject("Moved sync");
        Event exception = graph.me().events().byEventId(instances.get(1).getId()).patch(moved);
        assertThat(exception.getType()).isEqualTo(EventType.Exception);
        assertThat(exception.getSubject()).isEqualTo("Moved sync");
        graph.me().events().byEventId(instances.get(2).getId()).delete();
        assertThat(instances(series.getId())).hasSize(4).extracting(Event::getSubject).contains("Moved sync");

        Event onlySeries = new Event();
        onlySeries.setIsAllDay(true);
        assertThatThrownBy(() -> graph.me().events().byEventId(instances.get(0).getId()).patch(onlySeries))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
        Event renamed = new Event();
        renamed.setSubject("Weekly sync renamed");
        assertThat(graph.me().events().byEventId(series.getId()).patch(renamed).getSubject()).isEqualTo("Weekly sync renamed");
        graph.me().events().byEventId(series.getId()).delete();
        assertThatThrownBy(() -> instances(series.getId())).isInstanceOf(ODataError.class);

        FileAttachment agenda = new FileAttachment();
        agenda.setName("agenda.txt");
        agenda.setContentBytes("1. Numbers".getBytes(StandardCharsets.UTF_8));
        Event single = graph.me().events().post(event("With agenda " + UUID.randomUUID(), "2026-04-01T09:00:00",
                "2026-04-01T10:00:00", "UTC"));
        graph.me().events().byEventId(single.getId()).attachments().post(agenda);
        assertThat(graph.me().events().byEventId(single.getId()).attachments().get().getValue())
                .extracting(com.microsoft.graph.models.Attachment::getName).containsExactly("agenda.txt");
        assertThat(graph.me().events().byEventId(single.getId()).get().getHasAttachments()).isTrue();

        Event holiday = event("Holiday " + UUID.randomUUID(), "2026-04-06T00:00:00", "2026-04-07T00:00:00", "Europe/London");
        holiday.setIsAllDay(true);
        Event allDay = graph.me().events().post(holiday);
        assertThat(allDay.getIsAllDay()).isTrue();
        Event inTokyo = graph.me().events().byEventId(allDay.getId()).get(r ->
                r.headers.add("Prefer", "outlook.timezone=\"Asia/Tokyo\""));
        assertThat(inTokyo.getStart().getDateTime()).as("all-day events keep their date").isEqualTo("2026-04-06T00:00:00.0000000");
        Event badDay = event("Bad day", "2026-04-06T10:00:00", "2026-04-07T00:00:00", "Europe/London");
        badDay.setIsAllDay(true);
        assertThatThrownBy(() -> graph.me().events().post(badDay)).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getError().getCode()).isEqualTo("ErrorPropertyValidationFailure"));
    }

    @Test
    void permanentDeleteRemovesAnEventOrOneOccurrenceForGood() {
        GraphServiceClient graph = graph(CAROL);
        Event weekly = event("Purged sync " + UUID.randomUUID(), "2026-03-03T09:00:00", "2026-03-03T09:30:00", "UTC");
        weekly.setRecurrence(weekly(LocalDate.parse("2026-03-03"), 3));
        Event series = graph.me().events().post(weekly);
        List<Event> instances = instances(series.getId());
        graph.me().events().byEventId(instances.get(1).getId()).permanentDelete().post();
        assertThat(instances(series.getId())).hasSize(2);
        graph.me().events().byEventId(series.getId()).permanentDelete().post();
        assertThatThrownBy(() -> graph.me().events().byEventId(series.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));
        assertThat(store.read(() -> mailbox(CAROL).folderByPath("Deleted Items").items()).stream()
                .noneMatch(item -> item.id.equals(series.getId()))).isTrue();
    }

    private List<Event> instances(String seriesId) {
        return graph(CAROL).me().events().byEventId(seriesId).instances().get(r -> {
            r.queryParameters.startDateTime = "2026-03-01T00:00:00Z";
            r.queryParameters.endDateTime = "2026-05-01T00:00:00Z";
        }).getValue();
    }

    private static PatternedRecurrence weekly(LocalDate start, int count) {
        return numbered(RecurrencePatternType.Weekly, List.of(com.microsoft.graph.models.DayOfWeek.Tuesday), start, count);
    }

    /** A series of {@code count} occurrences from {@code start}, every day or every week on the given days. */
    static PatternedRecurrence numbered(RecurrencePatternType type, List<com.microsoft.graph.models.DayOfWeek> days,
            LocalDate start, int count) {
        RecurrencePattern pattern = new RecurrencePattern();
        pattern.setType(type);
        pattern.setInterval(1);
        if (!days.isEmpty()) {
            pattern.setDaysOfWeek(days);
        }
        RecurrenceRange range = new RecurrenceRange();
        range.setType(RecurrenceRangeType.Numbered);
        range.setStartDate(start);
        range.setNumberOfOccurrences(count);
        PatternedRecurrence recurrence = new PatternedRecurrence();
        recurrence.setPattern(pattern);
        recurrence.setRange(range);
        return recurrence;
    }

    static Event event(String subject, String start, String end, String zone) {
        Event event = new Event();
        event.setSubject(subject);
        ItemBody body = new ItemBody();
        body.setContent("Agenda to follow.");
        event.setBody(body);
        event.setStart(time(start, zone));
        event.setEnd(time(end, zone));
        Location location = new Location();
        location.setDisplayName("Room 1");
        event.setLocation(location);
        return event;
    }

    private static DateTimeTimeZone time(String dateTime, String zone) {
        DateTimeTimeZone time = new DateTimeTimeZone();
        time.setDateTime(dateTime);
        time.setTimeZone(zone);
        return time;
    }

    private static Event withAttendee(Event event, String address) {
        event.setAttendees(List.of(attendee(address)));
        return event;
    }

    private static Attendee attendee(String address) {
        Attendee attendee = new Attendee();
        attendee.setEmailAddress(GraphMessageIT.recipient(address).getEmailAddress());
        attendee.setType(AttendeeType.Required);
        return attendee;
    }

    private List<Message> inbox(String address) {
        return store.read(() -> store.wellKnown(mailbox(address), WellKnownFolder.INBOX).items().stream()
                .filter(i -> i instanceof Message).map((Item i) -> (Message) i).toList());
    }
}
