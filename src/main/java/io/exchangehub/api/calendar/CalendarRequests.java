package io.exchangehub.api.calendar;

import static io.exchangehub.api.ApiEnums.value;

import io.exchangehub.api.ApiException;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Calendar requests as the API reads them (the schemas {@code EventCreate}, {@code EventUpdate}
 * and {@code EventRespond} of the contract), turned into the canonical model. The contract has
 * checked the shape; what it cannot say (a real IANA zone, an end after the start) is checked here.
 */
public final class CalendarRequests {

    private CalendarRequests() {}

    public record TimeInput(String dateTime, String timeZone) {
        DateTimeZone toModel(String field) {
            return new DateTimeZone(LocalDateTime.parse(dateTime), zone(timeZone, field).getId());
        }
    }

    public record AttendeeInput(String name, String address, String type) {
        Attendee toModel() {
            return new Attendee(new Recipient(name, address), type == null ? Attendee.Type.REQUIRED : value(Attendee.Type.class, type),
                    ResponseStatus.NONE, null);
        }
    }

    public record RecurrenceInput(String pattern, Integer interval, List<String> daysOfWeek, Integer dayOfMonth, Integer month,
            String index, String firstDayOfWeek, String range, LocalDate startDate, LocalDate endDate,
            Integer numberOfOccurrences, String recurrenceTimeZone) {

        Recurrence toModel(String defaultZone) {
            Recurrence.RangeType rangeType = value(Recurrence.RangeType.class, range);
            if (rangeType == Recurrence.RangeType.END_DATE && (endDate == null || endDate.isBefore(startDate))) {
                throw invalid("/body/recurrence/endDate", "A series that ends on a date needs an end date on or after its start.");
            }
            if (rangeType == Recurrence.RangeType.NUMBERED && numberOfOccurrences == null) {
                throw invalid("/body/recurrence/numberOfOccurrences", "A numbered series needs its number of occurrences.");
            }
            Recurrence.Pattern kind = value(Recurrence.Pattern.class, pattern);
            List<DayOfWeek> days = daysOfWeek == null ? List.of() : daysOfWeek.stream().map(CalendarRequests::day).toList();
            if ((kind == Recurrence.Pattern.WEEKLY || kind == Recurrence.Pattern.RELATIVE_MONTHLY
                    || kind == Recurrence.Pattern.RELATIVE_YEARLY) && days.isEmpty()) {
                throw invalid("/body/recurrence/daysOfWeek", "A " + pattern + " series needs the days of the week it falls on.");
            }
            String zone = recurrenceTimeZone == null ? defaultZone : zone(recurrenceTimeZone, "/body/recurrence/recurrenceTimeZone").getId();
            return new Recurrence(kind, interval == null ? 1 : interval, days, dayOfMonth == null ? 0 : dayOfMonth,
                    month == null ? 0 : month, value(Recurrence.WeekIndex.class, index), day(firstDayOfWeek), rangeType, startDate,
                    endDate, numberOfOccurrences == null ? 0 : numberOfOccurrences, zone);
        }
    }

    /** {@code POST /calendar/events} and {@code PATCH /calendar/events/{id}}: left-out fields are null. */
    public record EventInput(String subject, MailRequests.BodyInput body, TimeInput start, TimeInput end, Boolean isAllDay,
            String location, List<AttendeeInput> attendees, RecurrenceInput recurrence, String showAs, String importance,
            String sensitivity, List<String> categories, Integer reminderMinutesBeforeStart, Boolean isOnlineMeeting) {

        public EventDraft toModel() {
            DateTimeZone from = start == null ? null : start.toModel("/body/start/timeZone");
            DateTimeZone to = end == null ? null : end.toModel("/body/end/timeZone");
            if (from != null && to != null && to.toInstant().isBefore(from.toInstant())) {
                throw invalid("/body/end", "The end lies before the start.");
            }
            String seriesZone = from != null ? from.timeZone() : null;
            return new EventDraft(subject, body == null ? null : body.toModel(), from, to, isAllDay, location,
                    attendees == null ? null : attendees.stream().map(AttendeeInput::toModel).toList(),
                    recurrence == null ? null : recurrence.toModel(seriesZone), value(ShowAs.class, showAs),
                    value(Importance.class, importance), value(Sensitivity.class, sensitivity), categories,
                    reminderMinutesBeforeStart, isOnlineMeeting);
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
