package io.exchangehub.component.msgraph.client;

import com.microsoft.kiota.http.middleware.options.IShouldRetry;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Which throttled (429) or unavailable (503, 504) answers the SDK's retry handler may retry,
 * honouring {@code Retry-After}: only requests that are safe to repeat and carry no body.
 * Methods that change something (POST, PATCH) are never repeated, since a repeat could send a
 * mail twice; PUT is left out too, because the SDK's request body is a stream it has already
 * read and cannot send again. A wait longer than {@code maxRetryAfter} is not waited out: the
 * caller gets a throttled error with the wait and decides.
 */
final class MsGraphRetryPolicy implements IShouldRetry {

    static final Set<String> REPEATABLE = Set.of("GET", "HEAD", "OPTIONS", "DELETE");

    private final Duration maxRetryAfter;

    MsGraphRetryPolicy(Duration maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    @Override
    public boolean shouldRetry(long delay, int executionCount, Request request, Response response) {
        if (!REPEATABLE.contains(request.method().toUpperCase(Locale.ROOT))) {
            return false;
        }
        Duration wait = RetryAfter.parse(response.header("Retry-After"));
        return wait == null || wait.compareTo(maxRetryAfter) <= 0;
    }
}
