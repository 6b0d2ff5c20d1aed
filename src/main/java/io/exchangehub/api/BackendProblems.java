package io.exchangehub.api;

import io.exchangehub.model.BackendUnavailableException;
import io.exchangehub.model.ConflictException;
import io.exchangehub.model.ForbiddenException;
import io.exchangehub.model.InvalidIdException;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailboxException;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.QuotaExceededException;
import io.exchangehub.model.ThrottledException;
import io.exchangehub.model.UnauthorizedException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * What a backend failure means to the API's client. The components raise the typed failures of
 * {@code io.exchangehub.model} whichever backend failed, with messages that are safe to show;
 * each becomes one problem kind. The backend's own code (an EWS ResponseCode, a Graph error code)
 * goes to the logs, never into the response.
 */
public final class BackendProblems {

    /** When a circuit is open, clients may try again after this long. */
    static final Duration OPEN_CIRCUIT_RETRY = Duration.ofSeconds(30);

    private BackendProblems() {}

    /** The problem a failure is, or null when it is none of the backend's (an internal error). */
    public static ApiException map(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            ApiException problem = direct(cause);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static ApiException direct(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof MailboxException mailbox) {
            return mailbox(mailbox);
        }
        if (failure instanceof CallNotPermittedException) {
            return new ApiException(Problems.Kind.BACKEND_UNAVAILABLE,
                    "The mail backend failed repeatedly; the hub stopped calling it for a while.", OPEN_CIRCUIT_RETRY.toSeconds(), Map.of());
        }
        if (failure instanceof TimeoutException) {
            return new ApiException(Problems.Kind.BACKEND_UNAVAILABLE, "The mail backend did not answer in time.");
        }
        return null;
    }

    static ApiException mailbox(MailboxException failure) {
        String detail = failure.getMessage();
        if (failure instanceof ThrottledException throttled) {
            long seconds = throttled.retryAfter() == null ? 1 : Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            return new ApiException(Problems.Kind.THROTTLED, detail, seconds, Map.of());
        }
        Problems.Kind kind;
        if (failure instanceof NotFoundException) {
            kind = Problems.Kind.NOT_FOUND;
        } else if (failure instanceof ConflictException) {
            kind = Problems.Kind.CONFLICT;
        } else if (failure instanceof ForbiddenException) {
            kind = Problems.Kind.FORBIDDEN;
        } else if (failure instanceof InvalidIdException || failure instanceof InvalidRequestException) {
            kind = Problems.Kind.VALIDATION;
        } else if (failure instanceof QuotaExceededException) {
            kind = Problems.Kind.QUOTA_EXCEEDED;
        } else if (failure instanceof UnauthorizedException) {
            kind = Problems.Kind.UNAUTHORIZED;
        } else if (failure instanceof BackendUnavailableException) {
            kind = Problems.Kind.BACKEND_UNAVAILABLE;
        } else {
            kind = Problems.Kind.INTERNAL;
            detail = "The error was logged with the trace id.";
        }
        return new ApiException(kind, detail);
    }
}
