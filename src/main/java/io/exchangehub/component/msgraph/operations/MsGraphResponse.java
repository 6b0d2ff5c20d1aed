package io.exchangehub.component.msgraph.operations;

import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.model.Page;
import java.util.HashMap;
import java.util.Map;

/**
 * What an operation answers: the new message body and the headers to set.
 *
 * @param body    the result (a model record, a list, a page, a stream), or null for none
 * @param headers headers to set on the message
 */
public record MsGraphResponse(Object body, Map<String, Object> headers) {

    public MsGraphResponse {
        headers = Map.copyOf(headers);
    }

    public static MsGraphResponse of(Object body) {
        return new MsGraphResponse(body, Map.of());
    }

    /** A page, with its cursor and count also as headers. */
    public static MsGraphResponse page(Page<?> page) {
        Map<String, Object> headers = new HashMap<>();
        if (page.nextCursor() != null) {
            headers.put(MsGraphConstants.NEXT_CURSOR, page.nextCursor());
        }
        if (page.totalCount() != null) {
            headers.put(MsGraphConstants.TOTAL_COUNT, page.totalCount());
        }
        return new MsGraphResponse(page, headers);
    }

    /** An operation that answers nothing: the body becomes empty. */
    public static MsGraphResponse none() {
        return new MsGraphResponse(null, Map.of());
    }
}
