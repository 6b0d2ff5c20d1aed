package io.exchangehub.component.msgraph.mapping;

import com.microsoft.graph.models.AttendeeType;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.Location;
import com.microsoft.graph.models.ResponseType;
import io.exchangehub.model.Attendee;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.EventDraft;
import io.exchangehub.model.ResponseStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Graph's events as the model's {@link CalendarEvent}; drafts as Graph's events. */
public final class EventMapper {

    /** What calendar views ask Graph for (no body: list views leave it null). */
    public static final String[] SUMMARY = {"id", "changeKey", "seriesMasterId", "type", "subject", "bodyPreview", "start", "end",
            "isAllDay", "location", "organizer", "attendees", "responseStatus", "showAs", "isCancelled", "isOnlineMeeting",
            "onlineMeeting", "onlineMeetingUrl", "recurrence", "categories", "importance", "sensitivity", "iCalUId",
            "isReminderOn", "reminderMinutesBeforeStart"};

    private EventMapper() {}

    /**
     * @param e    Graph's event
     * @param zone the zone its times are told in
     */
    public static CalendarEvent toModel(Event e, ZoneId zone) {
        CalendarEvent.Type type = e.getType() == null ? CalendarEvent.Type.SINGLE : switch (e.getType()) {
            case Occurrence -> CalendarEvent.Type.OCCURRENCE;
            case Exception -> CalendarEvent.Type.EXCEPTION;
            case SeriesMaster -> CalendarEvent.Type.SERIES_MASTER;
            case SingleInstance -> CalendarEvent.Type.SINGLE;
        };
        List<Attendee> attendees = new ArrayList<>();
        if (e.getAttendees() != null) {
            for (com.microsoft.graph.models.Attendee a : e.getAttendees()) {
                Attendee.Type kind = a.getType() == AttendeeType.Optional ? Attendee.Type.OPTIONAL
                        : a.getType() == AttendeeType.Resource ? Attendee.Type.RESOURCE : Attendee.Type.REQUIRED;
                ResponseStatus response = a.getStatus() == null ? ResponseStatus.NONE : response(a.getStatus().getResponse());
                attendees.add(new Attendee(Recipients.of(a.getEmailAddress()), kind, response,
                        a.getStatus() == null || a.getStatus().getTime() == null || response == ResponseStatus.NONE
                                || response == ResponseStatus.NOT_RESPONDED ? null : a.getStatus().getTime().toInstant()));
            }
        }
        String joinUrl = e.getOnlineMeeting() != null && e.getOnlineMeeting().getJoinUrl() != null ? e.getOnlineMeeting().getJoinUrl()
                : e.getOnlineMeetingUrl();
        Integer reminder = Boolean.FALSE.equals(e.getIsReminderOn()) ? null : e.getReminderMinutesBeforeStart();
        return new CalendarEvent(e.getId(), e.getChangeKey(), e.getSeriesMasterId(), type, e.getSubject(), Bodies.of(e.getBody()),
                e.getBodyPreview(), TimeZones.toModel(e.getStart(), zone), TimeZones.toModel(e.getEnd(), zone),
                Boolean.TRUE.equals(e.getIsAllDay()), e.getLocation() == null ? null : blankToNull(e.getLocation().getDisplayName()),
                Recipients.of(e.getOrganizer()), List.copyOf(attendees),
                e.getResponseStatus() == null ? ResponseStatus.NONE : response(e.getResponseStatus().getResponse()),
                Enums.of(e.getShowAs()), Boolean.TRUE.equals(e.getIsCancelled()), Boolean.TRUE.equals(e.getIsOnlineMeeting()), joinUrl,
                RecurrenceMapper.toModel(e.getRecurrence()), e.getCategories() == null ? List.of() : List.copyOf(e.getCategories()),
                Enums.of(e.getImportance()), Enums.of(e.getSensitivity()), e.getICalUId(), reminder);
    }

    /** The properties a draft sets (for a create or a patch), and no others. */
    public static Event toGraph(EventDraft d) {
        Event e = new Event();
        if (d.subject() != null) {
            e.setSubject(d.subject());
        }
        if (d.body() != null) {
            e.setBody(Bodies.toGraph(d.body()));
        }
        if (d.start() != null) {
            e.setStart(TimeZones.toGraph(d.start()));
        }
        if (d.end() != null) {
            e.setEnd(TimeZones.toGraph(d.end()));
        }
        if (d.isAllDay() != null) {
            e.setIsAllDay(d.isAllDay());
        }
        if (d.location() != null) {
            Location location = new Location();
            location.setDisplayName(d.location());
            e.setLocation(location);
        }
        if (d.attendees() != null) {
            List<com.microsoft.graph.models.Attendee> attendees = new ArrayList<>();
            for (Attendee a : d.attendees()) {
                com.microsoft.graph.models.Attendee attendee = new com.microsoft.graph.models.Attendee();
                attendee.setEmailAddress(Recipients.address(a.recipient()));
                attendee.setType(switch (a.type() == null ? Attendee.Type.REQUIRED : a.type()) {
                    case OPTIONAL -> AttendeeType.Optional;
                    case RESOURCE -> AttendeeType.Resource;
                    case REQUIRED -> AttendeeType.Required;
                });
                attendees.add(attendee);
            }
            e.setAttendees(attendees);
        }
        if (d.recurrence() != null) {
            ZoneId zone = d.start() != null ? TimeZones.zone(d.start().timeZone()) : java.time.ZoneOffset.UTC;
            e.setRecurrence(RecurrenceMapper.toGraph(d.recurrence(), zone));
        }
        if (d.showAs() != null) {
            e.setShowAs(Enums.toGraph(d.showAs()));
        }
        if (d.importance() != null) {
            e.setImportance(Enums.toGraph(d.importance()));
        }
        if (d.sensitivity() != null) {
            e.setSensitivity(Enums.toGraph(d.sensitivity()));
        }
        if (d.categories() != null) {
            e.setCategories(List.copyOf(d.categories()));
        }
        if (d.reminderMinutesBeforeStart() != null) {
            e.setIsReminderOn(true);
            e.setReminderMinutesBeforeStart(d.reminderMinutesBeforeStart());
        }
        if (d.isOnlineMeeting() != null) {
            e.setIsOnlineMeeting(d.isOnlineMeeting());
        }
        return e;
    }

    private static ResponseStatus response(ResponseType type) {
        if (type == null) {
            return ResponseStatus.NONE;
        }
        return switch (type) {
            case Organizer -> ResponseStatus.ORGANIZER;
            case Accepted -> ResponseStatus.ACCEPTED;
            case TentativelyAccepted -> ResponseStatus.TENTATIVE;
            case Declined -> ResponseStatus.DECLINED;
            case NotResponded -> ResponseStatus.NOT_RESPONDED;
            case None -> ResponseStatus.NONE;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
