package io.exchangehub.sandbox.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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

    /**
     * One key of a multi-key order.
     *
     * @param property   what to sort on
     * @param descending whether the largest comes first
     */
    public record Key(Property property, boolean descending) {}

    public static Comparator<Item> of(Property property, boolean descending) {
        return CANONICAL.computeIfAbsent(property + ":" + descending,
                key -> withTieBreak(keyOrder(property, descending), descending));
    }

    /**
     * The canonical comparator sorting on several keys in turn (Graph's {@code $orderby=a desc,b}),
     * ties broken by item number in the first key's direction.
     */
    public static Comparator<Item> of(List<Key> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one key");
        }
        if (keys.size() == 1) {
            return of(keys.get(0).property(), keys.get(0).descending());
        }
        StringBuilder name = new StringBuilder();
        keys.forEach(k -> name.append(k.property()).append(':').append(k.descending()).append(','));
        return CANONICAL.computeIfAbsent(name.toString(), ignored -> {
            Comparator<Item> ordered = keyOrder(keys.get(0).property(), keys.get(0).descending());
            for (Key k : keys.subList(1, keys.size())) {
                ordered = ordered.thenComparing(keyOrder(k.property(), k.descending()));
            }
            return withTieBreak(ordered, keys.get(0).descending());
        });
    }

    private static Comparator<Item> keyOrder(Property property, boolean descending) {
        Comparator<Item> ascending = Comparator.comparing(key(property), Comparator.nullsFirst(Comparator.naturalOrder()));
        return descending ? ascending.reversed() : ascending;
    }

    private static Comparator<Item> withTieBreak(Comparator<Item> ordered, boolean descending) {
        Comparator<Item> tieBreak = Comparator.comparingLong(item -> item.number);
        return ordered.thenComparing(descending ? tieBreak.reversed() : tieBreak);
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
