package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.exchangehub.model.Attendee;
import io.exchangehub.model.Body;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.DateTimeZone;
import io.exchangehub.model.EventDraft;
import io.exchangehub.model.EventResponse;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Recipient;
import io.exchangehub.model.Recurrence;
import io.exchangehub.model.ResponseStatus;
import io.exchangehub.model.ShowAs;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class MsGraphCalendarIT extends MsGraphIntegrationTest {

    private static final String REVIEW = "Sales pipeline review";

    @SuppressWarnings("unchecked")
    private List<CalendarEvent> view(String user, String start, String end, String zone) {
        Exchange exchange = callAs(user, "calendar", MsGraphOperation.listEvents, null, MsGraphConstants.START, start,
                MsGraphConstants.END, end, MsGraphConstants.TIME_ZONE, zone);
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(List.class);
    }

    @Test
    void listEventsExpandsTheWeeklyReviewOnItsBerlinClockAcrossBothDaylightSavingChanges() {
        List<CalendarEvent> berlin = view(CAROL, "2026-03-23T00:00:00Z", "2026-04-01T00:00:00Z", "Europe/Berlin").stream()
                .filter(e -> e.subject().equals(REVIEW)).toList();
        assertThat(berlin).extracting(e -> e.start().dateTime())
                .containsExactly(LocalDateTime.parse("2026-03-24T10:00"), LocalDateTime.parse("2026-03-31T10:00"));
        assertThat(berlin).extracting(e -> e.start().timeZone()).containsOnly("Europe/Berlin");
        assertThat(berlin).extracting(CalendarEvent::type).containsOnly(CalendarEvent.Type.OCCURRENCE);
        assertThat(berlin.get(0).seriesMasterId()).isNotNull().isEqualTo(berlin.get(1).seriesMasterId());
        assertThat(berlin.get(0).organizer().address()).isEqualToIgnoringCase(ALICE);
        assertThat(berlin.get(0).body()).as("list views carry no body").isNull();

        // New York moved its clocks three weeks before Berlin: the same meeting is at 05:00, then 04:00
        List<CalendarEvent> newYork = view(CAROL, "2026-03-23T00:00:00Z", "2026-04-01T00:00:00Z", "America/New_York").stream()
                .filter(e -> e.subject().equals(REVIEW)).toList();
        assertThat(newYork).extracting(e -> e.start().dateTime().toLocalTime())
                .containsExactly(LocalTime.of(5, 0), LocalTime.of(4, 0));
        assertThat(newYork.get(0).start().toInstant()).isEqualTo(berlin.get(0).start().toInstant());

        CalendarEvent master = result("calendar", MsGraphOperation.getEvent, null, CalendarEvent.class,
                MsGraphConstants.ITEM_ID, berlin.get(0).seriesMasterId(), MsGraphConstants.TIME_ZONE, "Europe/Berlin");
        assertThat(master.type()).isEqualTo(CalendarEvent.Type.SERIES_MASTER);
        assertThat(master.recurrence().pattern()).isEqualTo(Recurrence.Pattern.WEEKLY);
        assertThat(master.recurrence().daysOfWeek()).containsExactly(DayOfWeek.TUESDAY);
        assertThat(master.recurrence().recurrenceTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(master.body()).isNotNull();

        Exchange noWindow = call("calendar", MsGraphOperation.listEvents, null, MsGraphConstants.START, "2026-03-23T00:00:00Z");
        assertThat(noWindow.getException()).isInstanceOf(IllegalArgumentException.class);
        Exchange backwards = call("calendar", MsGraphOperation.listEvents, null, MsGraphConstants.START, "2026-03-23T00:00:00Z",
                MsGraphConstants.END, "2026-03-22T00:00:00Z");
        assertThat(backwards.getException()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aMeetingIsCreatedAnsweredUpdatedAndCancelledAcrossOrganizerAndAttendee() {
        String subject = "Planning " + UUID.randomUUID();
        EventDraft draft = new EventDraft(subject, new Body(Body.ContentType.TEXT, "Agenda"),
                new DateTimeZone(LocalDateTime.parse("2026-03-10T15:00"), "Europe/London"),
                new DateTimeZone(LocalDateTime.parse("2026-03-10T16:00"), "Europe/London"), false, "Room 1",
                List.of(new Attendee(new Recipient("Carol Dupont", CAROL), Attendee.Type.REQUIRED, null, null)), null, ShowAs.BUSY,
                null, null, List.of("Planning"), 15, false);
        Exchange created = callAs(ALICE, "calendar", MsGraphOperation.createEvent, draft, MsGraphConstants.TIME_ZONE, "Europe/London");
        assertThat(created.getException()).isNull();
        CalendarEvent organized = created.getMessage().getBody(CalendarEvent.class);
        assertThat(organized.start()).isEqualTo(new DateTimeZone(LocalDateTime.parse("2026-03-10T15:00"), "Europe/London"));
        assertThat(organized.location()).isEqualTo("Room 1");
        assertThat(organized.reminderMinutesBeforeStart()).isEqualTo(15);
        assertThat(organized.attendees()).extracting(a -> a.recipient().address()).containsExactly(CAROL);

        CalendarEvent invitation = await().atMost(Duration.ofSeconds(10)).until(() -> view(CAROL, "2026-03-10T00:00:00Z",
                        "2026-03-11T00:00:00Z", "Europe/London").stream().filter(e -> e.subject().equals(subject)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(invitation.iCalUid()).isEqualTo(organized.iCalUid());
        result("calendar", MsGraphOperation.respondToEvent, new EventResponse(ResponseStatus.ACCEPTED, "Count me in", true),
                Object.class, MsGraphConstants.ITEM_ID, invitation.id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Exchange fetched = callAs(ALICE, "calendar", MsGraphOperation.getEvent, null, MsGraphConstants.ITEM_ID, organized.id());
            assertThat(fetched.getMessage().getBody(CalendarEvent.class).attendees()).extracting(Attendee::response)
                    .containsExactly(ResponseStatus.ACCEPTED);
        });

        CalendarEvent answered = callAs(ALICE, "calendar", MsGraphOperation.getEvent, null, MsGraphConstants.ITEM_ID, organized.id())
                .getMessage().getBody(CalendarEvent.class);
        assertThat(answered.changeKey()).as("the answer changed the organizer's copy").isNotEqualTo(organized.changeKey());
        EventDraft later = new EventDraft("Moved " + subject, null, new DateTimeZone(LocalDateTime.parse("2026-03-10T17:00"), "Europe/London"),
                new DateTimeZone(LocalDateTime.parse("2026-03-10T18:00"), "Europe/London"), null, null, null, null, null, null, null,
                null, null, null);
        Exchange updated = callAs(ALICE, "calendar", MsGraphOperation.updateEvent, later, MsGraphConstants.ITEM_ID, organized.id(),
                MsGraphConstants.TIME_ZONE, "UTC", MsGraphConstants.CHANGE_KEY, answered.changeKey());
        assertThat(updated.getException()).isNull();
        CalendarEvent moved = updated.getMessage().getBody(CalendarEvent.class);
        assertThat(moved.subject()).isEqualTo("Moved " + subject);
        assertThat(moved.start()).isEqualTo(new DateTimeZone(LocalDateTime.parse("2026-03-10T17:00"), "UTC"));
        assertThat(moved.location()).as("what the change leaves out stays").isEqualTo("Room 1");

        Exchange cancelled = callAs(ALICE, "calendar", MsGraphOperation.cancelEvent, null, MsGraphConstants.ITEM_ID, organized.id(),
                MsGraphConstants.COMMENT, "Sorry");
        assertThat(cancelled.getException()).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(view(CAROL, "2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z",
                "UTC")).filteredOn(e -> e.subject().endsWith(subject)).allMatch(CalendarEvent::isCancelled));
        view(CAROL, "2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z", "UTC").stream().filter(e -> e.subject().endsWith(subject))
                .forEach(e -> result("calendar", MsGraphOperation.deleteEvent, null, Object.class, MsGraphConstants.ITEM_ID, e.id()));
        Exchange gone = callAs(ALICE, "calendar", MsGraphOperation.getEvent, null, MsGraphConstants.ITEM_ID, organized.id());
        assertThat(gone.getException()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRecurringAllDayEventKeepsItsPatternAndIsDeleted() {
        Recurrence monthly = new Recurrence(Recurrence.Pattern.RELATIVE_MONTHLY, 1, List.of(DayOfWeek.FRIDAY), 0, 0,
                Recurrence.WeekIndex.LAST, DayOfWeek.MONDAY, Recurrence.RangeType.NUMBERED, LocalDate.parse("2026-03-27"), null, 6,
                "Europe/London");
        EventDraft draft = new EventDraft("Month end " + UUID.randomUUID(), null,
                new DateTimeZone(LocalDateTime.parse("2026-03-27T00:00"), "Europe/London"),
                new DateTimeZone(LocalDateTime.parse("2026-03-28T00:00"), "Europe/London"), true, null, null, monthly, ShowAs.FREE, null,
                null, null, null, null);
        CalendarEvent created = result("calendar", MsGraphOperation.createEvent, draft, CalendarEvent.class, MsGraphConstants.TIME_ZONE,
                "Europe/London");
        assertThat(created.isAllDay()).isTrue();
        assertThat(created.type()).isEqualTo(CalendarEvent.Type.SERIES_MASTER);
        assertThat(created.recurrence().index()).isEqualTo(Recurrence.WeekIndex.LAST);
        assertThat(created.recurrence().numberOfOccurrences()).isEqualTo(6);
        assertThat(created.showAs()).isEqualTo(ShowAs.FREE);
        List<CalendarEvent> occurrences = view(CAROL, "2026-03-01T00:00:00Z", "2026-09-30T00:00:00Z", "Europe/London").stream()
                .filter(e -> created.id().equals(e.seriesMasterId())).toList();
        assertThat(occurrences).extracting(e -> e.start().dateTime().toLocalDate()).containsExactly(LocalDate.parse("2026-03-27"),
                LocalDate.parse("2026-04-24"), LocalDate.parse("2026-05-29"), LocalDate.parse("2026-06-26"),
                LocalDate.parse("2026-07-31"), LocalDate.parse("2026-08-28"));
        result("calendar", MsGraphOperation.deleteEvent, null, Object.class, MsGraphConstants.ITEM_ID, created.id());
    }
}
