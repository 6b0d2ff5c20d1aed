package io.exchangehub.sandbox.fault;

/**
 * One fault switch: for a user (or {@code *}) and an operation (or {@code *}) of a protocol,
 * delay the answer and/or fail it.
 *
 * @param id        assigned by the sandbox
 * @param protocol  {@code ews}, {@code graph} or {@code *}
 * @param user      the caller's address (or the mailbox addressed), or {@code *}
 * @param operation the EWS operation (e.g. {@code FindItem}) or Graph operation (e.g. {@code listMessages}), or {@code *}
 * @param latencyMs milliseconds to wait before answering
 * @param fault     what to do after the wait
 * @param backOffMs {@link Fault#BUSY}: the back-off the client is told (EWS BackOffMilliseconds, Graph Retry-After rounded up to seconds)
 * @param status    {@link Fault#HTTP_ERROR}: the status code (5xx)
 * @param remaining how many more requests it applies to; negative for every request until removed
 */
public record FaultRule(String id, String protocol, String user, String operation, long latencyMs, Fault fault, long backOffMs,
        int status, int remaining) {

    /** What a fault switch does after its latency. */
    public enum Fault {
        /** Nothing: only the latency. */
        NONE,
        /** EWS ErrorServerBusy with BackOffMilliseconds; Graph 429 with Retry-After. */
        BUSY,
        /** An HTTP error status, e.g. 503. */
        HTTP_ERROR,
        /** The connection closes before a complete answer. */
        DROP
    }

    boolean matches(String requestProtocol, String requestUser, String requestOperation) {
        return wildcardOrEqual(protocol, requestProtocol) && wildcardOrEqual(user, requestUser)
                && wildcardOrEqual(operation, requestOperation);
    }

    private static boolean wildcardOrEqual(String pattern, String value) {
        return pattern == null || pattern.equals("*") || pattern.equalsIgnoreCase(value);
    }

    FaultRule used() {
        return new FaultRule(id, protocol, user, operation, latencyMs, fault, backOffMs, status, remaining - 1);
    }
}
