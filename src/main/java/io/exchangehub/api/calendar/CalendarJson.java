package io.exchangehub.api.calendar;

import static io.exchangehub.api.ApiEnums.name;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mail.MailJson;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.Attendee;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.DateTimeZone;
import io.exchangehub.model.Recipient;
import io.exchangehub.model.Recurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Calendar items as the API writes them (the schema {@code CalendarEvent} of the contract): times
 * as a wall-clock time and the IANA zone the caller asked for, public ids, lower-camel enums.
 */
public final class CalendarJson {

    /** Wall-clock times to the second, as Graph and most calendar clients write them. */
    static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private CalendarJson() {}

    public record Time(String dateTime, String timeZone) {}

    public record AttendeeJson(String name, String address, String type, String response, Instant respondedAt) {}

    /** Fields a pattern does not use are left out, as the {@code Recurrence} schema (also a request schema) has them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecurrenceJson(String pattern, int interval, List<String> daysOfWeek, Integer dayOfMonth, Integer month,
            String index, String firstDayOfWeek, String range, LocalDate startDate, LocalDate endDate,
            Integer numberOfOccurrences, String recurrenceTimeZone) {}

    /** An event; what it does not have (a list's body, a single event's recurrence) is left out rather than null. */
    public record Event(String id, String seriesMasterId, String type, String subject,
            @JsonInclude(JsonInclude.Include.NON_NULL) MailJson.BodyJson body, String preview, Time start, Time end,
            boolean isAllDay, String location, @JsonInclude(JsonInclude.Include.NON_NULL) Recipient organizer,
            List<AttendeeJson> attendees, String myResponse, String showAs, boolean isCancelled, boolean isOnlineMeeting,
            String onlineMeetingUrl, @JsonInclude(JsonInclude.Include.NON_NULL) RecurrenceJson recurrence, List<String> categories, String importance, String sensitivity, String iCalUid,
            Integer reminderMinutesBeforeStart) {}

    public static Event event(CalendarEvent e, MailboxRef mailbox, MailJson.HtmlPolicy html) {
        return new Event(mailbox.publicId(HubId.Kind.EVENT, e.id()), mailbox.publicId(HubId.Kind.EVENT, e.seriesMasterId()),
                name(e.type()), e.subject() == null ? "" : e.subject(), MailJson.body(e.body(), html),
                e.preview() == null ? "" : e.preview(), time(e.start()), time(e.end()), e.isAllDay(), e.location(), e.organizer(),
                e.attendees() == null ? List.of() : e.attendees().stream().map(CalendarJson::attendee).toList(),
                e.myResponse() == null ? "none" : name(e.myResponse()), e.showAs() == null ? "unknown" : name(e.showAs()), e.isCancelled(), e.isOnlineMeeting(), e.onlineMeetingUrl(),
                recurrence(e.recurrence()), e.categories() == null ? List.of() : e.categories(),
                e.importance() == null ? "normal" : name(e.importance()), e.sensitivity() == null ? "normal" : name(e.sensitivity()),
                e.iCalUid(), e.reminderMinutesBeforeStart());
    }

    static Time time(DateTimeZone time) {
        return time == null ? null : new Time(WALL_CLOCK.format(time.dateTime()), time.timeZone());
    }

    static AttendeeJson attendee(Attendee a) {
        Recipient who = a.recipient();
        return new AttendeeJson(who.name(), who.address(), a.type() == null ? "required" : name(a.type()),
                a.response() == null ? "none" : name(a.response()), a.respondedAt());
    }

    static RecurrenceJson recurrence(Recurrence r) {
        if (r == null) {
            return null;
        }
        return new RecurrenceJson(name(r.pattern()), r.interval(),
                r.daysOfWeek() == null ? List.of() : r.daysOfWeek().stream().map(CalendarJson::day).toList(),
                r.dayOfMonth() == 0 ? null : r.dayOfMonth(), r.month() == 0 ? null : r.month(), name(r.index()),
                day(r.firstDayOfWeek()), name(r.range()), r.startDate(), r.endDate(),
                r.numberOfOccurrences() == 0 ? null : r.numberOfOccurrences(), r.recurrenceTimeZone());
    }

    static String day(DayOfWeek day) {
        return day == null ? null : name(day);
    }
}
