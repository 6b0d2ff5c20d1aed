package io.exchangehub.component.msgraph.client;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ResponseHeaders;
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
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Graph's errors as the hub's typed exceptions. The kind follows Graph's error code where it
 * says more than the status (a 400 {@code ErrorInvalidIdMalformed} is an invalid id, not a bad
 * request), else the status. Messages are the hub's own: Graph's texts may quote request
 * values, so they stay out; Graph's code is kept as {@link MailboxException#backendCode()}.
 */
public final class MsGraphErrors {

    /** When Graph says neither how long to wait nor anything else: Outlook's usual back-off. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private static final Set<String> INVALID_ID = Set.of("errorinvalididmalformed", "errorinvalidid");
    private static final Set<String> CONFLICT = Set.of("errorirresolvableconflict", "errorfolderexists", "conflict",
            "errorconflict", "erroritemsave");
    private static final Set<String> QUOTA = Set.of("errorquotaexceeded", "errormessagesizeexceeded", "requestentitytoolarge",
            "errorquotaexceededonfolder", "mailboxquotaexceeded");
    private static final Set<String> FORBIDDEN = Set.of("erroraccessdenied", "accessdenied", "authorization_requestdenied",
            "errorsendasdenied", "errordeletedistinguishedfolder");

    private MsGraphErrors() {}

    /**
     * The hub's exception for a failed SDK call.
     *
     * @param failure what the SDK threw
     * @param id      the id the call concerned, or null
     */
    public static MailboxException map(RuntimeException failure, String id) {
        if (failure instanceof MailboxException known) {
            return known;
        }
        if (failure instanceof BulkheadFullException) {
            return new ThrottledException("Too many requests for this mailbox are running; try again shortly.",
                    "MailboxConcurrency", DEFAULT_RETRY_AFTER);
        }
        if (failure instanceof ApiException api) {
            String code = failure instanceof ODataError odata && odata.getError() != null ? odata.getError().getCode() : null;
            return map(api.getResponseStatusCode(), code, retryAfter(api.getResponseHeaders()), id, failure);
        }
        if (failure instanceof UncheckedIOException || failure.getCause() instanceof IOException) {
            return new BackendUnavailableException("Microsoft Graph could not be reached.", null, id, failure);
        }
        throw failure;
    }

    /**
     * The hub's exception for a Graph status and error code (also for the parts of a
     * {@code $batch}, which carry their own).
     */
    public static MailboxException map(int status, String code, Duration retryAfter, String id, Throwable cause) {
        String key = code == null ? "" : code.toLowerCase(Locale.ROOT);
        if (status == 429 || (status == 503 && retryAfter != null)) {
            return new ThrottledException("Microsoft Graph is throttling requests for this mailbox.", code == null ? Integer.toString(status) : code,
                    retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter);
        }
        if (INVALID_ID.contains(key)) {
            return new InvalidIdException("The id is not a valid Microsoft Graph id.", code, id, cause);
        }
        if (CONFLICT.contains(key) || status == 409 || status == 412) {
            return new ConflictException("The item changed since it was read, or one of that name exists.", code, id, cause);
        }
        if (QUOTA.contains(key) || status == 413 || status == 507) {
            return new QuotaExceededException("The mailbox or a size limit is full.", code, id, cause);
        }
        if (status == 401) {
            return new UnauthorizedException("Microsoft Graph refused the credentials.", code, id, cause);
        }
        if (FORBIDDEN.contains(key) || status == 403) {
            return new ForbiddenException("Access to this mailbox or item is denied.", code, id, cause);
        }
        if (status == 404 || status == 410) {
            return new NotFoundException("The mailbox, folder or item does not exist.", code, id, cause);
        }
        if (status >= 500 || status == 0) {
            return new BackendUnavailableException("Microsoft Graph failed to answer.", code == null ? Integer.toString(status) : code,
                    id, cause);
        }
        return new InvalidRequestException("Microsoft Graph refused the request as invalid.", code, id, cause);
    }

    /** The {@code Retry-After} of an answer, or null. */
    static Duration retryAfter(ResponseHeaders headers) {
        if (headers == null) {
            return null;
        }
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("Retry-After") && !entry.getValue().isEmpty()) {
                return RetryAfter.parse(entry.getValue().iterator().next());
            }
        }
        return null;
    }
}
