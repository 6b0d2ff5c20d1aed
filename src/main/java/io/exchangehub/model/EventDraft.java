package io.exchangehub.model;

import java.util.List;

/**
 * A calendar item to create, or changes to one (then a null field stays as it is).
 *
 * @param subject          subject
 * @param body             body
 * @param start            start, with its zone
 * @param end              end, with its zone
 * @param isAllDay         whether it spans whole days
 * @param location         where
 * @param attendees        who to invite (their responses are ignored)
 * @param recurrence       a series' pattern, or null for a single item
 * @param showAs           free/busy status
 * @param importance       importance
 * @param sensitivity      sensitivity
 * @param categories       categories
 * @param reminderMinutesBeforeStart the reminder, or null
 * @param isOnlineMeeting  whether to make it an online meeting
 */
public record EventDraft(String subject, Body body, DateTimeZone start, DateTimeZone end, Boolean isAllDay, String location,
        List<Attendee> attendees, Recurrence recurrence, ShowAs showAs, Importance importance, Sensitivity sensitivity,
        List<String> categories, Integer reminderMinutesBeforeStart, Boolean isOnlineMeeting) {}
