package io.exchangehub.model;

import java.time.Duration;

/**
 * The backend is throttling the caller (EWS ErrorServerBusy, Graph 429/503) and said how long
 * to wait; the component has already retried within its bounds.
 */
public class ThrottledException extends MailboxException {

    private final Duration retryAfter;

    public ThrottledException(String message, String backendCode, Duration retryAfter) {
        super(message, backendCode, null);
        this.retryAfter = retryAfter;
    }

    /** How long the backend asked callers to wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
