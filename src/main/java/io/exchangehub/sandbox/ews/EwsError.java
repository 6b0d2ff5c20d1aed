package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.StoreException;
import java.util.Map;

/**
 * A failure of one response message (one item, one folder, one attachment): the request as a
 * whole goes on, and this message says {@code ResponseClass="Error"} with the ResponseCode
 * Exchange would give.
 */
final class EwsError extends RuntimeException {

    private final String code;
    private final Map<String, String> values;

    EwsError(String code, String text) {
        this(code, text, Map.of());
    }

    EwsError(String code, String text, Map<String, String> values) {
        super(text, null, false, false);
        this.code = code;
        this.values = values;
    }

    String code() {
        return code;
    }

    /** MessageXml {@code t:Value} entries, usually none. */
    Map<String, String> values() {
        return values;
    }

    static EwsError of(StoreException e) {
        return ResponseCodes.of(e);
    }

    static EwsError itemNotFound() {
        return new EwsError("ErrorItemNotFound", "The specified object was not found in the store.");
    }

    static EwsError malformedId() {
        return new EwsError("ErrorInvalidIdMalformed", "Id is malformed.");
    }

    static EwsError accessDenied() {
        return new EwsError("ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }

    static EwsError invalidRequest(String text) {
        return new EwsError("ErrorInvalidRequest", text);
    }
}
