package io.exchangehub.sandbox.store;

import java.time.Instant;

/**
 * One occurrence of a calendar item in a view: a single item (index 0, the item itself), or
 * one instance of a recurring series, possibly changed by an override.
 *
 * @param master        the single item or the series master
 * @param index         0 for a single item, else the 1-based position in the series
 * @param originalStart where the pattern put it
 * @param start         where it is now
 * @param end           when it ends
 * @param override      its changes, or null
 */
public record Occurrence(CalendarEvent master, int index, Instant originalStart, Instant start, Instant end,
        OccurrenceOverride override) {

    public boolean isSingle() {
        return index == 0;
    }

    public boolean isException() {
        return override != null;
    }

    /** The master's id for a single item; an occurrence id otherwise. */
    public String id() {
        if (isSingle()) {
            return master.id;
        }
        return new StoreId(IdKind.OCCURRENCE, master.mailbox.ordinal, master.number, originalStart.getEpochSecond()).encode();
    }

    public String changeKey() {
        if (isSingle()) {
            return master.changeKey();
        }
        return ChangeKeys.of(master.number, master.version * 1000 + (override == null ? 0 : override.version()));
    }

    public String subject() {
        return override != null && override.subject() != null ? override.subject() : master.subject;
    }

    public String location() {
        return override != null && override.location() != null ? override.location() : master.location;
    }

    public Body body() {
        return override != null && override.body() != null ? override.body() : master.body();
    }
}
