package io.exchangehub.sandbox.ews;

import java.util.List;
import java.util.Set;

/**
 * Indexed paging ({@code m:IndexedPageItemView}, {@code m:IndexedPageFolderView}): an offset from
 * the beginning or the end, and at most {@value #FIND_COUNT_LIMIT} entries per page, Exchange's
 * default EWSFindCountLimit.
 *
 * @param offset  entries to skip from the base point
 * @param max     entries to return at most
 * @param fromEnd whether the offset counts from the end
 */
record Paging(int offset, int max, boolean fromEnd) {

    static final int FIND_COUNT_LIMIT = 1000;

    private static final Set<String> BASE_POINTS = Set.of("Beginning", "End");

    /** A page of everything from the start: what a Find without a view returns. */
    static final Paging ALL = new Paging(0, FIND_COUNT_LIMIT, false);

    static Paging parse(XmlIn view) {
        if (view == null) {
            return ALL;
        }
        String offsetText = view.attr("Offset");
        if (offsetText == null) {
            throw SoapFault.schema(view, "The required attribute 'Offset' is missing.");
        }
        int offset = Xsd.integer(view, offsetText, "Offset");
        String basePoint = Xsd.enumAttr(view, "BasePoint", "IndexBasePointType", BASE_POINTS, null);
        if (basePoint == null) {
            throw SoapFault.schema(view, "The required attribute 'BasePoint' is missing.");
        }
        int max = FIND_COUNT_LIMIT;
        String maxText = view.attr("MaxEntriesReturned");
        if (maxText != null) {
            max = Xsd.integer(view, maxText, "MaxEntriesReturned");
            if (max <= 0) {
                throw new EwsError("ErrorInvalidPagingMaxRows", "MaxEntriesReturned must be greater than zero.");
            }
        }
        if (offset < 0) {
            throw new EwsError("ErrorInvalidIndexedPagingParameters", "The offset of an indexed paging view cannot be negative.");
        }
        return new Paging(offset, Math.min(max, FIND_COUNT_LIMIT), basePoint.equals("End"));
    }

    /** The start index in a list of {@code total} entries. */
    int start(int total) {
        if (!fromEnd) {
            return Math.min(offset, total);
        }
        // in long: an offset near Integer.MAX_VALUE from the end must not wrap round to a large index
        return (int) Math.max(0, (long) total - offset - max);
    }

    /** How many entries the page has; the same from either base point. */
    int count(int total) {
        return Math.max(0, Math.min(max, total - offset));
    }

    <T> List<T> page(List<T> all) {
        int start = start(all.size());
        return all.subList(start, start + count(all.size()));
    }

    /**
     * Adds the paging attributes to a {@code m:RootFolder}: where the next page starts, how many
     * entries there are, and whether this page reaches the last one.
     */
    void describe(XmlOut rootFolder, int returned, int total) {
        int next = offset + returned;
        rootFolder.attr("IndexedPagingOffset", next).attr("TotalItemsInView", total)
                .attr("IncludesLastItemInRange", Xsd.bool(next >= total));
    }
}
