package io.exchangehub.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiHeaderFilterTest {

    private final ApiHeaderFilter filter = new ApiHeaderFilter();

    @Test
    void onlyTheApisResponseHeadersLeaveTheHub() {
        for (String kept : new String[] {"Content-Type", "ETag", "Location", "Retry-After", "RateLimit-Remaining", "Content-Range"}) {
            assertThat(filter.applyFilterToCamelHeaders(kept, "v", null)).as(kept).isFalse();
        }
        for (String dropped : new String[] {"Authorization", "CamelEwsAccessToken", "CamelMsGraphAccessToken", "Cookie",
                "User-Agent", "mailbox", "folderId", "X-Forwarded-For"}) {
            assertThat(filter.applyFilterToCamelHeaders(dropped, "v", null)).as(dropped).isTrue();
        }
    }

    @Test
    void credentialsNeverBecomeMessageHeaders() {
        assertThat(filter.applyFilterToExternalHeaders("Authorization", "Bearer x", null)).isTrue();
        assertThat(filter.applyFilterToExternalHeaders("cookie", "__Host-hub-session=x", null)).isTrue();
        assertThat(filter.applyFilterToExternalHeaders("Content-Length", "0", null)).as("framing of the request").isTrue();
        assertThat(filter.applyFilterToExternalHeaders("If-Match", "\"1\"", null)).isFalse();
        assertThat(filter.applyFilterToExternalHeaders("Range", "bytes=0-9", null)).isFalse();
    }
}
