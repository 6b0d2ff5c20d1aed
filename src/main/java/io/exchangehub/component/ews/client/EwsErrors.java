package io.exchangehub.component.ews.client;

import io.exchangehub.component.ews.EwsThrottledException;
import io.exchangehub.model.BackendUnavailableException;
import io.exchangehub.model.ConflictException;
import io.exchangehub.model.ForbiddenException;
import io.exchangehub.model.InvalidIdException;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailboxException;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.QuotaExceededException;
import io.exchangehub.model.UnauthorizedException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.exception.http.HttpErrorException;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceLocalException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.response.ServiceResponse;

/**
 * Every EWS failure as one of the model's typed exceptions. ResponseCodes are sorted into kinds
 * by the sets below and, for the hundreds of codes Exchange defines beyond them, by what their
 * names say (…NotFound, …AccessDenied, …Quota…); whatever is left is a request Exchange refused,
 * {@link InvalidRequestException}. Messages are the hub's own, never Exchange's text (which may
 * quote what the caller sent); the code is kept as {@link MailboxException#backendCode()}.
 */
public final class EwsErrors {

    /** Exchange's codes for throttling; the first carries BackOffMilliseconds. */
    public static final String SERVER_BUSY = "ErrorServerBusy";

    private static final Set<String> NOT_FOUND = Set.of("ErrorItemNotFound", "ErrorFolderNotFound", "ErrorNonExistentMailbox",
            "ErrorAttachmentNotFound", "ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange", "ErrorMailboxNotFound",
            "ErrorRecurrenceHasNoOccurrence", "ErrorSubscriptionNotFound", "ErrorNameResolutionNoResults",
            "ErrorCalendarOccurrenceIsDeletedFromRecurrence", "ErrorNoPublicFolderReplicaAvailable");
    private static final Set<String> INVALID_ID = Set.of("ErrorInvalidIdMalformed", "ErrorInvalidIdEmpty",
            "ErrorInvalidIdMalformedEwsLegacyIdFormat", "ErrorInvalidIdMonikerTooLong", "ErrorInvalidIdNotAnItemAttachmentId",
            "ErrorInvalidIdReturnedByResolveNames", "ErrorInvalidIdStoreObjectIdTooLong", "ErrorInvalidIdTooManyAttendees",
            "ErrorInvalidIdXml", "ErrorInvalidAttachmentId", "ErrorInvalidChangeKey", "ErrorInvalidItemForOperationSendItem",
            "ErrorInvalidFolderId", "ErrorInvalidSubscription", "ErrorInvalidWatermark", "ErrorInvalidSyncStateData");
    private static final Set<String> CONFLICT = Set.of("ErrorIrresolvableConflict", "ErrorChangeKeyRequired",
            "ErrorChangeKeyRequiredForWriteOperations", "ErrorFolderExists", "ErrorStaleObject", "ErrorDuplicateInputFolderNames",
            "ErrorItemSavePropertyError", "ErrorMoveCopyFailed", "ErrorSentMeetingRequestUpdate");
    private static final Set<String> FORBIDDEN = Set.of("ErrorAccessDenied", "ErrorImpersonateUserDenied",
            "ErrorImpersonationDenied", "ErrorDeleteDistinguishedFolder", "ErrorSendAsDenied", "ErrorSubscriptionAccessDenied",
            "ErrorSubscriptionDelegateAccessNotSupported", "ErrorMessageDispositionRequired", "ErrorCannotDeleteObject",
            "ErrorCannotOpenFileAttachment", "ErrorDelegateNoUser", "ErrorNotDelegate", "ErrorProxyRequestNotAllowed",
            "ErrorReadEventsFailed", "ErrorNoRespondingCASInDestinationSite", "ErrorCalendarIsOrganizerForAccept",
            "ErrorCalendarIsOrganizerForDecline", "ErrorCalendarIsOrganizerForTentative", "ErrorCalendarIsCancelledForAccept",
            "ErrorCalendarIsCancelledForDecline", "ErrorCalendarIsCancelledForTentative");
    private static final Set<String> QUOTA = Set.of("ErrorQuotaExceeded", "ErrorMessageSizeExceeded", "ErrorFolderFull",
            "ErrorMaxRecipientsExceeded", "ErrorAttachmentSizeLimitExceeded", "ErrorBatchProcessingStopped",
            "ErrorExceededFindCountLimit", "ErrorMailboxStoreUnavailable_Quota", "ErrorInsufficientResources");
    private static final Set<String> THROTTLED = Set.of(SERVER_BUSY, "ErrorTooManyObjectsOpened",
            "ErrorExceededConnectionCount", "ErrorExceededSubscriptionCount", "ErrorMailboxMoveInProgress");
    private static final Set<String> UNAVAILABLE = Set.of("ErrorInternalServerError", "ErrorInternalServerTransientError",
            "ErrorMailboxStoreUnavailable", "ErrorConnectionFailed", "ErrorTimeoutExpired", "ErrorMailboxFailover",
            "ErrorServerTemporaryUnavailable", "ErrorCrossSiteRequest", "ErrorProxiedSubscriptionCallFailure",
            "ErrorProxyCallFailed", "ErrorProxyServiceDiscoveryFailed", "ErrorCannotUseLocalAccount", "ErrorADUnavailable",
            "ErrorADOperation", "ErrorDataSourceOperation", "ErrorMailboxConfiguration", "ErrorServiceDiscoveryFailed",
            "ErrorRpcFailure", "ErrorWrongServerVersion", "ErrorWrongServerVersionDelegate", "ErrorBatchProcessingStopped_Server");
    private static final Set<String> UNAUTHORIZED = Set.of("ErrorInvalidSerializedAccessToken", "ErrorProxyTokenExpired",
            "ErrorInvalidCrossForestCredentials", "ErrorInvalidAuthorizationContext");

    /** The kinds of failure, in the order in which names are matched. */
    public enum Kind { NOT_FOUND, INVALID_ID, CONFLICT, FORBIDDEN, QUOTA, THROTTLED, UNAVAILABLE, UNAUTHORIZED, INVALID_REQUEST }

    private static final Map<Kind, String> MESSAGES = Map.of(
            Kind.NOT_FOUND, "The mailbox, folder, item or attachment does not exist",
            Kind.INVALID_ID, "The id is not valid",
            Kind.CONFLICT, "The item changed since it was read, or already exists",
            Kind.FORBIDDEN, "The caller may not do this in this mailbox",
            Kind.QUOTA, "A mailbox or size limit was reached",
            Kind.THROTTLED, "Exchange is busy",
            Kind.UNAVAILABLE, "Exchange could not complete the request",
            Kind.UNAUTHORIZED, "Exchange refused the credentials",
            Kind.INVALID_REQUEST, "Exchange refused the request");

    private EwsErrors() {}

    /** The kind of an EWS ResponseCode. */
    public static Kind kind(String code) {
        if (code == null) {
            return Kind.UNAVAILABLE;
        }
        if (NOT_FOUND.contains(code)) {
            return Kind.NOT_FOUND;
        }
        if (INVALID_ID.contains(code) || code.startsWith("ErrorInvalidId")) {
            return Kind.INVALID_ID;
        }
        if (CONFLICT.contains(code)) {
            return Kind.CONFLICT;
        }
        if (FORBIDDEN.contains(code) || code.contains("AccessDenied") || code.contains("Impersonat")) {
            return Kind.FORBIDDEN;
        }
        if (QUOTA.contains(code) || code.contains("Quota") || code.contains("SizeLimit") || code.contains("TooBig")) {
            return Kind.QUOTA;
        }
        if (THROTTLED.contains(code) || code.contains("Throttl")) {
            return Kind.THROTTLED;
        }
        if (UNAVAILABLE.contains(code) || code.startsWith("ErrorInternalServer") || code.contains("Unavailable")
                || code.contains("Transient")) {
            return Kind.UNAVAILABLE;
        }
        if (UNAUTHORIZED.contains(code)) {
            return Kind.UNAUTHORIZED;
        }
        if (code.endsWith("NotFound")) {
            return Kind.NOT_FOUND;
        }
        return Kind.INVALID_REQUEST;
    }

    /** The typed exception for a ResponseCode; {@code backOff} only matters for throttling. */
    public static MailboxException of(String code, String id, Duration backOff, Throwable cause) {
        Kind kind = kind(code);
        String message = MESSAGES.get(kind) + " (" + code + ")";
        return switch (kind) {
            case NOT_FOUND -> new NotFoundException(message, code, id, cause);
            case INVALID_ID -> new InvalidIdException(message, code, id, cause);
            case CONFLICT -> new ConflictException(message, code, id, cause);
            case FORBIDDEN -> new ForbiddenException(message, code, id, cause);
            case QUOTA -> new QuotaExceededException(message, code, id, cause);
            case THROTTLED -> new EwsThrottledException(code, backOff == null ? Duration.ZERO : backOff);
            case UNAVAILABLE -> new BackendUnavailableException(message, code, id, cause);
            case UNAUTHORIZED -> new UnauthorizedException(message, code, id, cause);
            case INVALID_REQUEST -> new InvalidRequestException(message, code, id, cause);
        };
    }

    /** The failure of one response of a multi-item call (a batch), for the id it concerns. */
    public static MailboxException of(ServiceResponse response, String id) {
        return of(code(response.getErrorCode()), id, backOff(response), null);
    }

    /** Any exception ews-java-api (or the raw SOAP path) threw, for an operation on {@code id} (or null). */
    public static MailboxException translate(Throwable failure, String id) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MailboxException known) {
                return known;
            }
            if (t instanceof ServiceResponseException response) {
                return of(code(response.getErrorCode()), id, backOff(response.getResponse()), failure);
            }
            if (t instanceof HttpErrorException http) {
                return http(http.getHttpErrorCode(), id, failure);
            }
            if (t instanceof RawSoap.HttpStatusException status) {
                return http(status.status(), id, failure);
            }
            if (t instanceof SoapFaultException soap) {
                return of(soap.code(), id, soap.backOff(), null);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return new BackendUnavailableException("Exchange could not be reached", "IOException", id, failure);
            }
        }
        if (failure instanceof ServiceLocalException) {
            return new InvalidRequestException("The request cannot be sent to Exchange", failure.getClass().getSimpleName(), id,
                    failure);
        }
        return new BackendUnavailableException("The EWS call failed", failure.getClass().getSimpleName(), id, failure);
    }

    /** An HTTP status EWS answered with instead of a SOAP envelope. */
    public static MailboxException http(int status, String id, Throwable cause) {
        String code = "HTTP " + status;
        return switch (status) {
            case 401 -> new UnauthorizedException(MESSAGES.get(Kind.UNAUTHORIZED), code, id, cause);
            case 403 -> new ForbiddenException(MESSAGES.get(Kind.FORBIDDEN), code, id, cause);
            case 404 -> new BackendUnavailableException("The EWS URL does not exist", code, id, cause);
            case 413 -> new QuotaExceededException("The request is too large for Exchange", code, id, cause);
            case 429 -> new EwsThrottledException(code, Duration.ZERO);
            default -> status >= 500 ? new BackendUnavailableException(MESSAGES.get(Kind.UNAVAILABLE), code, id, cause)
                    : new InvalidRequestException(MESSAGES.get(Kind.INVALID_REQUEST), code, id, cause);
        };
    }

    /** Whether a failure is Exchange asking to back off. */
    public static boolean isBusy(Throwable failure) {
        return busyResponse(failure) != null || failure instanceof SoapFaultException soap && SERVER_BUSY.equals(soap.code());
    }

    /** The back-off Exchange asked for in a busy answer, or zero. */
    public static Duration backOff(Throwable failure) {
        if (failure instanceof SoapFaultException soap && soap.backOff() != null) {
            return soap.backOff();
        }
        ServiceResponse response = busyResponse(failure);
        Duration backOff = response == null ? null : backOff(response);
        return backOff == null ? Duration.ZERO : backOff;
    }

    private static ServiceResponse busyResponse(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceResponseException response && response.getErrorCode() == ServiceError.ErrorServerBusy) {
                return response.getResponse();
            }
        }
        return null;
    }

    private static Duration backOff(ServiceResponse response) {
        if (response == null || response.getErrorDetails() == null) {
            return null;
        }
        String value = response.getErrorDetails().get("BackOffMilliseconds");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String code(ServiceError error) {
        return error == null ? null : error.name();
    }
}
