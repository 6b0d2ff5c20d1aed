package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.Recurrence;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.Sensitivity;
import io.exchangehub.sandbox.store.ShowAs;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An event body of a create or update, read completely before anything is applied. Besides the
 * property changes it keeps what an occurrence update or a meeting update needs to know: the new
 * times, subject, location and body, and whether the attendees changed.
 */
final class EventInput {

    private static final Set<String> READ_ONLY = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime",
            "bodyPreview", "hasAttachments", "iCalUId", "isOrganizer", "organizer", "originalStart", "originalStartTimeZone",
            "originalEndTimeZone", "responseStatus", "seriesMasterId", "type", "webLink", "onlineMeetingUrl", "onlineMeeting",
            "onlineMeetingProvider", "isDraft", "isCancelled", "cancelledOccurrences", "hideAttendees", "transactionId");
    /** What a single occurrence of a series may change. */
    private static final Set<String> OCCURRENCE = Set.of("subject", "body", "start", "end", "location", "locations");

    final List<Consumer<CalendarEvent>> changes = new ArrayList<>();
    final List<String> properties = new ArrayList<>();
    ZonedDateTime start;
    ZonedDateTime end;
    Boolean allDay;
    String subject;
    String location;
    Body body;
    List<Attendee> attendees;

    static EventInput parse(ObjectNode json, boolean creating) {
        EventInput input = new EventInput();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (JsonIn.isAnnotation(name) || READ_ONLY.contains(name)) {
                continue;
            }
            if (!EventJson.PROPERTIES.contains(name)) {
                throw JsonIn.unknownProperty(name, EventJson.TYPE);
            }
            input.properties.add(name);
            input.read(name, value);
        }
        if (creating && (input.start == null || input.end == null)) {
            throw GraphException.badRequest("ErrorInvalidRequest", "An event needs a start and an end.");
        }
        input.checkTimes(input.start, input.end);
        return input;
    }

    private void read(String name, JsonNode value) {
        switch (name) {
            case "subject" -> {
                String text = JsonIn.string(value);
                subject = text == null ? "" : text;
                String newSubject = subject;
                changes.add(e -> e.subject = newSubject);
            }
            case "body" -> {
                Body newBody = JsonIn.body(value);
                body = newBody;
                changes.add(e -> e.body(newBody));
            }
            case "start" -> {
                ZonedDateTime time = JsonIn.dateTimeTimeZone(value);
                start = time;
                changes.add(e -> {
                    e.start = time.toInstant();
                    e.startZone = time.getZone();
                });
            }
            case "end" -> {
                ZonedDateTime time = JsonIn.dateTimeTimeZone(value);
                end = time;
                changes.add(e -> {
                    e.end = time.toInstant();
                    e.endZone = time.getZone();
                });
            }
            case "isAllDay" -> {
                boolean whole = JsonIn.bool(value);
                allDay = whole;
                changes.add(e -> e.allDay = whole);
            }
            case "location" -> {
                String displayName = value.isNull() ? "" : JsonIn.string(value.get("displayName"));
                location = displayName == null ? "" : displayName;
                String newLocation = location;
                changes.add(e -> e.location = newLocation);
            }
            case "locations" -> {
                if (location == null && value.isArray() && !value.isEmpty()) {
                    String displayName = JsonIn.string(value.get(0).get("displayName"));
                    location = displayName == null ? "" : displayName;
                    String newLocation = location;
                    changes.add(e -> e.location = newLocation);
                }
            }
            case "attendees" -> {
                List<Attendee> parsed = attendees(value);
                attendees = parsed;
                changes.add(e -> e.attendees = merge(e.attendees, parsed));
            }
            case "recurrence" -> {
                Recurrence recurrence = value.isNull() ? null : recurrence(value);
                changes.add(e -> e.recurrence = recurrence);
            }
            case "importance" -> {
                Importance importance = JsonIn.enumeration(value, Importance.class, "microsoft.graph.importance");
                changes.add(e -> e.importance = importance);
            }
            case "sensitivity" -> {
                Sensitivity sensitivity = JsonIn.enumeration(value, Sensitivity.class, "microsoft.graph.sensitivity");
                changes.add(e -> e.sensitivity = sensitivity);
            }
            case "showAs" -> {
                ShowAs showAs = JsonIn.string(value) != null && JsonIn.string(value).equalsIgnoreCase("unknown") ? ShowAs.NO_DATA
                        : JsonIn.enumeration(value, ShowAs.class, "microsoft.graph.freeBusyStatus");
                changes.add(e -> e.showAs = showAs);
            }
            case "isReminderOn" -> {
                boolean on = JsonIn.bool(value);
                changes.add(e -> e.reminderSet = on);
            }
            case "reminderMinutesBeforeStart" -> {
                int minutes = JsonIn.int32(value);
                changes.add(e -> e.reminderMinutesBeforeStart = minutes);
            }
            case "categories" -> {
                List<String> categories = JsonIn.strings(value);
                changes.add(e -> e.categories = categories);
            }
            case "isOnlineMeeting" -> {
                boolean online = JsonIn.bool(value);
                changes.add(e -> {
                    e.onlineMeeting = online;
                    if (online && e.onlineMeetingUrl == null) {
                        e.onlineMeetingUrl = "https://teams.example/l/meetup-join/" + e.uid;
                    }
                });
            }
            case "responseRequested" -> {
                boolean requested = JsonIn.bool(value);
                changes.add(e -> e.responseRequested = requested);
            }
            case "allowNewTimeProposals" -> {
                boolean allowed = JsonIn.bool(value);
                changes.add(e -> e.allowNewTimeProposal = allowed);
            }
            default -> throw GraphException.bodyRead("The property '" + name + "' cannot be set on an event.");
        }
    }

    /** Checks the times an event will have, before anything is changed. */
    void checkTimes(ZonedDateTime newStart, ZonedDateTime newEnd) {
        if (newStart == null || newEnd == null) {
            return;
        }
        if (newEnd.toInstant().isBefore(newStart.toInstant())) {
            throw GraphException.badRequest("ErrorInvalidRequest", "The end of an event cannot be before its start.");
        }
        if (Boolean.TRUE.equals(allDay) && (!newStart.toLocalTime().equals(LocalTime.MIDNIGHT)
                || !newEnd.toLocalTime().equals(LocalTime.MIDNIGHT) || !newEnd.toInstant().isAfter(newStart.toInstant()))) {
            throw GraphException.badRequest("ErrorPropertyValidationFailure",
                    "An all-day event starts and ends at midnight and lasts at least a day.");
        }
    }

    /** Whether a change touches more than a single occurrence may change. */
    String notForOccurrence() {
        for (String property : properties) {
            if (!OCCURRENCE.contains(property)) {
                return property;
            }
        }
        return null;
    }

    /** Whether invitations need to go out again (organizer side). */
    boolean changesMeeting() {
        return attendees != null || start != null || end != null || subject != null || location != null || body != null
                || properties.contains("recurrence") || properties.contains("isAllDay");
    }

    void apply(CalendarEvent event) {
        changes.forEach(change -> change.accept(event));
    }

    private static List<Attendee> attendees(JsonNode value) {
        if (!value.isArray()) {
            throw GraphException.bodyRead("Cannot convert the literal to the expected type 'Collection(microsoft.graph.attendee)'.");
        }
        List<Attendee> result = new ArrayList<>();
        for (JsonNode node : value) {
            Recipient recipient = JsonIn.recipient(node);
            Attendee.Type type = node.has("type") ? JsonIn.enumeration(node.get("type"), Attendee.Type.class,
                    "microsoft.graph.attendeeType") : Attendee.Type.REQUIRED;
            result.add(new Attendee(recipient, type, ResponseType.NOT_RESPONDED, null));
        }
        return result;
    }

    /** New attendees keep the answers of those who were invited already. */
    private static List<Attendee> merge(List<Attendee> previous, List<Attendee> next) {
        List<Attendee> merged = new ArrayList<>();
        for (Attendee attendee : next) {
            Attendee before = previous.stream().filter(a -> a.recipient().sameAddress(attendee.recipient().address())).findFirst()
                    .orElse(null);
            merged.add(before == null ? attendee
                    : new Attendee(attendee.recipient(), attendee.type(), before.response(), before.responseTime()));
        }
        return merged;
    }

    static Recurrence recurrence(JsonNode value) {
        JsonNode pattern = value.get("pattern");
        JsonNode range = value.get("range");
        if (pattern == null || !pattern.isObject() || range == null || !range.isObject()) {
            throw GraphException.badRequest("ErrorInvalidRequest", "A recurrence needs a pattern and a range.");
        }
        JsonIn.checkProperties((ObjectNode) pattern, Set.of("type", "interval", "month", "dayOfMonth", "daysOfWeek",
                "firstDayOfWeek", "index"), "microsoft.graph.recurrencePattern");
        JsonIn.checkProperties((ObjectNode) range, Set.of("type", "startDate", "endDate", "numberOfOccurrences",
                "recurrenceTimeZone"), "microsoft.graph.recurrenceRange");
        Recurrence.Pattern type = JsonIn.enumeration(pattern.get("type"), Recurrence.Pattern.class,
                "microsoft.graph.recurrencePatternType");
        int interval = pattern.has("interval") ? JsonIn.int32(pattern.get("interval")) : 1;
        int month = pattern.has("month") ? JsonIn.int32(pattern.get("month")) : 0;
        int dayOfMonth = pattern.has("dayOfMonth") ? JsonIn.int32(pattern.get("dayOfMonth")) : 0;
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (pattern.has("daysOfWeek") && !pattern.get("daysOfWeek").isNull()) {
            for (JsonNode day : pattern.get("daysOfWeek")) {
                days.add(JsonIn.enumeration(day, DayOfWeek.class, "microsoft.graph.dayOfWeek"));
            }
        }
        DayOfWeek firstDay = pattern.has("firstDayOfWeek") && !pattern.get("firstDayOfWeek").isNull()
                ? JsonIn.enumeration(pattern.get("firstDayOfWeek"), DayOfWeek.class, "microsoft.graph.dayOfWeek") : DayOfWeek.SUNDAY;
        Recurrence.WeekIndex index = pattern.has("index") && !pattern.get("index").isNull()
                ? JsonIn.enumeration(pattern.get("index"), Recurrence.WeekIndex.class, "microsoft.graph.weekIndex") : null;
        Recurrence.RangeType rangeType = JsonIn.enumeration(range.get("type"), Recurrence.RangeType.class,
                "microsoft.graph.recurrenceRangeType");
        LocalDate startDate = JsonIn.date(range.get("startDate"));
        LocalDate endDate = range.has("endDate") ? JsonIn.date(range.get("endDate")) : null;
        if (endDate != null && endDate.getYear() == 1) {
            endDate = null;
        }
        int count = range.has("numberOfOccurrences") ? JsonIn.int32(range.get("numberOfOccurrences")) : 0;
        boolean yearly = type == Recurrence.Pattern.ABSOLUTE_YEARLY || type == Recurrence.Pattern.RELATIVE_YEARLY;
        if (yearly && (month < 1 || month > 12)) {
            throw GraphException.badRequest("ErrorInvalidRequest", "A yearly recurrence needs a month from 1 to 12.");
        }
        if ((type == Recurrence.Pattern.ABSOLUTE_MONTHLY || type == Recurrence.Pattern.ABSOLUTE_YEARLY)
                && (dayOfMonth < 1 || dayOfMonth > 31)) {
            throw GraphException.badRequest("ErrorInvalidRequest", "An absolute recurrence needs a day of the month from 1 to 31.");
        }
        return new Recurrence(type, interval, days, dayOfMonth, yearly ? Month.of(month) : null, index, firstDay, rangeType,
                startDate, endDate, count);
    }
}
