package io.exchangehub.model;

import java.util.List;

/**
 * A calendar item or one occurrence of a series, with times in a requested zone.
 *
 * @param id                the item's or occurrence's id
 * @param changeKey         its version
 * @param seriesMasterId    for an occurrence or exception, the series master's id; else null
 * @param type              single, occurrence, exception, or series master
 * @param subject           subject
 * @param body              body (null in list views)
 * @param preview           the first characters of the body's text
 * @param start             start, in the requested zone
 * @param end               end, in the requested zone
 * @param isAllDay          whether it spans whole days
 * @param location          where
 * @param organizer         who organises it
 * @param attendees         who is invited
 * @param myResponse        the mailbox owner's answer (ORGANIZER for their own meetings)
 * @param showAs            free/busy status
 * @param isCancelled       whether the organizer cancelled it
 * @param isOnlineMeeting   whether it is an online meeting
 * @param onlineMeetingUrl  its join URL, or null
 * @param recurrence        a series master's pattern, else null
 * @param categories        categories
 * @param importance        importance
 * @param sensitivity       sensitivity
 * @param iCalUid           the iCalendar UID every attendee's copy shares
 * @param reminderMinutesBeforeStart the reminder, or null when none
 */
public record CalendarEvent(String id, String changeKey, String seriesMasterId, Type type, String subject, Body body,
        String preview, DateTimeZone start, DateTimeZone end, boolean isAllDay, String location, Recipient organizer,
        List<Attendee> attendees, ResponseStatus myResponse, ShowAs showAs, boolean isCancelled, boolean isOnlineMeeting,
        String onlineMeetingUrl, Recurrence recurrence, List<String> categories, Importance importance, Sensitivity sensitivity,
        String iCalUid, Integer reminderMinutesBeforeStart) {

    public enum Type { SINGLE, OCCURRENCE, EXCEPTION, SERIES_MASTER }
}
