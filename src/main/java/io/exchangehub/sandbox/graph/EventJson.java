package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.Recurrence;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.ShowAs;
import io.exchangehub.sandbox.store.TimeZones;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

/**
 * {@code microsoft.graph.event}: a single event or series master as stored, or one occurrence
 * of a series (type {@code occurrence}, or {@code exception} when changed, with its own id and
 * {@code seriesMasterId}). Times are written in the zone of {@code Prefer: outlook.timezone}.
 */
final class EventJson {

    static final String TYPE = "microsoft.graph.event";

    /** Every property of the type in v1.0. */
    static final Set<String> PROPERTIES = Set.of("id", "categories", "changeKey", "createdDateTime", "lastModifiedDateTime",
            "allowNewTimeProposals", "attendees", "body", "bodyPreview", "cancelledOccurrences", "end", "hasAttachments",
            "hideAttendees", "iCalUId", "importance", "isAllDay", "isCancelled", "isDraft", "isOnlineMeeting", "isOrganizer",
            "isReminderOn", "location", "locations", "onlineMeeting", "onlineMeetingProvider", "onlineMeetingUrl", "organizer",
            "originalEndTimeZone", "originalStart", "originalStartTimeZone", "recurrence", "reminderMinutesBeforeStart",
            "responseRequested", "responseStatus", "sensitivity", "seriesMasterId", "showAs", "start", "subject",
            "transactionId", "type", "webLink", "attachments", "calendar", "exceptionOccurrences", "extensions", "instances",
            "multiValueExtendedProperties", "singleValueExtendedProperties");

    private EventJson() {}

    /**
     * @param occurrence the event, or one occurrence of a series
     * @param asStored   write the event itself (a series master for a recurring one), not an occurrence
     */
    static ObjectNode write(Occurrence occurrence, boolean asStored, Projection p) {
        CalendarEvent e = occurrence.master();
        boolean instance = !asStored && !occurrence.isSingle();
        String id = instance ? occurrence.id() : e.id;
        String changeKey = instance ? occurrence.changeKey() : e.changeKey();
        ObjectNode node = GraphJson.NODES.objectNode();
        if (p.withType()) {
            node.put("@odata.type", "#" + TYPE);
        }
        node.put("@odata.etag", GraphJson.etag(changeKey));
        node.put("id", id);
        if (p.wants("createdDateTime")) {
            node.put("createdDateTime", GraphJson.instant(e.created));
        }
        if (p.wants("lastModifiedDateTime")) {
            Instant modified = instance && occurrence.override() != null ? occurrence.override().lastModified() : e.lastModified;
            node.put("lastModifiedDateTime", GraphJson.instant(modified));
        }
        if (p.wants("changeKey")) {
            node.put("changeKey", changeKey);
        }
        if (p.wants("categories")) {
            node.set("categories", GraphJson.strings(e.categories));
        }
        if (p.wants("transactionId")) {
            node.putNull("transactionId");
        }
        if (p.wants("originalStartTimeZone")) {
            node.put("originalStartTimeZone", TimeZones.windowsName(zone(e.startZone)));
        }
        if (p.wants("originalEndTimeZone")) {
            node.put("originalEndTimeZone", TimeZones.windowsName(zone(e.endZone != null ? e.endZone : e.startZone)));
        }
        if (p.wants("iCalUId")) {
            node.put("iCalUId", e.uid);
        }
        if (p.wants("reminderMinutesBeforeStart")) {
            node.put("reminderMinutesBeforeStart", e.reminderMinutesBeforeStart);
        }
        if (p.wants("isReminderOn")) {
            node.put("isReminderOn", e.reminderSet);
        }
        if (p.wants("hasAttachments")) {
            node.put("hasAttachments", e.hasAttachments());
        }
        if (p.wants("subject")) {
            node.put("subject", occurrence.subject());
        }
        if (p.wants("bodyPreview")) {
            node.put("bodyPreview", occurrence.body().preview());
        }
        if (p.wants("importance")) {
            node.put("importance", GraphJson.camel(e.importance));
        }
        if (p.wants("sensitivity")) {
            node.put("sensitivity", GraphJson.camel(e.sensitivity));
        }
        if (p.wants("isAllDay")) {
            node.put("isAllDay", e.allDay);
        }
        if (p.wants("isCancelled")) {
            node.put("isCancelled", e.cancelled);
        }
        if (p.wants("isOrganizer")) {
            node.put("isOrganizer", e.isOrganizer());
        }
        if (p.wants("responseRequested")) {
            node.put("responseRequested", e.responseRequested);
        }
        if (p.wants("seriesMasterId")) {
            if (instance) {
                node.put("seriesMasterId", e.id);
            } else {
                node.putNull("seriesMasterId");
            }
        }
        if (p.wants("showAs")) {
            node.put("showAs", e.showAs == ShowAs.NO_DATA ? "unknown" : GraphJson.camel(e.showAs));
        }
        if (p.wants("type")) {
            node.put("type", instance ? (occurrence.isException() ? "exception" : "occurrence")
                    : e.isRecurring() ? "seriesMaster" : "singleInstance");
        }
        if (p.wants("webLink")) {
            node.put("webLink", GraphJson.webLink(id, "ReadEvent"));
        }
        if (p.wants("onlineMeetingUrl")) {
            node.put("onlineMeetingUrl", e.onlineMeetingUrl);
        }
        if (p.wants("isOnlineMeeting")) {
            node.put("isOnlineMeeting", e.onlineMeeting);
        }
        if (p.wants("onlineMeetingProvider")) {
            node.put("onlineMeetingProvider", e.onlineMeeting ? "teamsForBusiness" : "unknown");
        }
        if (p.wants("allowNewTimeProposals")) {
            node.put("allowNewTimeProposals", e.allowNewTimeProposal);
        }
        if (p.wants("isDraft")) {
            node.put("isDraft", false);
        }
        if (p.wants("hideAttendees")) {
            node.put("hideAttendees", false);
        }
        if (instance && p.wants("originalStart")) {
            node.put("originalStart", GraphJson.instant(occurrence.originalStart()));
        }
        if (p.wants("responseStatus")) {
            node.set("responseStatus", status(e.myResponse, false, null));
        }
        if (p.wants("body")) {
            node.set("body", GraphJson.body(occurrence.body(), p.bodyType()));
        }
        Instant start = instance || occurrence.isSingle() ? occurrence.start() : e.start;
        Instant end = instance || occurrence.isSingle() ? occurrence.end() : e.end;
        if (p.wants("start")) {
            node.set("start", time(e, start, p.zone()));
        }
        if (p.wants("end")) {
            node.set("end", time(e, end, p.zone()));
        }
        if (p.wants("location")) {
            node.set("location", location(occurrence.location()));
        }
        if (p.wants("locations")) {
            ArrayNode locations = node.putArray("locations");
            if (!occurrence.location().isEmpty()) {
                locations.add(location(occurrence.location()));
            }
        }
        if (p.wants("recurrence")) {
            if (!instance && e.recurrence != null) {
                node.set("recurrence", recurrence(e.recurrence, zone(e.startZone)));
            } else {
                node.putNull("recurrence");
            }
        }
        if (p.wants("attendees")) {
            ArrayNode attendees = node.putArray("attendees");
            for (Attendee attendee : e.attendees) {
                ObjectNode a = attendees.addObject();
                a.put("type", GraphJson.camel(attendee.type()));
                a.set("status", status(attendee.response(), true, attendee.responseTime()));
                a.set("emailAddress", GraphJson.emailAddress(attendee.recipient()));
            }
        }
        if (p.wants("organizer")) {
            node.set("organizer", GraphJson.recipient(e.organizer != null ? e.organizer : e.mailbox.recipient()));
        }
        if (p.wants("onlineMeeting")) {
            if (e.onlineMeeting && e.onlineMeetingUrl != null) {
                node.putObject("onlineMeeting").put("joinUrl", e.onlineMeetingUrl);
            } else {
                node.putNull("onlineMeeting");
            }
        }
        return node;
    }

    private static ZoneId zone(ZoneId zone) {
        return zone == null ? ZoneId.of("UTC") : zone;
    }

    /** Timed events in the client's zone; all-day events at midnight of their own dates, whatever the zone. */
    private static ObjectNode time(CalendarEvent e, Instant at, Preferences.OutputZone zone) {
        if (e.allDay) {
            LocalDate date = LocalDate.ofInstant(at, zone(e.startZone));
            return GraphJson.dateTimeTimeZone(date.atStartOfDay(), zone.name());
        }
        return GraphJson.dateTimeTimeZone(at, zone);
    }

    static ObjectNode location(String displayName) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("displayName", displayName == null ? "" : displayName);
        node.put("locationType", "default");
        if (displayName != null && !displayName.isEmpty()) {
            node.put("uniqueId", displayName);
            node.put("uniqueIdType", "private");
        } else {
            node.put("uniqueIdType", "unknown");
        }
        return node;
    }

    /**
     * An answer as Graph spells it: the organizer's own item says {@code organizer}; an attendee
     * who has not answered is {@code none} in the organizer's list and {@code notResponded} on their own copy.
     */
    private static ObjectNode status(ResponseType response, boolean inAttendeeList, Instant time) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("response", switch (response) {
            case ORGANIZER -> "organizer";
            case ACCEPTED -> "accepted";
            case TENTATIVE -> "tentativelyAccepted";
            case DECLINED -> "declined";
            case NOT_RESPONDED -> inAttendeeList ? "none" : "notResponded";
            case UNKNOWN -> "none";
        });
        node.put("time", time == null ? GraphJson.NEVER : GraphJson.instant(time));
        return node;
    }

    static ObjectNode recurrence(Recurrence r, ZoneId zone) {
        ObjectNode node = GraphJson.NODES.objectNode();
        ObjectNode pattern = node.putObject("pattern");
        pattern.put("type", GraphJson.camel(r.pattern()));
        pattern.put("interval", r.interval());
        pattern.put("month", r.month() == null ? 0 : r.month().getValue());
        pattern.put("dayOfMonth", r.dayOfMonth());
        ArrayNode days = pattern.putArray("daysOfWeek");
        r.daysOfWeek().stream().sorted(Comparator.comparingInt(d -> d.getValue() % 7))
                .forEach(d -> days.add(day(d)));
        pattern.put("firstDayOfWeek", day(r.firstDayOfWeek()));
        pattern.put("index", GraphJson.camel(r.index() == null ? Recurrence.WeekIndex.FIRST : r.index()));
        ObjectNode range = node.putObject("range");
        range.put("type", switch (r.range()) {
            case END_DATE -> "endDate";
            case NUMBERED -> "numbered";
            case NO_END -> "noEnd";
        });
        range.put("startDate", r.startDate().toString());
        range.put("endDate", r.endDate() == null ? "0001-01-01" : r.endDate().toString());
        range.put("recurrenceTimeZone", TimeZones.windowsName(zone));
        range.put("numberOfOccurrences", r.numberOfOccurrences());
        return node;
    }

    static String day(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }
}
