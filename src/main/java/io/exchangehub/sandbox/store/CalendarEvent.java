package io.exchangehub.sandbox.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A calendar item: a single appointment or meeting, or the master of a recurring series.
 * Times are instants; the zones say which wall clock the series follows, so that a weekly
 * 09:00 Berlin meeting stays at 09:00 Berlin across a DST change.
 */
public final class CalendarEvent extends Item {

    public Instant start;
    public Instant end;
    public ZoneId startZone;
    public ZoneId endZone;
    public boolean allDay;
    public String location = "";
    public Recipient organizer;
    public List<Attendee> attendees = new ArrayList<>();
    public Recurrence recurrence;
    /** Changed occurrences by original start. */
    public final Map<Instant, OccurrenceOverride> overrides = new TreeMap<>();
    /** Deleted occurrences by original start. */
    public final Set<Instant> deletedOccurrences = new HashSet<>();
    /** The iCalendar UID shared by the organizer's item and every attendee's copy. */
    public String uid;
    public boolean cancelled;
    public ShowAs showAs = ShowAs.BUSY;
    /** This mailbox's answer: ORGANIZER for the organizer's item. */
    public ResponseType myResponse = ResponseType.ORGANIZER;
    public boolean responseRequested = true;
    public boolean allowNewTimeProposal = true;
    public boolean onlineMeeting;
    public String onlineMeetingUrl;

    public CalendarEvent(Mailbox mailbox, long number, Instant created) {
        super(mailbox, number, "IPM.Appointment", created);
    }

    public boolean isMeeting() {
        return !attendees.isEmpty();
    }

    public boolean isOrganizer() {
        return organizer == null || organizer.sameAddress(mailbox.address);
    }

    public boolean isRecurring() {
        return recurrence != null;
    }

    /** Occurrences overlapping {@code [from, to)}; a single event yields itself. */
    public List<Occurrence> occurrences(Instant from, Instant to) {
        return RecurrenceExpander.occurrences(this, from, to);
    }

    /** The occurrence whose original start is that instant, or null when it is no (remaining) occurrence. */
    public Occurrence occurrence(Instant originalStart) {
        return RecurrenceExpander.occurrenceAt(this, originalStart);
    }

    /** The occurrence by 1-based index in the series, or null past its end or if deleted. */
    public Occurrence occurrenceByIndex(int index) {
        return RecurrenceExpander.occurrenceByIndex(this, index);
    }

    /** Whether the pattern has an occurrence at that 1-based index that was deleted (EWS tells this apart from "out of range"). */
    public boolean occurrenceDeleted(int index) {
        return RecurrenceExpander.deletedAtIndex(this, index);
    }

    void copyTo(CalendarEvent target) {
        copyCommonTo(target);
        target.start = start;
        target.end = end;
        target.startZone = startZone;
        target.endZone = endZone;
        target.allDay = allDay;
        target.location = location;
        target.organizer = organizer;
        target.attendees = new ArrayList<>(attendees);
        target.recurrence = recurrence;
        target.overrides.putAll(overrides);
        target.deletedOccurrences.addAll(deletedOccurrences);
        target.cancelled = cancelled;
        target.showAs = showAs;
        target.myResponse = myResponse;
        target.responseRequested = responseRequested;
        target.allowNewTimeProposal = allowNewTimeProposal;
        target.onlineMeeting = onlineMeeting;
        target.onlineMeetingUrl = onlineMeetingUrl;
    }
}
