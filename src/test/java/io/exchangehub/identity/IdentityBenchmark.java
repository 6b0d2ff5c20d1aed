package io.exchangehub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.HubIntegrationTest;
import io.exchangehub.bench.BenchReport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.TestPropertySource;

/**
 * What identity costs a request, in process: validating the caller's token (signature with the cached
 * JWKS, claims), and getting the delegated EWS token when msal4j's cache in Redis has it (one Redis GET,
 * AES-GCM decryption, msal4j's lookup). For scale, a whole {@code GET /api/v1/me} over loopback HTTP.
 * Goal: token validation and the cache hit each under 0.3 ms at p50.
 *
 * <p>Its own context (benchmarks run apart from the integration tests): the read budget is raised so that
 * the HTTP run is counted in Redis like any request but never throttled.
 */
@TestPropertySource(properties = "hub.rate-limit.classes.read.capacity=1000000")
class IdentityBenchmark extends HubIntegrationTest {

    private static final int WARMUP = 3_000;
    private static final int RUNS = 10_000;
    private static final int HTTP_WARMUP = 300;
    private static final int HTTP_RUNS = 1_000;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    ExchangeTokens tokens;

    @Test
    void tokenValidationAndTheDelegatedTokenCacheHit() {
        String token = apiToken(ALICE);
        Jwt jwt = decoder.decode(token);
        CallerContext caller = CallerContext.of(jwt, false).withMailbox(ALICE);
        String delegated = tokens.forCaller(ExchangeTokens.Backend.EWS, caller);

        BenchReport.section("Identity: per-request cost",
                "In-process calls on the test's thread (" + WARMUP + " warm-up, " + RUNS + " measured), Redis on loopback; "
                        + "HTTP: one client, sequential requests over loopback (" + HTTP_WARMUP + " warm-up, " + HTTP_RUNS
                        + " measured). Goal: validation and cache hit < 0.3 ms at p50.");
        measure("validate an access token (RS256, JWKS cached, iss/aud/tid/exp/nbf)", WARMUP, RUNS, () -> decoder.decode(token));
        measure("delegated EWS token from the encrypted Redis cache (msal4j OBO, cache hit)", WARMUP, RUNS,
                () -> check(tokens.forCaller(ExchangeTokens.Backend.EWS, caller), delegated));
        measure("both, as a route needing EWS pays them", WARMUP, RUNS,
                () -> check(tokens.forCaller(ExchangeTokens.Backend.EWS, CallerContext.of(decoder.decode(token), false).withMailbox(ALICE)),
                        delegated));
        HttpRequest me = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me")).header("Authorization", "Bearer " + token).GET().build();
        measure("GET /api/v1/me over HTTP (security chain, rate limit in Redis, route, audit line)", HTTP_WARMUP, HTTP_RUNS, () -> {
            assertThat(send(me).statusCode()).isEqualTo(200);
            return null;
        });
    }

    private static Object check(String actual, String expected) {
        if (!actual.equals(expected)) {
            throw new AssertionError("the cache missed: a new delegated token was fetched");
        }
        return actual;
    }

    private static void measure(String name, int warmup, int runs, Supplier<Object> call) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        double[] samples = new double[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            call.get();
            samples[i] = (System.nanoTime() - started) / 1e6;
        }
        BenchReport.row(name, BenchReport.Stats.of(samples));
    }
}
