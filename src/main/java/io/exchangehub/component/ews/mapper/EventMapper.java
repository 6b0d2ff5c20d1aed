package io.exchangehub.component.ews.mapper;

import io.exchangehub.component.ews.client.EwsTimes;
import io.exchangehub.model.Attendee;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.DateTimeZone;
import io.exchangehub.model.Recurrence;
import io.exchangehub.model.ResponseStatus;
import io.exchangehub.model.Sensitivity;
import io.exchangehub.model.ShowAs;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import microsoft.exchange.webservices.data.core.enumeration.property.LegacyFreeBusyStatus;
import microsoft.exchange.webservices.data.core.enumeration.property.MeetingResponseType;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeekIndex;
import microsoft.exchange.webservices.data.core.enumeration.property.time.Month;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AppointmentType;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.property.complex.AttendeeCollection;
import microsoft.exchange.webservices.data.property.complex.time.TimeZoneDefinition;

/**
 * EWS calendar items as the model's {@link CalendarEvent}, times in a requested IANA zone.
 *
 * <p>All-day events keep their dates: Exchange stores them from midnight to midnight in the
 * zone they were made in, so they are read on that zone's calendar and given as midnight of the
 * same dates in the requested zone (as Graph does). An occurrence does not name its series
 * master, and the online meeting URL ({@code JoinOnlineMeetingUrl}) and the preview
 * ({@code item:Preview}) are Exchange 2013 schema, newer than ews-java-api speaks: they are null
 * here and added by {@link #with} from {@link io.exchangehub.component.ews.client.ItemDetails}, as
 * are a list view's attendees, which FindItem (CalendarView) cannot return.
 */
public final class EventMapper {

    private EventMapper() {}

    public static CalendarEvent event(Appointment item, ZoneId zone, boolean whole) {
        boolean allDay = Values.flag(item::getIsAllDayEvent);
        ZoneId own = ownZone(item, zone);
        AppointmentType type = Values.get(item::getAppointmentType);
        Integer reminder = Values.flag(item::getIsReminderSet) ? Values.get(item::getReminderMinutesBeforeStart) : null;
        io.exchangehub.model.Body body = whole ? MessageMapper.body(Values.get(item::getBody)) : null;
        return new CalendarEvent(
                Values.get(() -> item.getId().getUniqueId()),
                Values.get(() -> item.getId().getChangeKey()),
                null,
                type(type),
                Values.get(item::getSubject),
                body,
                body == null ? null : MessageMapper.preview(body),
                time(Values.get(item::getStart), zone, own, allDay),
                time(Values.get(item::getEnd), zone, own, allDay),
                allDay,
                Values.get(item::getLocation),
                RecipientMapper.recipient(Values.get(item::getOrganizer)),
                whole ? attendees(item) : List.of(),
                response(Values.get(item::getMyResponseType)),
                showAs(Values.get(item::getLegacyFreeBusyStatus)),
                Values.flag(item::getIsCancelled),
                Values.flag(item::getIsOnlineMeeting),
                null,
                type == AppointmentType.RecurringMaster ? recurrence(item, own) : null,
                Values.strings(item::getCategories),
                MessageMapper.importance(Values.get(item::getImportance)),
                sensitivity(Values.get(item::getSensitivity)),
                Values.get(item::getICalUid),
                reminder);
    }

    /** An event with its series master's id, its online meeting's join URL, its attendees and its preview. */
    public static CalendarEvent with(CalendarEvent e, String seriesMasterId, String onlineMeetingUrl, List<Attendee> attendees,
            String preview) {
        return new CalendarEvent(e.id(), e.changeKey(), seriesMasterId, e.type(), e.subject(), e.body(), preview, e.start(),
                e.end(), e.isAllDay(), e.location(), e.organizer(), attendees, e.myResponse(), e.showAs(), e.isCancelled(),
                e.isOnlineMeeting(), onlineMeetingUrl, e.recurrence(), e.categories(), e.importance(), e.sensitivity(), e.iCalUid(),
                e.reminderMinutesBeforeStart());
    }

    private static ZoneId ownZone(Appointment item, ZoneId fallback) {
        TimeZoneDefinition definition = Values.get(item::getStartTimeZone);
        return definition == null || definition.id == null ? fallback : EwsTimes.ianaZone(definition.id);
    }

    private static DateTimeZone time(Date date, ZoneId zone, ZoneId own, boolean allDay) {
        if (date == null) {
            return null;
        }
        Instant instant = date.toInstant();
        if (allDay) {
            LocalDate day = instant.atZone(own).toLocalDate();
            return new DateTimeZone(day.atStartOfDay(), zone.getId());
        }
        return DateTimeZone.of(instant, zone);
    }

    private static List<Attendee> attendees(Appointment item) {
        List<Attendee> attendees = new ArrayList<>();
        add(attendees, Values.get(item::getRequiredAttendees), Attendee.Type.REQUIRED);
        add(attendees, Values.get(item::getOptionalAttendees), Attendee.Type.OPTIONAL);
        add(attendees, Values.get(item::getResources), Attendee.Type.RESOURCE);
        return List.copyOf(attendees);
    }

    private static void add(List<Attendee> target, AttendeeCollection attendees, Attendee.Type type) {
        if (attendees != null) {
            attendees.forEach(a -> target.add(new Attendee(RecipientMapper.recipient(a), type, response(a.getResponseType()),
                    EwsTimes.instant(a.getLastResponseTime()))));
        }
    }

    static CalendarEvent.Type type(AppointmentType type) {
        if (type == null) {
            return CalendarEvent.Type.SINGLE;
        }
        return switch (type) {
            case Occurrence -> CalendarEvent.Type.OCCURRENCE;
            case Exception -> CalendarEvent.Type.EXCEPTION;
            case RecurringMaster -> CalendarEvent.Type.SERIES_MASTER;
            case Single -> CalendarEvent.Type.SINGLE;
        };
    }

    public static ResponseStatus response(MeetingResponseType type) {
        if (type == null) {
            return ResponseStatus.NONE;
        }
        return switch (type) {
            case Organizer -> ResponseStatus.ORGANIZER;
            case Accept -> ResponseStatus.ACCEPTED;
            case Tentative -> ResponseStatus.TENTATIVE;
            case Decline -> ResponseStatus.DECLINED;
            case NoResponseReceived -> ResponseStatus.NOT_RESPONDED;
            case Unknown -> ResponseStatus.NONE;
        };
    }

    static ShowAs showAs(LegacyFreeBusyStatus status) {
        if (status == null) {
            return ShowAs.UNKNOWN;
        }
        return switch (status) {
            case Free -> ShowAs.FREE;
            case Tentative -> ShowAs.TENTATIVE;
            case Busy -> ShowAs.BUSY;
            case OOF -> ShowAs.OOF;
            case NoData -> ShowAs.UNKNOWN;
        };
    }

    public static LegacyFreeBusyStatus freeBusy(ShowAs showAs) {
        return switch (showAs) {
            case FREE -> LegacyFreeBusyStatus.Free;
            case TENTATIVE -> LegacyFreeBusyStatus.Tentative;
            case OOF -> LegacyFreeBusyStatus.OOF;
            case UNKNOWN -> LegacyFreeBusyStatus.NoData;
            case BUSY, WORKING_ELSEWHERE -> LegacyFreeBusyStatus.Busy;
        };
    }

    static Sensitivity sensitivity(microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity sensitivity) {
        if (sensitivity == null) {
            return Sensitivity.NORMAL;
        }
        return switch (sensitivity) {
            case Personal -> Sensitivity.PERSONAL;
            case Private -> Sensitivity.PRIVATE;
            case Confidential -> Sensitivity.CONFIDENTIAL;
            case Normal -> Sensitivity.NORMAL;
        };
    }

    public static microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity sensitivity(Sensitivity sensitivity) {
        return microsoft.exchange.webservices.data.core.enumeration.property.Sensitivity.valueOf(
                sensitivity.name().charAt(0) + sensitivity.name().substring(1).toLowerCase(java.util.Locale.ROOT));
    }

    private static Recurrence recurrence(Appointment item, ZoneId own) {
        microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence recurrence =
                Values.get(item::getRecurrence);
        if (recurrence == null) {
            return null;
        }
        Recurrence.Pattern pattern;
        int interval = 1;
        List<DayOfWeek> days = new ArrayList<>();
        int dayOfMonth = 0;
        int month = 0;
        Recurrence.WeekIndex index = null;
        DayOfWeek firstDay = null;
        if (recurrence instanceof microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.WeeklyPattern w) {
            pattern = Recurrence.Pattern.WEEKLY;
            interval = w.getInterval();
            w.getDaysOfTheWeek().forEach(d -> days.addAll(days(d)));
            firstDay = Values.get(() -> w.getFirstDayOfWeek() == null ? null
                    : DayOfWeek.of(((w.getFirstDayOfWeek().get(java.util.Calendar.DAY_OF_WEEK) + 5) % 7) + 1));
        } else if (recurrence instanceof microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.DailyPattern d) {
            pattern = Recurrence.Pattern.DAILY;
            interval = d.getInterval();
        } else if (recurrence instanceof microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.MonthlyPattern m) {
            pattern = Recurrence.Pattern.ABSOLUTE_MONTHLY;
            interval = m.getInterval();
            dayOfMonth = Values.get(m::getDayOfMonth);
        } else if (recurrence instanceof microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.RelativeMonthlyPattern r) {
            pattern = Recurrence.Pattern.RELATIVE_MONTHLY;
            interval = r.getInterval();
            days.addAll(days(Values.get(r::getDayOfTheWeek)));
            index = index(Values.get(r::getDayOfTheWeekIndex));
        } else if (recurrence instanceof microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.YearlyPattern y) {
            pattern = Recurrence.Pattern.ABSOLUTE_YEARLY;
            dayOfMonth = Values.get(y::getDayOfMonth);
            month = Values.get(y::getMonth).ordinal() + 1;
        } else if (recurrence instanceof microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence.RelativeYearlyPattern y) {
            pattern = Recurrence.Pattern.RELATIVE_YEARLY;
            days.addAll(days(Values.get(y::getDayOfTheWeek)));
            index = index(Values.get(y::getDayOfTheWeekIndex));
            month = Values.get(y::getMonth).ordinal() + 1;
        } else {
            return null;
        }
        Recurrence.RangeType range = !recurrence.hasEnd() ? Recurrence.RangeType.NO_END
                : recurrence.getNumberOfOccurrences() != null ? Recurrence.RangeType.NUMBERED : Recurrence.RangeType.END_DATE;
        Date end = recurrence.getEndDate();
        return new Recurrence(pattern, interval, List.copyOf(days), dayOfMonth, month, index, firstDay, range,
                localDate(Values.get(recurrence::getStartDate)), range == Recurrence.RangeType.END_DATE && end != null ? localDate(end) : null,
                range == Recurrence.RangeType.NUMBERED ? recurrence.getNumberOfOccurrences() : 0, own.getId());
    }

    /** ews-java-api reads and writes recurrence dates as UTC midnights. */
    static LocalDate localDate(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    public static Date date(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static List<DayOfWeek> days(DayOfTheWeek day) {
        if (day == null) {
            return List.of();
        }
        return switch (day) {
            case Day -> List.of(DayOfWeek.values());
            case Weekday -> List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
            case WeekendDay -> List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            case Sunday -> List.of(DayOfWeek.SUNDAY);
            default -> List.of(DayOfWeek.valueOf(day.name().toUpperCase(java.util.Locale.ROOT)));
        };
    }

    public static DayOfTheWeek day(DayOfWeek day) {
        String name = day.name();
        return DayOfTheWeek.valueOf(name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT));
    }

    private static Recurrence.WeekIndex index(DayOfTheWeekIndex index) {
        return index == null ? null : Recurrence.WeekIndex.valueOf(index.name().toUpperCase(java.util.Locale.ROOT));
    }

    public static DayOfTheWeekIndex index(Recurrence.WeekIndex index) {
        String name = index.name();
        return DayOfTheWeekIndex.valueOf(name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT));
    }

    public static Month month(int month) {
        return Month.values()[month - 1];
    }
}
