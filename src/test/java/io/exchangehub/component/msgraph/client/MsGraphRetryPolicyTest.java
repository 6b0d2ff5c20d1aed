package io.exchangehub.component.msgraph.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class MsGraphRetryPolicyTest {

    private final MsGraphRetryPolicy policy = new MsGraphRetryPolicy(Duration.ofSeconds(30));

    private static Request request(String method) {
        RequestBody body = method.equals("GET") || method.equals("DELETE") ? null
                : RequestBody.create("{}", MediaType.parse("application/json"));
        return new Request.Builder().url("https://graph.microsoft.com/v1.0/me/messages").method(method, body).build();
    }

    private static Response response(Request request, String retryAfter) {
        Response.Builder builder = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(429).message("Too Many");
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    @Test
    void onlyRequestsSafeToRepeatAreRetried() {
        for (String method : new String[] {"GET", "DELETE"}) {
            assertThat(policy.shouldRetry(1, 1, request(method), response(request(method), "2"))).as(method).isTrue();
        }
        for (String method : new String[] {"POST", "PATCH", "PUT"}) {
            assertThat(policy.shouldRetry(1, 1, request(method), response(request(method), "2"))).as(method).isFalse();
        }
    }

    @Test
    void aWaitLongerThanTheBoundIsNotWaitedOut() {
        assertThat(policy.shouldRetry(1, 1, request("GET"), response(request("GET"), "31"))).isFalse();
        assertThat(policy.shouldRetry(1, 1, request("GET"), response(request("GET"), "30"))).isTrue();
        assertThat(policy.shouldRetry(1, 1, request("GET"), response(request("GET"), null))).as("no header: the handler's back-off").isTrue();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsADate() {
        assertThat(RetryAfter.parse("5")).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon")).isNull();
        assertThat(RetryAfter.parse(null)).isNull();
    }
}
