package io.exchangehub.sandbox.store;

import java.util.List;

/**
 * A slice of a query's results.
 *
 * @param items  the slice
 * @param offset where it starts
 * @param total  how many items match in all
 */
public record Page<T>(List<T> items, int offset, int total) {

    public boolean last() {
        return offset + items.size() >= total;
    }
}
