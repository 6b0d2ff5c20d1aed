package io.exchangehub.sandbox.graph.query;

import io.exchangehub.sandbox.graph.GraphException;
import io.exchangehub.sandbox.store.ItemOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code $orderby}: comma-separated property paths, each optionally {@code asc} or {@code desc},
 * mapped to the store's canonical sort keys ({@link ItemOrder}) so that folders keep their
 * sorted caches.
 *
 * @param keys  the sort keys
 * @param paths the property paths, lower-case, in order
 */
public record OrderBy(List<ItemOrder.Key> keys, List<String> paths) {

    /** At most this many keys, like Exchange's sort-order limit. */
    static final int MAX_KEYS = 3;

    /**
     * @param text       the {@code $orderby} value
     * @param sortable   path (lower-case) → store property
     * @param typeName   the OData type, for errors
     * @param properties the type's property test, to tell unknown names from unsortable ones
     */
    public static OrderBy parse(String text, Map<String, ItemOrder.Property> sortable, String typeName,
            Predicate<String> properties) {
        List<ItemOrder.Key> keys = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw GraphException.badRequest("BadRequest", "Syntax error in $orderby: '" + part.strip() + "'.");
            }
            boolean descending = false;
            if (words.length == 2) {
                String direction = words[1].toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw GraphException.badRequest("BadRequest", "Syntax error in $orderby: '" + part.strip() + "'.");
                }
                descending = direction.equals("desc");
            }
            String path = words[0].toLowerCase(Locale.ROOT);
            ItemOrder.Property property = sortable.get(path);
            if (property == null) {
                String first = words[0].contains("/") ? words[0].substring(0, words[0].indexOf('/')) : words[0];
                if (!properties.test(first)) {
                    throw GraphException.badRequest("RequestBroker--ParseUri",
                            "Could not find a property named '" + first + "' on type '" + typeName + "'.");
                }
                throw GraphException.badRequest("ErrorInvalidProperty", "The property '" + words[0] + "' does not support sorting.");
            }
            keys.add(new ItemOrder.Key(property, descending));
            paths.add(path);
        }
        if (keys.size() > MAX_KEYS) {
            throw GraphException.badRequest("ErrorInvalidUrlQuery", "The $orderby clause has more than " + MAX_KEYS + " keys.");
        }
        return new OrderBy(List.copyOf(keys), List.copyOf(paths));
    }
}
