package io.exchangehub.component.ews.client;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EwsErrorsTest {

    @Test
    void everyResponseCodeOfEwsMapsToATypedExceptionThatKeepsTheCode() {
        for (ServiceError error : ServiceError.values()) {
            MailboxException mapped = EwsErrors.of(error.name(), "id-1", null, null);
            assertThat(mapped).as(error.name()).isNotNull();
            assertThat(mapped.backendCode()).isEqualTo(error.name());
            assertThat(mapped.getMessage()).contains(error.name());
        }
        assertThat(Arrays.stream(ServiceError.values()).map(e -> EwsErrors.kind(e.name())).distinct())
                .contains(EwsErrors.Kind.values());
    }

    @ParameterizedTest
    @CsvSource({
        "ErrorItemNotFound, NOT_FOUND", "ErrorFolderNotFound, NOT_FOUND", "ErrorNonExistentMailbox, NOT_FOUND",
        "ErrorInvalidIdMalformed, INVALID_ID", "ErrorInvalidIdEmpty, INVALID_ID", "ErrorInvalidAttachmentId, INVALID_ID",
        "ErrorAccessDenied, FORBIDDEN", "ErrorImpersonateUserDenied, FORBIDDEN", "ErrorDeleteDistinguishedFolder, FORBIDDEN",
        "ErrorIrresolvableConflict, CONFLICT", "ErrorFolderExists, CONFLICT",
        "ErrorQuotaExceeded, QUOTA", "ErrorMessageSizeExceeded, QUOTA",
        "ErrorServerBusy, THROTTLED", "ErrorExceededConnectionCount, THROTTLED",
        "ErrorInternalServerError, UNAVAILABLE", "ErrorMailboxStoreUnavailable, UNAVAILABLE",
        "ErrorSchemaValidation, INVALID_REQUEST", "ErrorInvalidPropertyRequest, INVALID_REQUEST"})
    void responseCodesFallIntoTheirKinds(String code, EwsErrors.Kind kind) {
        assertThat(EwsErrors.kind(code)).isEqualTo(kind);
    }

    @Test
    void kindsBecomeTheModelsExceptions() {
        assertThat(EwsErrors.of("ErrorItemNotFound", "x", null, null)).isInstanceOf(NotFoundException.class);
        assertThat(EwsErrors.of("ErrorInvalidIdMalformed", "x", null, null)).isInstanceOf(InvalidIdException.class)
                .extracting(MailboxException::id).isEqualTo("x");
        assertThat(EwsErrors.of("ErrorAccessDenied", null, null, null)).isInstanceOf(ForbiddenException.class);
        assertThat(EwsErrors.of("ErrorIrresolvableConflict", null, null, null)).isInstanceOf(ConflictException.class);
        assertThat(EwsErrors.of("ErrorQuotaExceeded", null, null, null)).isInstanceOf(QuotaExceededException.class);
        assertThat(EwsErrors.of("ErrorInternalServerError", null, null, null)).isInstanceOf(BackendUnavailableException.class);
        assertThat(EwsErrors.of("ErrorSchemaValidation", null, null, null)).isInstanceOf(InvalidRequestException.class);
        EwsThrottledException busy = (EwsThrottledException) EwsErrors.of("ErrorServerBusy", null, Duration.ofSeconds(3), null);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void httpStatusesAndBrokenConnectionsAreTyped() {
        assertThat(EwsErrors.http(401, null, null)).isInstanceOf(UnauthorizedException.class);
        assertThat(EwsErrors.http(403, null, null)).isInstanceOf(ForbiddenException.class);
        assertThat(EwsErrors.http(503, null, null)).isInstanceOf(BackendUnavailableException.class);
        assertThat(EwsErrors.http(429, null, null)).isInstanceOf(EwsThrottledException.class);
        assertThat(EwsErrors.translate(new IllegalStateException("wrapped", new ConnectException("refused")), null))
                .isInstanceOf(BackendUnavailableException.class);
        assertThat(EwsErrors.translate(new RawSoap.HttpStatusException(401), null)).isInstanceOf(UnauthorizedException.class);
        assertThat(EwsErrors.translate(new SoapFaultException("ErrorItemNotFound", null), "a")).isInstanceOf(NotFoundException.class);
        assertThat(EwsErrors.isBusy(new SoapFaultException(EwsErrors.SERVER_BUSY, Duration.ofMillis(250)))).isTrue();
        assertThat(EwsErrors.backOff(new SoapFaultException(EwsErrors.SERVER_BUSY, Duration.ofMillis(250))))
                .isEqualTo(Duration.ofMillis(250));
        assertThat(EwsErrors.isBusy(new IOException("reset"))).isFalse();
    }

    @Test
    void messagesAreTheHubsOwnAndQuoteNothingExchangeSaid() {
        MailboxException mapped = EwsErrors.translate(new IllegalStateException("Bearer eyJ0eXAi secret text"), null);
        assertThat(mapped.getMessage()).doesNotContain("eyJ0eXAi", "secret");
    }
}
