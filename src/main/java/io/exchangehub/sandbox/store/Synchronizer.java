package io.exchangehub.sandbox.store;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Incremental sync of a folder's items or of a mailbox's folder tree, from a {@link SyncState}:
 * deletes are what the client knows that is gone, creates what it does not know, updates what
 * it knows that changed after its sequence number. Paging keeps that exact: deletes come first,
 * then updates in journal order, then creates, and a page that cuts the updates short advances
 * the sequence only to the last update it reported.
 */
final class Synchronizer {

    /** How a kind of synced object exposes what the sync needs. */
    private record Kind<T>(IdKind idKind, ToLongFunction<T> number, ToLongFunction<T> changeSeq,
            ToLongFunction<T> contentSeq, Predicate<T> read) {}

    private static final Kind<Item> ITEMS = new Kind<>(IdKind.ITEM, item -> item.number, item -> item.changeSeq,
            item -> item.contentChangeSeq, item -> item instanceof Message m && m.read);

    private static final Kind<Folder> FOLDERS = new Kind<>(IdKind.FOLDER, folder -> folder.number,
            folder -> folder.changeSeq, folder -> folder.changeSeq, folder -> false);

    private Synchronizer() {}

    /** The scope of a folder's item sync state. */
    static long itemScope(Folder folder) {
        return folder.number;
    }

    /** The scope of a folder-hierarchy sync state below {@code root}. */
    static long hierarchyScope(Folder root) {
        return -root.number;
    }

    static SyncResult items(Folder folder, SyncState state, int max) {
        return sync(folder.mailbox, state, folder.items, max, ITEMS);
    }

    /** The folders below {@code root}, not the root itself. */
    static SyncResult folders(Folder root, SyncState state, int max) {
        Map<Long, Folder> below = new LinkedHashMap<>();
        collect(root, below);
        return sync(root.mailbox, state, below, max, FOLDERS);
    }

    private static void collect(Folder folder, Map<Long, Folder> into) {
        for (Folder child : folder.children) {
            into.put(child.number, child);
            collect(child, into);
        }
    }

    private static <T> SyncResult sync(Mailbox mailbox, SyncState state, Map<Long, T> present, int max, Kind<T> kind) {
        BitSet known = (BitSet) state.known().clone();
        List<Long> deletes = new ArrayList<>();
        for (int n = known.nextSetBit(0); n >= 0; n = known.nextSetBit(n + 1)) {
            if (!present.containsKey((long) n)) {
                deletes.add((long) n);
            }
        }
        List<T> updates = new ArrayList<>();
        List<T> creates = new ArrayList<>();
        for (T object : present.values()) {
            if (!known.get((int) kind.number.applyAsLong(object))) {
                creates.add(object);
            } else if (kind.changeSeq.applyAsLong(object) > state.seq()) {
                updates.add(object);
            }
        }
        updates.sort(Comparator.comparingLong(kind.changeSeq));
        creates.sort(Comparator.comparingLong(kind.changeSeq).thenComparingLong(kind.number));

        List<SyncChange> changes = new ArrayList<>();
        long newSeq = state.seq();
        boolean complete = true;
        for (Long number : deletes) {
            if (changes.size() == max) {
                complete = false;
                break;
            }
            known.clear(number.intValue());
            changes.add(new SyncChange(SyncChange.Type.DELETE, id(mailbox, kind, number), null, false));
        }
        for (int i = 0; complete && i < updates.size(); i++) {
            if (changes.size() == max) {
                complete = false;
                break;
            }
            T object = updates.get(i);
            boolean readOnly = kind.contentSeq.applyAsLong(object) <= state.seq();
            changes.add(new SyncChange(readOnly ? SyncChange.Type.READ_FLAG_CHANGE : SyncChange.Type.UPDATE,
                    id(mailbox, kind, kind.number.applyAsLong(object)), object, kind.read.test(object)));
            newSeq = kind.changeSeq.applyAsLong(object);
        }
        if (complete) {
            // every delete and update is reported: the client is current up to now, creates aside,
            // and creates are found again by the known set whatever the sequence
            newSeq = mailbox.journal.seq;
        }
        for (int i = 0; complete && i < creates.size(); i++) {
            if (changes.size() == max) {
                complete = false;
                break;
            }
            T object = creates.get(i);
            long number = kind.number.applyAsLong(object);
            known.set((int) number);
            changes.add(new SyncChange(SyncChange.Type.CREATE, id(mailbox, kind, number), object, kind.read.test(object)));
        }
        SyncState next = new SyncState(state.mailbox(), state.scope(), newSeq, known);
        return new SyncResult(changes, next.encode(), complete);
    }

    private static String id(Mailbox mailbox, Kind<?> kind, long number) {
        return new StoreId(kind.idKind, mailbox.ordinal, number, 0).encode();
    }
}
