package io.exchangehub.sandbox.ews;

import java.util.ArrayList;
import java.util.List;

/**
 * Every EWS answer the tests received, as the client read it, kept until the test that caused
 * it checks them against the schema. Streaming answers arrive from background threads.
 */
final class EwsTraffic {

    /**
     * One answer.
     *
     * @param status      the HTTP status
     * @param contentType its Content-Type
     * @param body        the bytes the client read (for a stream: all envelopes up to its end)
     */
    record Answer(int status, String contentType, byte[] body) {}

    private static final List<Answer> ANSWERS = new ArrayList<>();

    private EwsTraffic() {}

    static synchronized void record(Answer answer) {
        ANSWERS.add(answer);
    }

    static synchronized List<Answer> drain() {
        List<Answer> drained = new ArrayList<>(ANSWERS);
        ANSWERS.clear();
        return drained;
    }
}
