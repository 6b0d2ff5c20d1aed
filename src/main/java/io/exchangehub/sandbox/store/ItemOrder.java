package io.exchangehub.sandbox.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sort orders for item queries. One canonical comparator per (property, direction), because
 * folders cache their sorted contents per comparator.
 */
public final class ItemOrder {

    /** Properties an item list can be sorted on. */
    public enum Property { RECEIVED, SENT, CREATED, LAST_MODIFIED, SUBJECT, FROM, SIZE, IMPORTANCE, IS_READ,
        HAS_ATTACHMENTS, FLAG_STATUS, START, END, DISPLAY_NAME, FILE_AS, GIVEN_NAME, SURNAME, COMPANY }

    private static final Map<String, Comparator<Item>> CANONICAL = new ConcurrentHashMap<>();

    /** The default view order of mail folders (newest received first), which both faces use when none is asked. */
    public static final Comparator<Item> NEWEST_FIRST = of(Property.RECEIVED, true);

    private ItemOrder() {}

    public static Comparator<Item> of(Property property, boolean descending) {
        return CANONICAL.computeIfAbsent(property + ":" + descending, key -> {
            Comparator<Item> ascending = Comparator.comparing(key(property), Comparator.nullsFirst(Comparator.naturalOrder()));
            Comparator<Item> ordered = descending ? ascending.reversed() : ascending;
            Comparator<Item> tieBreak = Comparator.comparingLong(item -> item.number);
            return ordered.thenComparing(descending ? tieBreak.reversed() : tieBreak);
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<Item, Comparable> key(Property property) {
        return switch (property) {
            case RECEIVED -> item -> item instanceof Message m && m.received != null ? m.received : item.created;
            case SENT -> item -> item instanceof Message m ? m.sent : null;
            case CREATED -> item -> item.created;
            case LAST_MODIFIED -> item -> item.lastModified;
            case SUBJECT -> item -> item.subject.toLowerCase(Locale.ROOT);
            case FROM -> item -> item instanceof Message m && m.from != null
                    ? (m.from.name().isEmpty() ? m.from.address() : m.from.name()).toLowerCase(Locale.ROOT) : null;
            case SIZE -> Item::size;
            case IMPORTANCE -> item -> item.importance;
            case IS_READ -> item -> item instanceof Message m && m.read;
            case HAS_ATTACHMENTS -> Item::hasAttachments;
            case FLAG_STATUS -> item -> item instanceof Message m ? m.flag.status() : null;
            case START -> item -> item instanceof CalendarEvent e ? e.start : (Instant) null;
            case END -> item -> item instanceof CalendarEvent e ? e.end : (Instant) null;
            case DISPLAY_NAME -> item -> item instanceof Contact c ? c.displayName.toLowerCase(Locale.ROOT) : item.subject.toLowerCase(Locale.ROOT);
            case FILE_AS -> item -> item instanceof Contact c ? c.fileAs.toLowerCase(Locale.ROOT) : null;
            case GIVEN_NAME -> item -> item instanceof Contact c ? c.givenName.toLowerCase(Locale.ROOT) : null;
            case SURNAME -> item -> item instanceof Contact c ? c.surname.toLowerCase(Locale.ROOT) : null;
            case COMPANY -> item -> item instanceof Contact c ? c.companyName.toLowerCase(Locale.ROOT) : null;
        };
    }
}
