package io.exchangehub.component.ews.operations;

import java.util.Map;

/**
 * What an operation returns: the message body (a model record, a list of them, a stream, or null)
 * and the headers to set.
 *
 * @param body    the new body
 * @param headers headers to set on the message
 */
public record EwsResult(Object body, Map<String, Object> headers) {

    public static EwsResult of(Object body) {
        return new EwsResult(body, Map.of());
    }
}
