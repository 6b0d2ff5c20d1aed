package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Page;
import io.exchangehub.sandbox.store.SandboxStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * A page of items across one or more folders in one order. One folder is the store's own
 * query; several are merged from each folder's cached order, so a deep page of the whole
 * mailbox costs a walk, not a sort.
 */
final class ItemQuery {

    private ItemQuery() {}

    /**
     * @param countAll count every match (for {@code @odata.count}); otherwise the total is only
     *                 known to exceed the page when there is more
     */
    static Page<Item> page(SandboxStore store, List<Folder> folders, Predicate<Item> filter, Comparator<Item> order, int offset,
            int max, boolean countAll) {
        if (folders.size() == 1) {
            return store.find(folders.get(0), filter, order, offset, max);
        }
        record Cursor(List<Item> items, int position) {
            Item head() {
                return items.get(position);
            }
        }
        PriorityQueue<Cursor> heads = new PriorityQueue<>((a, b) -> order.compare(a.head(), b.head()));
        for (Folder folder : folders) {
            List<Item> sorted = folder.sortedItems(order);
            if (!sorted.isEmpty()) {
                heads.add(new Cursor(sorted, 0));
            }
        }
        List<Item> page = new ArrayList<>();
        int matched = 0;
        while (!heads.isEmpty()) {
            Cursor cursor = heads.poll();
            Item item = cursor.head();
            if (cursor.position() + 1 < cursor.items().size()) {
                heads.add(new Cursor(cursor.items(), cursor.position() + 1));
            }
            if (filter != null && !filter.test(item)) {
                continue;
            }
            if (matched >= offset && page.size() < max) {
                page.add(item);
            }
            matched++;
            if (!countAll && matched > (long) offset + max) {
                break;
            }
        }
        return new Page<>(page, Math.min(offset, matched), matched);
    }
}
