package io.exchangehub.sandbox.ews;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An operation that answers with a long-lived stream of envelopes instead of one (GetStreamingEvents). */
interface EwsStreamingOperation {

    String name();

    /** Writes the whole answer; returns when the connection is over. */
    void stream(EwsRequest request, HttpServletResponse response) throws IOException;
}
