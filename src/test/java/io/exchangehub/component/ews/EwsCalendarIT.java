package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.exchangehub.model.Attendee;
import io.exchangehub.model.Body;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.DateTimeZone;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.EventDraft;
import io.exchangehub.model.EventResponse;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Recipient;
import io.exchangehub.model.Recurrence;
import io.exchangehub.model.ResponseStatus;
import io.exchangehub.model.ShowAs;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class EwsCalendarIT extends EwsComponentTestSupport {

    private static final Instant WINDOW_START = Instant.parse("2026-03-16T00:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-04-12T00:00:00Z");
    private static final String ROOM = "room-4.12@contoso.example";
    private static final String DANA = "dana@fabrikam.example";

    @SuppressWarnings("unchecked")
    private List<CalendarEvent> view(String user, Instant start, Instant end, String zone) {
        return body(user, EwsOperation.listEvents, null, Map.of(EwsConstants.START, start, EwsConstants.END, end,
                EwsConstants.TIME_ZONE, zone), List.class);
    }

    /**
     * A weekly 10:00 Berlin series across the change to summer time (29 March 2026): every
     * occurrence stays at 10:00 on Berlin's clock, so in UTC it moves from 09:00 to 08:00, and in
     * New York (which changed three weeks earlier) it is 05:00, then 04:00.
     */
    @Test
    void aWeeklySeriesKeepsItsWallClockTimeAcrossTheDaylightSavingChange() {
        String subject = "DST series " + UUID.randomUUID();
        EventDraft draft = new EventDraft(subject, new Body(Body.ContentType.TEXT, "Weekly"),
                new DateTimeZone(LocalDateTime.of(2026, 3, 17, 10, 0), "Europe/Berlin"),
                new DateTimeZone(LocalDateTime.of(2026, 3, 17, 10, 30), "Europe/Berlin"), false, "Room 4", null,
                new Recurrence(Recurrence.Pattern.WEEKLY, 1, List.of(DayOfWeek.TUESDAY), 0, 0, null, DayOfWeek.MONDAY,
                        Recurrence.RangeType.NUMBERED, LocalDate.of(2026, 3, 17), null, 4, "Europe/Berlin"),
                ShowAs.BUSY, null, null, List.of("Team"), 15, null);
        CalendarEvent master = body(ALICE, EwsOperation.createEvent, draft, Map.of(EwsConstants.TIME_ZONE, "Europe/Berlin"),
                CalendarEvent.class);
        try {
            assertThat(master.type()).isEqualTo(CalendarEvent.Type.SERIES_MASTER);
            assertThat(master.recurrence().pattern()).isEqualTo(Recurrence.Pattern.WEEKLY);
            assertThat(master.recurrence().numberOfOccurrences()).isEqualTo(4);
            assertThat(master.recurrence().daysOfWeek()).containsExactly(DayOfWeek.TUESDAY);
            assertThat(master.reminderMinutesBeforeStart()).isEqualTo(15);

            List<CalendarEvent> berlin = mine(view(ALICE, WINDOW_START, WINDOW_END, "Europe/Berlin"), subject);
            assertThat(berlin).hasSize(4).allMatch(e -> e.type() == CalendarEvent.Type.OCCURRENCE);
            assertThat(berlin).extracting(e -> e.start().dateTime().toLocalTime()).containsOnly(LocalTime.of(10, 0));
            assertThat(berlin).extracting(e -> e.start().timeZone()).containsOnly("Europe/Berlin");

            List<CalendarEvent> utc = mine(view(ALICE, WINDOW_START, WINDOW_END, "UTC"), subject);
            assertThat(utc).extracting(e -> e.start().dateTime()).containsExactly(LocalDateTime.of(2026, 3, 17, 9, 0),
                    LocalDateTime.of(2026, 3, 24, 9, 0), LocalDateTime.of(2026, 3, 31, 8, 0), LocalDateTime.of(2026, 4, 7, 8, 0));

            List<CalendarEvent> newYork = mine(view(ALICE, WINDOW_START, WINDOW_END, "America/New_York"), subject);
            assertThat(newYork).extracting(e -> e.start().dateTime().toLocalTime()).containsExactly(LocalTime.of(5, 0),
                    LocalTime.of(5, 0), LocalTime.of(4, 0), LocalTime.of(4, 0));
        } finally {
            call(ALICE, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, master.id(), EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
        }
    }

    /**
     * Occurrences and exceptions name their series master and the online stand-up carries its join
     * URL, for one GetItem more than the CalendarView, as a page of plain single events costs too
     * (for their attendees and previews); with {@code listDetails=false} a page is the CalendarView
     * alone, without masters, join URLs, attendees or previews.
     */
    @Test
    void listEventsNamesTheSeriesMasterAndTheJoinUrlWithOneMoreCallPerPage() {
        long before = roundTrips();
        List<CalendarEvent> week = view(ALICE, Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-07T00:00:00Z"), "UTC");
        assertThat(roundTrips() - before).as("round trips of a week with a series").isEqualTo(2);
        List<CalendarEvent> standUps = week.stream().filter(e -> e.subject().startsWith("Team stand-up")).toList();
        assertThat(standUps).extracting(CalendarEvent::type).containsExactly(CalendarEvent.Type.OCCURRENCE,
                CalendarEvent.Type.EXCEPTION);
        assertThat(standUps).allSatisfy(e -> {
            assertThat(e.isOnlineMeeting()).isTrue();
            assertThat(e.onlineMeetingUrl()).startsWith("https://teams.example/l/meetup-join/standup-");
        });
        String masterId = standUps.get(0).seriesMasterId();
        assertThat(masterId).isNotBlank().isNotEqualTo(standUps.get(0).id());
        assertThat(standUps.get(1).seriesMasterId()).isEqualTo(masterId);
        assertThat(week).filteredOn(e -> e.type() == CalendarEvent.Type.OCCURRENCE || e.type() == CalendarEvent.Type.EXCEPTION)
                .allMatch(e -> e.seriesMasterId() != null);
        assertThat(week).filteredOn(e -> e.type() == CalendarEvent.Type.SINGLE)
                .isNotEmpty().allMatch(e -> e.seriesMasterId() == null && e.onlineMeetingUrl() == null);

        CalendarEvent master = body(ALICE, EwsOperation.getEvent, null, Map.of(EwsConstants.ITEM_ID, masterId), CalendarEvent.class);
        assertThat(master.type()).isEqualTo(CalendarEvent.Type.SERIES_MASTER);
        assertThat(master.subject()).isEqualTo("Team stand-up");
        assertThat(master.seriesMasterId()).isNull();
        assertThat(master.onlineMeetingUrl()).isEqualTo(standUps.get(0).onlineMeetingUrl());
        CalendarEvent occurrence = body(ALICE, EwsOperation.getEvent, null, Map.of(EwsConstants.ITEM_ID, standUps.get(0).id()),
                CalendarEvent.class);
        assertThat(occurrence.seriesMasterId()).isEqualTo(masterId);
        assertThat(occurrence.onlineMeetingUrl()).isEqualTo(master.onlineMeetingUrl());

        String subject = "Single " + UUID.randomUUID();
        CalendarEvent single = body(ALICE, EwsOperation.createEvent, new EventDraft(subject, null,
                new DateTimeZone(LocalDateTime.of(2026, 12, 12, 10, 0), "UTC"), new DateTimeZone(LocalDateTime.of(2026, 12, 12, 11, 0),
                        "UTC"), false, null, null, null, null, null, null, null, null, null), Map.of(), CalendarEvent.class);
        try {
            before = roundTrips();
            List<CalendarEvent> singles = view(ALICE, Instant.parse("2026-12-12T00:00:00Z"), Instant.parse("2026-12-13T00:00:00Z"),
                    "UTC");
            assertThat(singles).extracting(CalendarEvent::id).contains(single.id());
            assertThat(singles).allMatch(e -> e.type() == CalendarEvent.Type.SINGLE && !e.isOnlineMeeting());
            assertThat(roundTrips() - before).as("round trips of a page of single events").isEqualTo(2);

            before = roundTrips();
            @SuppressWarnings("unchecked")
            List<CalendarEvent> bare = call(ALICE, ALICE, "ews:calendar?listDetails=false", EwsOperation.listEvents, null,
                    Map.of(EwsConstants.START, Instant.parse("2026-03-02T00:00:00Z"), EwsConstants.END,
                            Instant.parse("2026-03-07T00:00:00Z"), EwsConstants.TIME_ZONE, "UTC")).getMessage().getBody(List.class);
            assertThat(roundTrips() - before).as("round trips without details").isEqualTo(1);
            assertThat(bare).extracting(CalendarEvent::id).containsExactlyElementsOf(week.stream().map(CalendarEvent::id).toList());
            assertThat(bare).allMatch(e -> e.seriesMasterId() == null && e.onlineMeetingUrl() == null && e.attendees().isEmpty()
                    && e.preview() == null);
        } finally {
            call(ALICE, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, single.id(), EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
        }
    }

    /**
     * A calendar view gives every event the attendees and preview its own item has, as
     * {@code getEvent} reads them: required, optional and resource attendees with their answers
     * and when they came, for a meeting Bob has accepted and for the occurrences of the stand-up.
     */
    @Test
    void listEventsGivesEveryEventItsAttendeesAndPreviewAsGetEventReadsThem() {
        String subject = "Attendees " + UUID.randomUUID();
        EventDraft draft = new EventDraft(subject, new Body(Body.ContentType.HTML, "<p>Pricing for <b>2027</b></p>"),
                new DateTimeZone(LocalDateTime.of(2026, 3, 26, 14, 0), "UTC"), new DateTimeZone(LocalDateTime.of(2026, 3, 26, 15, 0),
                        "UTC"), false, "Room 4.12", List.of(new Attendee(new Recipient("Bob", BOB), Attendee.Type.REQUIRED, null, null),
                        new Attendee(new Recipient("Dana", DANA), Attendee.Type.OPTIONAL, null, null),
                        new Attendee(new Recipient("Room 4.12", ROOM), Attendee.Type.RESOURCE, null, null)), null, null, null, null,
                null, null, null);
        Instant dayStart = Instant.parse("2026-03-26T00:00:00Z");
        Instant dayEnd = Instant.parse("2026-03-27T00:00:00Z");
        CalendarEvent created = body(ALICE, EwsOperation.createEvent, draft, Map.of(), CalendarEvent.class);
        try {
            CalendarEvent bobs = await().atMost(Duration.ofSeconds(10)).until(() -> mine(view(BOB, dayStart, dayEnd, "UTC"), subject)
                    .stream().findFirst().orElse(null), e -> e != null);
            assertThat(call(BOB, EwsOperation.respondToEvent, new EventResponse(ResponseStatus.ACCEPTED, null, true),
                    Map.of(EwsConstants.ITEM_ID, bobs.id())).getException()).isNull();
            CalendarEvent whole = await().atMost(Duration.ofSeconds(10)).until(() -> body(ALICE, EwsOperation.getEvent, null,
                    Map.of(EwsConstants.ITEM_ID, created.id()), CalendarEvent.class), e -> e.attendees().get(0).response()
                    == ResponseStatus.ACCEPTED);

            CalendarEvent listed = mine(view(ALICE, dayStart, dayEnd, "UTC"), subject).get(0);
            assertThat(listed.attendees()).isEqualTo(whole.attendees());
            assertThat(listed.attendees()).extracting(a -> a.recipient().address(), Attendee::type, Attendee::response)
                    .containsExactly(tuple(BOB, Attendee.Type.REQUIRED, ResponseStatus.ACCEPTED),
                            tuple(DANA, Attendee.Type.OPTIONAL, ResponseStatus.NONE),
                            tuple(ROOM, Attendee.Type.RESOURCE, ResponseStatus.NONE));
            assertThat(listed.attendees().get(0).respondedAt()).isNotNull();
            assertThat(listed.attendees().subList(1, 3)).allMatch(a -> a.respondedAt() == null);
            assertThat(listed.preview()).isEqualTo("Pricing for 2027").isEqualTo(whole.preview());
            assertThat(listed.body()).isNull();

            List<CalendarEvent> standUps = view(ALICE, Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-07T00:00:00Z"),
                    "UTC").stream().filter(e -> e.subject().startsWith("Team stand-up")).toList();
            assertThat(standUps).hasSize(2).allSatisfy(e -> {
                CalendarEvent read = body(ALICE, EwsOperation.getEvent, null, Map.of(EwsConstants.ITEM_ID, e.id()),
                        CalendarEvent.class);
                assertThat(e.attendees()).hasSize(3).isEqualTo(read.attendees()).allMatch(a -> a.type() == Attendee.Type.REQUIRED
                        && a.response() == ResponseStatus.ACCEPTED && a.respondedAt() != null);
                assertThat(e.preview()).isEqualTo("Daily check-in: yesterday, today, blockers.").isEqualTo(read.preview());
            });
        } finally {
            mine(view(BOB, dayStart, dayEnd, "UTC"), subject).forEach(e -> call(BOB, EwsOperation.deleteEvent, null,
                    Map.of(EwsConstants.ITEM_ID, e.id(), EwsConstants.DELETE_MODE, DeleteMode.HARD)));
            call(ALICE, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, created.id(), EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
        }
    }

    /**
     * An event deleted between the CalendarView and the details GetItem (held back here by the
     * sandbox's latency switch) fails alone in that GetItem: it is listed as the view gave it,
     * without attendees or preview, and the other event of the page has both.
     */
    @Test
    void anEventThatFailsInTheDetailsCallKeepsWhatTheCalendarViewGaveIt() throws Exception {
        Instant dayStart = Instant.parse("2026-12-14T00:00:00Z");
        Instant dayEnd = Instant.parse("2026-12-15T00:00:00Z");
        String tag = UUID.randomUUID().toString();
        List<CalendarEvent> created = new ArrayList<>();
        for (int hour : List.of(9, 11)) {
            created.add(body(ALICE, EwsOperation.createEvent, new EventDraft("Kept " + hour + " " + tag, new Body(Body.ContentType.TEXT,
                    "Notes at " + hour), new DateTimeZone(LocalDateTime.of(2026, 12, 14, hour, 0), "UTC"),
                    new DateTimeZone(LocalDateTime.of(2026, 12, 14, hour, 30), "UTC"), false, null,
                    List.of(new Attendee(new Recipient("Room 4.12", ROOM), Attendee.Type.RESOURCE, null, null)), null, null, null,
                    null, null, null, null), Map.of(), CalendarEvent.class));
        }
        try {
            fault("{\"protocol\":\"ews\",\"user\":\"" + ALICE + "\",\"operation\":\"GetItem\",\"latencyMs\":3000,"
                    + "\"remaining\":1}");
            CompletableFuture<List<CalendarEvent>> listing = CompletableFuture.supplyAsync(() -> view(ALICE, dayStart, dayEnd, "UTC"));
            await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/sandbox/faults").isEmpty());
            assertThat(call(ALICE, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, created.get(1).id(),
                    EwsConstants.DELETE_MODE, DeleteMode.HARD)).getException()).isNull();
            List<CalendarEvent> listed = listing.get(20, TimeUnit.SECONDS).stream().filter(e -> e.subject().endsWith(tag)).toList();
            assertThat(listed).extracting(CalendarEvent::id).containsExactly(created.get(0).id(), created.get(1).id());
            assertThat(listed.get(0).attendees()).extracting(a -> a.recipient().address()).containsExactly(ROOM);
            assertThat(listed.get(0).preview()).isEqualTo("Notes at 9");
            assertThat(listed.get(1).attendees()).isEmpty();
            assertThat(listed.get(1).preview()).isNull();
            assertThat(listed.get(1).subject()).isEqualTo("Kept 11 " + tag);
        } finally {
            clearFaults();
            created.forEach(e -> call(ALICE, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, e.id(),
                    EwsConstants.DELETE_MODE, DeleteMode.HARD)));
        }
    }

    /** A details GetItem still busy after the retries fails the page: attendees that look absent would be wrong, not partial. */
    @Test
    void aCalendarPageWhoseDetailsCallStaysBusyIsThrottled() {
        fault("{\"protocol\":\"ews\",\"user\":\"" + ALICE + "\",\"operation\":\"GetItem\",\"fault\":\"BUSY\","
                + "\"backOffMs\":100,\"remaining\":3}");
        try {
            Exchange exchange = call(ALICE, EwsOperation.listEvents, null, Map.of(EwsConstants.START,
                    Instant.parse("2026-03-02T00:00:00Z"), EwsConstants.END, Instant.parse("2026-03-07T00:00:00Z")));
            assertThat(exchange.getException()).isInstanceOf(EwsThrottledException.class);
            assertThat(((EwsThrottledException) exchange.getException()).retryAfter()).isEqualTo(Duration.ofMillis(100));
        } finally {
            clearFaults();
        }
    }

    @Test
    void theSeededPipelineReviewIsExpandedInTheRequestedZone() {
        List<CalendarEvent> events = view(ALICE, WINDOW_START, WINDOW_END, "Europe/Berlin").stream()
                .filter(e -> "Sales pipeline review".equals(e.subject())).toList();
        assertThat(events).hasSize(4);
        assertThat(events).extracting(e -> e.start().dateTime().toLocalTime()).containsOnly(LocalTime.of(10, 0));
        assertThat(events).allMatch(e -> e.myResponse() == ResponseStatus.ORGANIZER);
    }

    @Test
    void meetingsInviteAttendeesWhoAnswerAndTheOrganizerCancels() {
        String subject = "Invitation " + UUID.randomUUID();
        EventDraft draft = new EventDraft(subject, new Body(Body.ContentType.HTML, "<p>Agenda</p>"),
                new DateTimeZone(LocalDateTime.of(2026, 3, 20, 14, 0), "Europe/Berlin"),
                new DateTimeZone(LocalDateTime.of(2026, 3, 20, 15, 0), "Europe/Berlin"), false, "Berlin office",
                List.of(new Attendee(new Recipient("Bob", BOB), Attendee.Type.REQUIRED, null, null)), null, null, null, null,
                null, null, null);
        CalendarEvent created = body(ALICE, EwsOperation.createEvent, draft, Map.of(), CalendarEvent.class);
        try {
            assertThat(created.attendees()).extracting(a -> a.recipient().address()).containsExactly(BOB);
            assertThat(created.start().timeZone()).isEqualTo("UTC");
            assertThat(created.start().dateTime()).isEqualTo(LocalDateTime.of(2026, 3, 20, 13, 0));

            CalendarEvent bobs = await().atMost(Duration.ofSeconds(10)).until(() -> mine(view(BOB,
                    Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-21T00:00:00Z"), "America/New_York"), subject)
                    .stream().findFirst().orElse(null), e -> e != null);
            assertThat(bobs.iCalUid()).isEqualTo(created.iCalUid());
            assertThat(bobs.start().dateTime()).isEqualTo(LocalDateTime.of(2026, 3, 20, 9, 0));

            Exchange accepted = call(BOB, EwsOperation.respondToEvent, new EventResponse(ResponseStatus.TENTATIVE,
                    "I may be late", true), Map.of(EwsConstants.ITEM_ID, bobs.id()));
            assertThat(accepted.getException()).isNull();
            CalendarEvent answered = body(BOB, EwsOperation.getEvent, null, Map.of(EwsConstants.ITEM_ID, bobs.id()),
                    CalendarEvent.class);
            assertThat(answered.myResponse()).isEqualTo(ResponseStatus.TENTATIVE);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(body(ALICE, EwsOperation.getEvent, null,
                    Map.of(EwsConstants.ITEM_ID, created.id()), CalendarEvent.class).attendees())
                    .extracting(Attendee::response).containsExactly(ResponseStatus.TENTATIVE));

            CalendarEvent moved = body(ALICE, EwsOperation.updateEvent, new EventDraft(null, null, null, null, null, "Room 7",
                    null, null, null, null, null, null, null, null), Map.of(EwsConstants.ITEM_ID, created.id()),
                    CalendarEvent.class);
            assertThat(moved.location()).isEqualTo("Room 7");

            assertThat(call(ALICE, EwsOperation.cancelEvent, null, Map.of(EwsConstants.ITEM_ID, created.id(),
                    EwsConstants.COMMENT, "Postponed")).getException()).isNull();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mine(view(BOB,
                    Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-21T00:00:00Z"), "UTC"), subject))
                    .allMatch(CalendarEvent::isCancelled));
        } finally {
            mine(view(BOB, Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-21T00:00:00Z"), "UTC"), subject)
                    .forEach(e -> call(BOB, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, e.id(),
                            EwsConstants.DELETE_MODE, DeleteMode.HARD)));
            mine(view(ALICE, Instant.parse("2026-03-20T00:00:00Z"), Instant.parse("2026-03-21T00:00:00Z"), "UTC"), subject)
                    .forEach(e -> call(ALICE, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, e.id(),
                            EwsConstants.DELETE_MODE, DeleteMode.HARD)));
        }
    }

    @Test
    void allDayEventsKeepTheirDatesInEveryZone() {
        String subject = "Trade fair " + UUID.randomUUID();
        EventDraft draft = new EventDraft(subject, null, new DateTimeZone(LocalDateTime.of(2026, 3, 25, 0, 0), "Europe/Berlin"),
                new DateTimeZone(LocalDateTime.of(2026, 3, 27, 0, 0), "Europe/Berlin"), true, null, null, null, ShowAs.FREE,
                null, null, null, null, null);
        CalendarEvent created = body(ALICE, EwsOperation.createEvent, draft, Map.of(), CalendarEvent.class);
        try {
            assertThat(created.isAllDay()).isTrue();
            for (String zone : List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo")) {
                CalendarEvent seen = mine(view(ALICE, Instant.parse("2026-03-24T00:00:00Z"), Instant.parse("2026-03-29T00:00:00Z"),
                        zone), subject).get(0);
                assertThat(seen.start()).isEqualTo(new DateTimeZone(LocalDateTime.of(2026, 3, 25, 0, 0), zone));
                assertThat(seen.end()).isEqualTo(new DateTimeZone(LocalDateTime.of(2026, 3, 27, 0, 0), zone));
                assertThat(seen.showAs()).isEqualTo(ShowAs.FREE);
            }
            assertThat(call(ALICE, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, created.id())).getException())
                    .isNull();
            assertThat(call(ALICE, EwsOperation.getEvent, null, Map.of(EwsConstants.ITEM_ID, created.id())).getException())
                    .isInstanceOf(NotFoundException.class);
        } finally {
            mine(view(ALICE, Instant.parse("2026-03-24T00:00:00Z"), Instant.parse("2026-03-29T00:00:00Z"), "UTC"), subject)
                    .forEach(e -> call(ALICE, EwsOperation.deleteEvent, null, Map.of(EwsConstants.ITEM_ID, e.id(),
                            EwsConstants.DELETE_MODE, DeleteMode.HARD)));
        }
    }

    @Test
    void anUnknownZoneIsRefused() {
        Exchange exchange = call(ALICE, EwsOperation.listEvents, null, Map.of(EwsConstants.START, WINDOW_START, EwsConstants.END,
                WINDOW_END, EwsConstants.TIME_ZONE, "Mars/Olympus"));
        assertThat(exchange.getException()).isInstanceOf(io.exchangehub.model.InvalidRequestException.class);
    }

    private static List<CalendarEvent> mine(List<CalendarEvent> events, String subject) {
        return events.stream().filter(e -> subject.equals(e.subject()) || ("Canceled: " + subject).equals(e.subject())).toList();
    }
}
