package io.exchangehub.sandbox.store;

import java.util.ArrayList;
import java.util.List;

/** A mailbox's numbered change log; keeps the newest entries, enough for any live subscription. */
final class Journal {

    static final int RETAIN = 200_000;

    long seq;
    private final ArrayList<Change> entries = new ArrayList<>();

    void add(Change change) {
        entries.add(change);
        if (entries.size() > RETAIN) {
            entries.subList(0, RETAIN / 2).clear();
        }
    }

    /** The oldest sequence number still held; a watermark before it is lost. */
    long oldestRetained() {
        return entries.isEmpty() ? seq + 1 : entries.get(0).seq();
    }

    List<Change> after(long watermark) {
        if (watermark < oldestRetained() - 1) {
            throw new StoreException(StoreError.INVALID_WATERMARK, "The watermark is older than the events kept.");
        }
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries.get(mid).seq() <= watermark) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return new ArrayList<>(entries.subList(low, entries.size()));
    }
}
