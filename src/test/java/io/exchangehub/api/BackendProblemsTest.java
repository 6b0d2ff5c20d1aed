package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.model.ConflictException;
import io.exchangehub.model.InvalidIdException;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.QuotaExceededException;
import io.exchangehub.model.ThrottledException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;

class BackendProblemsTest {

    @Test
    void eachTypedBackendFailureIsOneProblemKindWithItsSafeMessage() {
        assertThat(BackendProblems.map(new NotFoundException("No such message.", "ErrorItemNotFound", "id")).kind())
                .isEqualTo(Problems.Kind.NOT_FOUND);
        assertThat(BackendProblems.map(new ConflictException("Changed meanwhile.", "ErrorIrresolvableConflict", "id")).kind())
                .isEqualTo(Problems.Kind.CONFLICT);
        assertThat(BackendProblems.map(new InvalidIdException("Malformed id.", "ErrorInvalidIdMalformed", "id")).kind())
                .isEqualTo(Problems.Kind.VALIDATION);
        assertThat(BackendProblems.map(new QuotaExceededException("Full.", "ErrorQuotaExceeded", null)).kind())
                .isEqualTo(Problems.Kind.QUOTA_EXCEEDED);
        ApiException throttled = BackendProblems.map(new ThrottledException("Busy.", "ErrorServerBusy", Duration.ofMillis(1500)));
        assertThat(throttled.kind()).isEqualTo(Problems.Kind.THROTTLED);
        assertThat(throttled.retryAfterSeconds()).as("rounded up").isEqualTo(2);
        assertThat(throttled.getMessage()).isEqualTo("Busy.");
    }

    @Test
    void aWrappedFailureIsFoundAndAnUnknownOneIsNoProblemOfTheBackends() {
        RuntimeCamelException wrapped = new RuntimeCamelException(new NotFoundException("No such event.", "x", "id"));
        assertThat(BackendProblems.map(wrapped).kind()).isEqualTo(Problems.Kind.NOT_FOUND);
        assertThat(BackendProblems.map(new TimeoutException()).kind()).isEqualTo(Problems.Kind.BACKEND_UNAVAILABLE);
        assertThat(BackendProblems.map(new IllegalStateException("secret detail"))).isNull();
    }

    @Test
    void aFailureIsDescribedByItsTypesNeverItsMessage() {
        String described = Problems.describe(new IllegalStateException("Bearer eyJ.secret", new IllegalArgumentException("body text")));
        assertThat(described).contains("IllegalStateException <- java.lang.IllegalArgumentException")
                .doesNotContain("secret").doesNotContain("body text");
    }
}
