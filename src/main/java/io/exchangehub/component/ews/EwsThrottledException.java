package io.exchangehub.component.ews;

import io.exchangehub.model.ThrottledException;
import java.time.Duration;

/**
 * EWS answered ErrorServerBusy (or another throttling code) more often, or with a longer
 * back-off, than the endpoint's {@code maxRetries} and {@code maxBackOff} allow;
 * {@link #retryAfter()} is the BackOffMilliseconds Exchange asked for.
 */
public class EwsThrottledException extends ThrottledException {

    public EwsThrottledException(String backendCode, Duration retryAfter) {
        super("Exchange is busy (" + backendCode + "); retry after " + retryAfter.toMillis() + " ms", backendCode, retryAfter);
    }
}
