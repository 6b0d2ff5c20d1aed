package io.exchangehub.api.calendar;

import static io.exchangehub.api.ApiEnums.value;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.PlainText;
import io.exchangehub.api.mail.MailRequests;
import io.exchangehub.model.Attendee;
import io.exchangehub.model.DateTimeZone;
import io.exchangehub.model.EventDraft;
import io.exchangehub.model.EventResponse;
import io.exchangehub.model.Importance;
import io.exchangehub.model.Recipient;
import io.exchangehub.model.Recurrence;
import io.exchangehub.model.ResponseStatus;
import io.exchangehub.model.Sensitivity;
import io.exchangehub.model.ShowAs;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar requests as the API reads them (the schemas {@code EventCreate}, {@code EventUpdate}
 * and {@code EventRespond} of the contract), turned into the canonical model. The contract has
 * checked the shape; what it cannot say (a real IANA zone, an end after the start, a recurrence
 * that both backends keep as given) is checked here, before any backend is called.
 */
public final class CalendarRequests {

    /** The longest window {@code GET /calendar/events} expands. */
    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    private CalendarRequests() {}

    /**
     * The window of {@code GET /calendar/events}.
     *
     * @param start from (inclusive), an instant
     * @param end   to (exclusive), an instant after {@code start}, at most {@link #MAX_WINDOW} later
     */
    public record Window(Instant start, Instant end) {

        public static Window of(Instant start, Instant end) {
            if (!end.isAfter(start)) {
                throw invalid("/query/end", "The end of the window must come after its start.");
            }
            if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
                throw invalid("/query/end", "A window spans at most 366 days.");
            }
            return new Window(start, end);
        }
    }

    public record TimeInput(String dateTime, String timeZone) {
        DateTimeZone toModel(String field) {
            return new DateTimeZone(LocalDateTime.parse(dateTime), zone(timeZone, field + "/timeZone").getId());
        }
    }

    public record AttendeeInput(String name, String address, String type) {
        Attendee toModel(String field) {
            PlainText.check(name, field + "/name");
            return new Attendee(new Recipient(name, address), type == null ? Attendee.Type.REQUIRED : value(Attendee.Type.class, type),
                    ResponseStatus.NONE, null);
        }
    }

    public record RecurrenceInput(String pattern, Integer interval, List<String> daysOfWeek, Integer dayOfMonth, Integer month,
            String index, String firstDayOfWeek, String range, LocalDate startDate, LocalDate endDate,
            Integer numberOfOccurrences, String recurrenceTimeZone) {

        /**
         * The recurrence of a series whose first occurrence starts at {@code start}. Both backends
         * keep a recurrence as given only when it says everything its pattern needs: EWS has no
         * interval for yearly patterns and one day of the week for relative ones, and Graph wants the
         * range to start on the day the series does.
         */
        Recurrence toModel(DateTimeZone start) {
            Recurrence.Pattern kind = value(Recurrence.Pattern.class, pattern);
            Recurrence.RangeType rangeType = value(Recurrence.RangeType.class, range);
            List<DayOfWeek> days = daysOfWeek == null ? List.of() : daysOfWeek.stream().map(CalendarRequests::day).distinct().toList();
            boolean relative = kind == Recurrence.Pattern.RELATIVE_MONTHLY || kind == Recurrence.Pattern.RELATIVE_YEARLY;
            boolean yearly = kind == Recurrence.Pattern.ABSOLUTE_YEARLY || kind == Recurrence.Pattern.RELATIVE_YEARLY;
            if (kind == Recurrence.Pattern.WEEKLY && days.isEmpty()) {
                throw invalid("/body/recurrence/daysOfWeek", "A weekly series needs the days of the week it falls on.");
            }
            if (relative && days.size() != 1) {
                throw invalid("/body/recurrence/daysOfWeek", "A " + pattern + " series falls on exactly one day of the week.");
            }
            if (relative && index == null) {
                throw invalid("/body/recurrence/index", "A " + pattern + " series needs the week of the month (first … last).");
            }
            if ((kind == Recurrence.Pattern.ABSOLUTE_MONTHLY || kind == Recurrence.Pattern.ABSOLUTE_YEARLY) && dayOfMonth == null) {
                throw invalid("/body/recurrence/dayOfMonth", "A " + pattern + " series needs the day of the month.");
            }
            if (yearly && month == null) {
                throw invalid("/body/recurrence/month", "A " + pattern + " series needs the month.");
            }
            if (yearly && interval != null && interval != 1) {
                throw invalid("/body/recurrence/interval", "A yearly series repeats every year.");
            }
            if (rangeType == Recurrence.RangeType.END_DATE && (endDate == null || endDate.isBefore(startDate))) {
                throw invalid("/body/recurrence/endDate", "A series that ends on a date needs an end date on or after its start.");
            }
            if (rangeType == Recurrence.RangeType.NUMBERED && numberOfOccurrences == null) {
                throw invalid("/body/recurrence/numberOfOccurrences", "A numbered series needs its number of occurrences.");
            }
            String zone = recurrenceTimeZone == null ? start.timeZone()
                    : zone(recurrenceTimeZone, "/body/recurrence/recurrenceTimeZone").getId();
            if (!startDate.equals(start.toInstant().atZone(ZoneId.of(zone)).toLocalDate())) {
                throw invalid("/body/recurrence/startDate", "The series starts on the day of its first start.");
            }
            return new Recurrence(kind, interval == null ? 1 : interval, days, dayOfMonth == null ? 0 : dayOfMonth,
                    month == null ? 0 : month, value(Recurrence.WeekIndex.class, index), day(firstDayOfWeek), rangeType, startDate,
                    endDate, numberOfOccurrences == null ? 0 : numberOfOccurrences, zone);
        }
    }

    /** {@code POST /calendar/events} and {@code PATCH /calendar/events/{id}}: left-out fields are null. */
    public record EventInput(String subject, MailRequests.BodyInput body, TimeInput start, TimeInput end, Boolean isAllDay,
            String location, List<AttendeeInput> attendees, RecurrenceInput recurrence, String showAs, String importance,
            String sensitivity, List<String> categories, Integer reminderMinutesBeforeStart, Boolean isOnlineMeeting) {

        /**
         * The changes to an event. A new time gives both start and end, and so do a change to or
         * from all-day and a new recurrence, which are read against them: a backend given half of
         * that would check it against times the client has not seen.
         */
        public EventDraft toChanges() {
            if ((start == null) != (end == null)) {
                throw invalid(start == null ? "/body/start" : "/body/end", "A change of time gives both start and end.");
            }
            if (start == null && isAllDay != null) {
                throw invalid("/body/start", "A change to or from all-day gives the new start and end.");
            }
            if (start == null && recurrence != null) {
                throw invalid("/body/start", "A change of recurrence gives the start and end of the series' first occurrence.");
            }
            return toModel();
        }

        /** The event to create (the contract requires its subject, start and end), or the fields of a change. */
        public EventDraft toModel() {
            PlainText.check(subject, "/body/subject");
            PlainText.check(location, "/body/location");
            DateTimeZone from = start == null ? null : start.toModel("/body/start");
            DateTimeZone to = end == null ? null : end.toModel("/body/end");
            if (from != null && to != null && to.toInstant().isBefore(from.toInstant())) {
                throw invalid("/body/end", "The end lies before the start.");
            }
            if (Boolean.TRUE.equals(isAllDay)) {
                checkAllDay(from, to);
            }
            List<Attendee> invited = null;
            if (attendees != null) {
                invited = new ArrayList<>(attendees.size());
                for (int i = 0; i < attendees.size(); i++) {
                    invited.add(attendees.get(i).toModel("/body/attendees/" + i));
                }
            }
            return new EventDraft(subject, body == null ? null : body.toModel(), from, to, isAllDay, location, invited,
                    recurrence == null ? null : recurrence.toModel(from), value(ShowAs.class, showAs),
                    value(Importance.class, importance), value(Sensitivity.class, sensitivity), categories,
                    reminderMinutesBeforeStart, isOnlineMeeting);
        }

        /** An all-day event covers whole days of one calendar: from a midnight to a later midnight of the same zone. */
        private static void checkAllDay(DateTimeZone from, DateTimeZone to) {
            if (from == null) {
                throw invalid("/body/start", "An all-day event needs its first and last day.");
            }
            if (!from.dateTime().toLocalTime().equals(LocalTime.MIDNIGHT) || !to.dateTime().toLocalTime().equals(LocalTime.MIDNIGHT)) {
                throw invalid("/body/start", "An all-day event starts and ends at midnight (00:00:00).");
            }
            if (!from.timeZone().equals(to.timeZone())) {
                throw invalid("/body/end/timeZone", "An all-day event starts and ends in the same time zone.");
            }
            if (!to.dateTime().isAfter(from.dateTime())) {
                throw invalid("/body/end", "An all-day event ends at the midnight after its last day.");
            }
        }
    }

    /** {@code POST /calendar/events/{id}/respond}. */
    public record Respond(String response, String comment, Boolean sendResponse) {

        public EventResponse toModel() {
            ResponseStatus status = switch (response) {
                case "accept" -> ResponseStatus.ACCEPTED;
                case "tentative" -> ResponseStatus.TENTATIVE;
                case "decline" -> ResponseStatus.DECLINED;
                default -> throw invalid("/body/response", "The response is accept, tentative or decline.");
            };
            return new EventResponse(status, comment, sendResponse == null || sendResponse);
        }
    }

    /** An IANA zone the caller named; Windows names and offsets are not IANA zones. */
    public static ZoneId zone(String id, String pointer) {
        try {
            if (id == null || !id.contains("/") && !id.equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw invalid(pointer, "Not an IANA time zone, such as Europe/Berlin or UTC.");
        }
    }

    static DayOfWeek day(String day) {
        return day == null ? null : value(DayOfWeek.class, day);
    }

    private static ApiException invalid(String pointer, String detail) {
        return ApiException.invalid(pointer, detail);
    }
}
