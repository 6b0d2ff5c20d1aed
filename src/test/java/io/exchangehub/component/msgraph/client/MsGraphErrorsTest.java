package io.exchangehub.component.msgraph.client;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MsGraphErrorsTest {

    private static MailboxException map(int status, String code) {
        return MsGraphErrors.map(status, code, null, "the-id", null);
    }

    @Test
    void graphCodesAndStatusesBecomeTheModelsExceptions() {
        assertThat(map(400, "ErrorInvalidIdMalformed")).isInstanceOf(InvalidIdException.class);
        assertThat(map(404, "ErrorItemNotFound")).isInstanceOf(NotFoundException.class);
        assertThat(map(404, "ErrorInvalidUser")).isInstanceOf(NotFoundException.class);
        assertThat(map(412, "ErrorIrresolvableConflict")).isInstanceOf(ConflictException.class);
        assertThat(map(409, "ErrorFolderExists")).isInstanceOf(ConflictException.class);
        assertThat(map(403, "ErrorAccessDenied")).isInstanceOf(ForbiddenException.class);
        assertThat(map(400, "ErrorDeleteDistinguishedFolder")).as("as ews: has it").isInstanceOf(ForbiddenException.class);
        assertThat(map(401, "InvalidAuthenticationToken")).isInstanceOf(UnauthorizedException.class);
        assertThat(map(400, "ErrorQuotaExceeded")).isInstanceOf(QuotaExceededException.class);
        assertThat(map(413, "RequestEntityTooLarge")).isInstanceOf(QuotaExceededException.class);
        assertThat(map(500, "InternalServerError")).isInstanceOf(BackendUnavailableException.class);
        assertThat(map(503, "ServiceUnavailable")).isInstanceOf(BackendUnavailableException.class);
        assertThat(map(400, "ErrorInvalidRecipients")).isInstanceOf(InvalidRequestException.class);
        assertThat(map(410, "SyncStateNotFound")).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(e.backendCode()).isEqualTo("SyncStateNotFound"));
        assertThat(map(404, null).id()).isEqualTo("the-id");
    }

    @Test
    void throttlingCarriesTheWaitGraphAskedFor() {
        assertThat(MsGraphErrors.map(429, "TooManyRequests", Duration.ofSeconds(7), null, null))
                .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(MsGraphErrors.map(503, "ServiceUnavailable", Duration.ofSeconds(3), null, null))
                .isInstanceOf(ThrottledException.class);
        assertThat(MsGraphErrors.map(429, null, null, null, null))
                .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(MsGraphErrors.map(BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("m")), null))
                .isInstanceOf(ThrottledException.class);
    }

    @Test
    void connectionFailuresAreBackendUnavailableAndMessagesAreTheHubsOwn() {
        assertThat(MsGraphErrors.map(new RuntimeException(new IOException("Connection reset by localhost:443 with token abc")), null))
                .isInstanceOf(BackendUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc").doesNotContain("localhost"));
        assertThat(map(400, "ErrorInvalidRecipients").getMessage()).doesNotContain("the-id");
    }
}
