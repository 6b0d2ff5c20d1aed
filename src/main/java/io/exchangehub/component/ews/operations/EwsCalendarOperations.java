package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.ews.EwsSession;
import io.exchangehub.component.ews.client.EwsTimes;
import io.exchangehub.component.ews.client.ItemDetails;
import io.exchangehub.component.ews.mapper.EventMapper;
import io.exchangehub.component.ews.mapper.MessageMapper;
import io.exchangehub.model.Attendee;
import io.exchangehub.model.Body;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.DateTimeZone;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.EventDraft;
import io.exchangehub.model.EventResponse;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.Recurrence;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.response.CalendarResponseMessage;
import microsoft.exchange.webservices.data.core.service.schema.AppointmentSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.StringList;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.DailyPattern;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.MonthlyPattern;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.RelativeMonthlyPattern;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.RelativeYearlyPattern;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.WeeklyPattern;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.YearlyPattern;
import microsoft.exchange.webservices.data.property.complex.time.TimeZoneDefinition;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindItemsResults;

/**
 * Calendar: occurrences in a window (CalendarView, series expanded by Exchange), reading,
 * creating (attendees get invitations), changing, deleting, cancelling and answering meetings.
 * Times come back in the requested IANA zone; a new item's zone is its start's, given to
 * Exchange as its Windows name so that a series keeps its wall-clock time across DST changes.
 */
public final class EwsCalendarOperations {

    private static final int MAX_OCCURRENCES = 1000;

    private static final PropertySet VIEW_PROPERTIES = new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject,
            AppointmentSchema.Start, AppointmentSchema.End, AppointmentSchema.IsAllDayEvent, AppointmentSchema.Location,
            AppointmentSchema.Organizer, AppointmentSchema.MyResponseType, AppointmentSchema.LegacyFreeBusyStatus,
            AppointmentSchema.IsCancelled, AppointmentSchema.AppointmentType, ItemSchema.Categories, ItemSchema.Importance,
            ItemSchema.Sensitivity, AppointmentSchema.ICalUid, ItemSchema.IsReminderSet, ItemSchema.ReminderMinutesBeforeStart,
            AppointmentSchema.StartTimeZone, AppointmentSchema.IsOnlineMeeting);

    /** What a list page reads of every event in its details GetItem. */
    private static final Set<ItemDetails.Field> LISTED_DETAILS = EnumSet.of(ItemDetails.Field.ATTENDEES,
            ItemDetails.Field.PREVIEW);

    private EwsCalendarOperations() {}

    public static EwsResult list(EwsSession session) {
        Instant start = session.header(EwsConstants.START, Instant.class);
        Instant end = session.header(EwsConstants.END, Instant.class);
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidRequestException("A calendar view needs CamelEwsStart before CamelEwsEnd", null, null);
        }
        ZoneId zone = session.zone();
        FolderId folder = session.folderOf(EwsConstants.FOLDER_ID, "calendar");
        List<CalendarEvent> events = session.call(null, service -> {
            CalendarView view = new CalendarView(EwsTimes.date(start), EwsTimes.date(end), MAX_OCCURRENCES);
            view.setPropertySet(VIEW_PROPERTIES);
            FindItemsResults<Appointment> results = service.findAppointments(folder, view);
            List<CalendarEvent> found = new ArrayList<>();
            for (Appointment appointment : results) {
                found.add(EventMapper.event(appointment, zone, false));
            }
            return List.copyOf(found);
        });
        return EwsResult.of(session.config().isListDetails() ? detailedEvents(session, events, true) : events);
    }

    /**
     * Events completed, in one GetItem, by what EWS gives only at the Exchange 2013 level, only on
     * an item of their own or only through their master. Every event of a list page ({@code listed})
     * is read for its attendees and preview: a CalendarView returns neither, and an occurrence's id
     * names that occurrence, whose attendees and preview Exchange answers with (an exception's are
     * its own). Only when some event needs it: an occurrence's or exception's series master (a
     * {@code t:RecurringMasterItemId} per series, as its occurrences share its UID) and an online
     * meeting's join URL, from its own item where it is read, else, for an occurrence, from its
     * master (Exchange keeps an unchanged occurrence's properties on the master). Events that fail
     * there keep what they had.
     */
    private static List<CalendarEvent> detailedEvents(EwsSession session, List<CalendarEvent> events, boolean listed) {
        List<ItemDetails.Ref> refs = new ArrayList<>();
        Map<String, Integer> masterBySeries = new HashMap<>();
        int[] master = new int[events.size()];
        int[] own = new int[events.size()];
        boolean online = false;
        for (int i = 0; i < events.size(); i++) {
            CalendarEvent event = events.get(i);
            boolean ofSeries = event.type() == CalendarEvent.Type.OCCURRENCE || event.type() == CalendarEvent.Type.EXCEPTION;
            master[i] = -1;
            own[i] = -1;
            if (ofSeries) {
                String series = event.iCalUid() != null ? event.iCalUid() : event.id();
                Integer known = masterBySeries.get(series);
                if (known == null) {
                    known = refs.size();
                    refs.add(ItemDetails.Ref.masterOf(event.id()));
                    masterBySeries.put(series, known);
                }
                master[i] = known;
            }
            online |= event.isOnlineMeeting();
            if (listed || event.isOnlineMeeting() && event.type() != CalendarEvent.Type.OCCURRENCE) {
                own[i] = refs.size();
                refs.add(ItemDetails.Ref.item(event.id()));
            }
        }
        if (refs.isEmpty()) {
            return events;
        }
        Set<ItemDetails.Field> fields = EnumSet.noneOf(ItemDetails.Field.class);
        if (listed) {
            fields.addAll(LISTED_DETAILS);
        }
        if (online) {
            fields.add(ItemDetails.Field.JOIN_ONLINE_MEETING_URL);
        }
        List<ItemDetails.Details> details = ItemDetails.read(session.client(), session.access(), session.credentials(), refs,
                fields);
        List<CalendarEvent> completed = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            CalendarEvent event = events.get(i);
            ItemDetails.Details series = master[i] < 0 || !details.get(master[i]).ok() ? null : details.get(master[i]);
            ItemDetails.Details self = own[i] < 0 || !details.get(own[i]).ok() ? null : details.get(own[i]);
            completed.add(EventMapper.with(event, series != null ? series.id() : event.seriesMasterId(),
                    joinUrl(event, self, series), self != null && self.attendees() != null ? self.attendees() : event.attendees(),
                    self != null && self.preview() != null ? self.preview() : event.preview()));
        }
        return List.copyOf(completed);
    }

    /** An online meeting's join URL: its own item's, else an occurrence's master's, else what it had. */
    private static String joinUrl(CalendarEvent event, ItemDetails.Details self, ItemDetails.Details series) {
        if (!event.isOnlineMeeting()) {
            return event.onlineMeetingUrl();
        }
        if (self != null && self.joinUrl() != null) {
            return self.joinUrl();
        }
        if (event.type() == CalendarEvent.Type.OCCURRENCE && series != null && series.joinUrl() != null) {
            return series.joinUrl();
        }
        return event.onlineMeetingUrl();
    }

    public static EwsResult get(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        Body.ContentType type = session.header(EwsConstants.BODY_TYPE, session.config().getBodyType(), Body.ContentType.class);
        ZoneId zone = session.zone();
        return EwsResult.of(detailedEvent(session, session.call(id, service -> read(service, id, type, zone))));
    }

    /**
     * One event read whole (with its attendees), completed as a list's are for its master and its join
     * URL, at most one more call and only for an occurrence, an exception or an online meeting.
     */
    private static CalendarEvent detailedEvent(EwsSession session, CalendarEvent event) {
        return detailedEvents(session, List.of(event), false).get(0);
    }

    private static CalendarEvent read(ExchangeService service, String id, Body.ContentType type, ZoneId zone) throws Exception {
        PropertySet properties = new PropertySet(BasePropertySet.FirstClassProperties, AppointmentSchema.StartTimeZone,
                AppointmentSchema.Recurrence, AppointmentSchema.RequiredAttendees, AppointmentSchema.OptionalAttendees,
                AppointmentSchema.Resources, AppointmentSchema.ICalUid, AppointmentSchema.IsOnlineMeeting);
        properties.setRequestedBodyType(type == Body.ContentType.TEXT ? BodyType.Text : BodyType.HTML);
        return EventMapper.event(Appointment.bind(service, EwsSession.itemId(id), properties), zone, true);
    }

    public static EwsResult create(EwsSession session) {
        EventDraft draft = session.body(EventDraft.class);
        if (draft.start() == null || draft.end() == null) {
            throw new InvalidRequestException("A new event needs a start and an end", null, null);
        }
        ZoneId zone = session.zone();
        FolderId folder = session.folderOf(EwsConstants.FOLDER_ID, "calendar");
        return EwsResult.of(detailedEvent(session, session.call(null, service -> {
            Appointment appointment = new Appointment(service);
            apply(draft, appointment);
            boolean invite = draft.attendees() != null && !draft.attendees().isEmpty();
            appointment.save(folder, invite ? SendInvitationsMode.SendToAllAndSaveCopy : SendInvitationsMode.SendToNone);
            return read(service, appointment.getId().getUniqueId(), session.config().getBodyType(), zone);
        })));
    }

    public static EwsResult update(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        EventDraft draft = session.body(EventDraft.class);
        String changeKey = session.header(EwsConstants.CHANGE_KEY, String.class);
        ZoneId zone = session.zone();
        return EwsResult.of(detailedEvent(session, session.call(id, service -> {
            Appointment appointment = Appointment.bind(service, EwsSession.itemId(id), PropertySet.getIdOnly());
            if (changeKey != null) {
                appointment.getId().setChangeKey(changeKey);
            }
            apply(draft, appointment);
            appointment.update(changeKey != null ? ConflictResolutionMode.NeverOverwrite : ConflictResolutionMode.AutoResolve,
                    SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy);
            return read(service, appointment.getId().getUniqueId(), session.config().getBodyType(), zone);
        })));
    }

    public static EwsResult delete(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        DeleteMode mode = session.header(EwsConstants.DELETE_MODE, DeleteMode.MOVE_TO_DELETED_ITEMS, DeleteMode.class);
        session.call(id, service -> {
            Appointment.bind(service, EwsSession.itemId(id), PropertySet.getIdOnly()).delete(EwsMessageOperations.deleteMode(mode),
                    SendCancellationsMode.SendToAllAndSaveCopy);
            return null;
        });
        return EwsResult.of(null);
    }

    /** The organizer cancels a meeting: the attendees get the cancellation, with the comment. */
    public static EwsResult cancel(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        String comment = session.header(EwsConstants.COMMENT, String.class);
        session.call(id, service -> {
            Appointment appointment = Appointment.bind(service, EwsSession.itemId(id), PropertySet.getIdOnly());
            if (comment == null) {
                appointment.cancelMeeting();
            } else {
                appointment.cancelMeeting(comment);
            }
            return null;
        });
        return EwsResult.of(null);
    }

    public static EwsResult respond(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        EventResponse response = session.body(EventResponse.class);
        session.call(id, service -> {
            Appointment appointment = Appointment.bind(service, EwsSession.itemId(id), PropertySet.getIdOnly());
            CalendarResponseMessage<?> message = switch (response.response()) {
                case ACCEPTED -> appointment.createAcceptMessage(false);
                case TENTATIVE -> appointment.createAcceptMessage(true);
                case DECLINED -> appointment.createDeclineMessage();
                default -> throw new InvalidRequestException("A response is ACCEPTED, TENTATIVE or DECLINED", null, id);
            };
            if (response.comment() != null) {
                message.setBody(new MessageBody(BodyType.Text, response.comment()));
            }
            if (response.sendResponse()) {
                message.calendarSendAndSaveCopy();
            } else {
                message.calendarSave();
            }
            return null;
        });
        return EwsResult.of(null);
    }

    /** Writes a draft's fields onto an appointment; a null field stays as it is. */
    private static void apply(EventDraft draft, Appointment appointment) throws Exception {
        if (draft.subject() != null) {
            appointment.setSubject(draft.subject());
        }
        if (draft.body() != null) {
            appointment.setBody(MessageMapper.body(draft.body()));
        }
        boolean allDay = Boolean.TRUE.equals(draft.isAllDay());
        if (draft.isAllDay() != null) {
            appointment.setIsAllDayEvent(allDay);
        }
        if (draft.start() != null) {
            appointment.setStart(EwsTimes.date(instant(draft.start(), allDay)));
            appointment.setStartTimeZone(definition(ZoneId.of(draft.start().timeZone())));
        }
        if (draft.end() != null) {
            appointment.setEnd(EwsTimes.date(instant(draft.end(), allDay)));
            appointment.setEndTimeZone(definition(ZoneId.of(draft.end().timeZone())));
        }
        if (draft.location() != null) {
            appointment.setLocation(draft.location());
        }
        if (draft.attendees() != null) {
            appointment.getRequiredAttendees().clear();
            appointment.getOptionalAttendees().clear();
            appointment.getResources().clear();
            for (Attendee attendee : draft.attendees()) {
                microsoft.exchange.webservices.data.property.complex.Attendee ews =
                        new microsoft.exchange.webservices.data.property.complex.Attendee(
                                attendee.recipient().name().isEmpty() ? null : attendee.recipient().name(),
                                attendee.recipient().address());
                switch (attendee.type() == null ? Attendee.Type.REQUIRED : attendee.type()) {
                    case REQUIRED -> appointment.getRequiredAttendees().add(ews);
                    case OPTIONAL -> appointment.getOptionalAttendees().add(ews);
                    case RESOURCE -> appointment.getResources().add(ews);
                }
            }
        }
        if (draft.recurrence() != null) {
            appointment.setRecurrence(recurrence(draft.recurrence()));
        }
        if (draft.showAs() != null) {
            appointment.setLegacyFreeBusyStatus(EventMapper.freeBusy(draft.showAs()));
        }
        if (draft.importance() != null) {
            appointment.setImportance(MessageMapper.importance(draft.importance()));
        }
        if (draft.sensitivity() != null) {
            appointment.setSensitivity(EventMapper.sensitivity(draft.sensitivity()));
        }
        if (draft.categories() != null) {
            appointment.setCategories(new StringList(draft.categories()));
        }
        if (draft.reminderMinutesBeforeStart() != null) {
            appointment.setIsReminderSet(true);
            appointment.setReminderMinutesBeforeStart(draft.reminderMinutesBeforeStart());
        }
        if (draft.isOnlineMeeting() != null) {
            appointment.setIsOnlineMeeting(draft.isOnlineMeeting());
        }
    }

    /** An all-day event runs from midnight to midnight of its dates, in its own zone. */
    private static Instant instant(DateTimeZone time, boolean allDay) {
        if (allDay) {
            return time.dateTime().toLocalDate().atStartOfDay(ZoneId.of(time.timeZone())).toInstant();
        }
        return time.toInstant();
    }

    /**
     * A time zone by its Windows name only. Exchange resolves a definition by its Id and applies
     * its own rules for every year; ews-java-api's {@code OlsonTimeZoneDefinition} would instead
     * send one year's offsets as if they held for all time.
     */
    static TimeZoneDefinition definition(ZoneId zone) {
        TimeZoneDefinition definition = new TimeZoneDefinition() {
            @Override
            public void validate() {
                // periods and transitions are Exchange's to know; an Id alone is a valid reference
            }
        };
        definition.id = EwsTimes.windowsZone(zone);
        definition.name = definition.id;
        return definition;
    }

    private static microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence recurrence(Recurrence r)
            throws Exception {
        java.util.Date start = EventMapper.date(r.startDate());
        int interval = Math.max(1, r.interval());
        microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence pattern = switch (r.pattern()) {
            case DAILY -> new DailyPattern(start, interval);
            case WEEKLY -> new WeeklyPattern(start, interval, r.daysOfWeek().stream().map(EventMapper::day)
                    .toArray(DayOfTheWeek[]::new));
            case ABSOLUTE_MONTHLY -> new MonthlyPattern(start, interval, r.dayOfMonth());
            case RELATIVE_MONTHLY -> new RelativeMonthlyPattern(start, interval, day(r), EventMapper.index(r.index()));
            case ABSOLUTE_YEARLY -> new YearlyPattern(start, EventMapper.month(r.month()), r.dayOfMonth());
            case RELATIVE_YEARLY -> new RelativeYearlyPattern(start, EventMapper.month(r.month()), day(r),
                    EventMapper.index(r.index()));
        };
        switch (r.range() == null ? Recurrence.RangeType.NO_END : r.range()) {
            case END_DATE -> pattern.setEndDate(EventMapper.date(r.endDate()));
            case NUMBERED -> pattern.setNumberOfOccurrences(r.numberOfOccurrences());
            case NO_END -> pattern.neverEnds();
        }
        return pattern;
    }

    private static DayOfTheWeek day(Recurrence r) {
        if (r.daysOfWeek() == null || r.daysOfWeek().size() != 1) {
            throw new InvalidRequestException("A relative pattern needs exactly one day of the week", null, null);
        }
        return EventMapper.day(r.daysOfWeek().get(0));
    }
}
