package io.exchangehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.exchangehub.HubIntegrationTest;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@code /api/**} end to end, with real tokens of the sandbox issuer and forged ones: every known JWT
 * attack is refused with 401 and an RFC 6750 challenge, a missing scope or a foreign mailbox with 403,
 * and a request that passes reaches its route. The claims attacks that need the issuer's own key (expired, not yet valid,
 * other issuer or tenant) are in {@code TokenValidationTest}, against an issuer the test controls.
 */
class ApiSecurityIT extends HubIntegrationTest {

    @Autowired
    SslBundles sslBundles;

    @Autowired
    RedisConnectionFactory redis;

    @Autowired
    RateLimitProperties rateLimits;

    private ListAppender<ILoggingEvent> audit;

    @BeforeEach
    void captureAudit() {
        audit = new ListAppender<>();
        audit.start();
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).addAppender(audit);
    }

    private List<String> auditLines() {
        synchronized (audit) {
            return audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @AfterEach
    void releaseAudit() {
        ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).detachAppender(audit);
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String kind) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(readJson(response.body()).get("type").asText()).isEqualTo("urn:exchange-hub:problem:" + kind);
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer").contains("error=\"invalid_token\""));
    }

    private HttpClient issuerClient() {
        return HttpClient.newBuilder().sslContext(sslBundles.getBundle("sandbox-issuer").createSslContext()).build();
    }

    private String appToken() throws Exception {
        JsonNode info = sandboxInfo();
        HttpResponse<String> response = issuerClient().send(HttpRequest.newBuilder(URI.create(info.get("tokenEndpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + encode(info.get("clientId").asText())
                        + "&client_secret=" + encode(info.get("clientSecret").asText()) + "&scope=" + encode(info.get("apiScope").asText())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return readJson(response.body()).get("access_token").asText();
    }

    @Test
    void aRequestWithoutTokenIsChallengedWith401() {
        HttpResponse<String> response = get("/api/v1/mail/messages", null);
        assertProblem(response, 401, "unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"exchange-hub\"");
    }

    @Test
    void aValidTokenReachesTheRouteAndTheCallerIsTheTokensUser() {
        String token = apiToken(ALICE);
        HttpResponse<String> inbox = get("/api/v1/mail/folders/inbox/messages?top=1", token);
        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode caller = readJson(me.body());
        assertThat(caller.get("upn").asText()).isEqualTo(ALICE);
        assertThat(caller.get("mailbox").asText()).isEqualTo(ALICE);
        assertThat(caller.get("authenticatedBy").asText()).isEqualTo("bearer");
        assertThat(caller.get("scopes").toString()).contains("Mail.Read");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = apiToken(BOB).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";
        assertInvalidToken(get("/api/v1/me", none));
    }

    @Test
    void anHs256TokenSignedWithTheIssuersPublicKeyIsRefused() throws Exception {
        String jwks = issuerClient().send(HttpRequest.newBuilder(URI.create(sandboxInfo().get("jwksUri").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        RSAKey issuerKey = (RSAKey) JWKSet.parse(jwks).getKeys().get(0);
        SignedJWT real = SignedJWT.parse(apiToken(BOB));
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(issuerKey.getKeyID()).build(),
                real.getJWTClaimsSet());
        forged.sign(new MACSigner(issuerKey.toRSAPublicKey().getEncoded()));
        assertInvalidToken(get("/api/v1/me", forged.serialize()));
    }

    @Test
    void aTokenSignedWithAnUnknownKeyOrNamingKeysElsewhereIsRefused() throws Exception {
        SignedJWT real = SignedJWT.parse(apiToken(BOB));
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("attacker-key").generate();
        String realKid = real.getHeader().getKeyID();
        List<JWSHeader> headers = List.of(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("attacker-key").build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("attacker-key")
                        .jwkURL(URI.create("https://attacker.example/keys")).build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(realKid)
                        .jwkURL(URI.create("https://attacker.example/keys")).build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(realKid)
                        .x509CertURL(URI.create("https://attacker.example/cert.pem")).build(),
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).jwk(attacker.toPublicJWK()).build());
        for (JWSHeader header : headers) {
            SignedJWT forged = new SignedJWT(header, real.getJWTClaimsSet());
            forged.sign(new RSASSASigner(attacker));
            assertInvalidToken(get("/api/v1/me", forged.serialize()));
        }
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = apiToken(CAROL).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(CAROL, ALICE);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertInvalidToken(get("/api/v1/me", tampered));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        HttpResponse<String> response = get("/api/v1/me", graphToken(CAROL));
        assertInvalidToken(response);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("aud");
    }

    @Test
    void aSixteenKilobyteTokenIsRefusedBeforeItIsParsed() {
        String[] parts = apiToken(ALICE).split("\\.");
        String huge = parts[0] + "." + parts[1] + "A".repeat(16 * 1024) + "." + parts[2];
        HttpResponse<String> response = get("/api/v1/me", huge);
        assertInvalidToken(response);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("too large");
    }

    @Test
    void aTokenInTheQueryStringIsRefusedEvenBesideAValidHeader() {
        String token = apiToken(ALICE);
        for (String authorization : new String[] {null, token}) {
            HttpResponse<String> response = get("/api/v1/me?access_token=" + token, authorization);
            assertProblem(response, 400, "validation");
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_request\"");
            assertThat(response.body()).doesNotContain(token);
        }
    }

    @Test
    void aTokenWithoutTheScopeAnOperationNeedsIsRefusedWith403NamingIt() {
        String calendarsOnly = token(CAROL, sandboxInfo().get("apiAudience").asText() + "/Calendars.Read");
        HttpResponse<String> mail = get("/api/v1/mail/messages", calendarsOnly);
        assertProblem(mail, 403, "forbidden");
        assertThat(mail.headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"").contains("scope=\"Mail.Read Mail.ReadWrite\"");
        assertThat(readJson(mail.body()).get("requiredScopes").toString()).contains("Mail.Read");
        // past the scope check, the route refuses the missing window
        assertProblem(get("/api/v1/calendar/events", calendarsOnly), 400, "validation");
    }

    @Test
    void aUserOpensASharedMailboxTheyAreGrantedAndNoOneElses() {
        JsonNode sales = readJson(get("/api/v1/me?mailbox=" + encode(SALES), apiToken(ALICE)).body());
        assertThat(sales.get("mailbox").asText()).isEqualTo(SALES);
        HttpResponse<String> bobs = get("/api/v1/mail/messages?mailbox=" + encode(BOB), apiToken(ALICE));
        assertProblem(bobs, 403, "forbidden");
        assertThat(readJson(bobs.body()).get("detail").asText()).contains(BOB);
        assertProblem(get("/api/v1/me?mailbox=" + encode(SALES), apiToken(CAROL)), 403, "forbidden");
        assertProblem(get("/api/v1/me?mailbox=" + encode(ALICE) + "&mailbox=" + encode(BOB), apiToken(ALICE)), 403, "forbidden");
    }

    @Test
    void aClientCannotSetTheCallerHeadersOfTheRoutes() {
        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me"))
                .header("Authorization", "Bearer " + apiToken(ALICE))
                .header(CallerHeaders.MAILBOX, BOB).header(CallerHeaders.CALLER_UPN, BOB).GET().build());
        assertThat(readJson(me.body()).get("mailbox").asText()).isEqualTo(ALICE);
        assertThat(readJson(me.body()).get("upn").asText()).isEqualTo(ALICE);
    }

    @Test
    void appOnlyTokensAreJudgedByTheirRolesAndNameTheMailbox() throws Exception {
        String app = appToken();
        JsonNode me = readJson(get("/api/v1/me?mailbox=" + encode(CAROL), app).body());
        assertThat(me.get("appOnly").asBoolean()).isTrue();
        assertThat(me.get("mailbox").asText()).isEqualTo(CAROL);
        assertThat(me.get("roles").toString()).contains("Mail.Send.All");
        HttpResponse<String> carols = get("/api/v1/mail/folders/inbox/messages?top=1&mailbox=" + encode(CAROL), app);
        assertThat(carols.statusCode()).as(carols.body()).isEqualTo(200);
    }

    @Test
    void publicPathsNeedNoTokenAndEverythingElseOutsideTheApiIsClosed() {
        assertThat(get("/api/v1", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/openapi.json", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/docs/index.html", null).statusCode()).isEqualTo(200);
        HttpResponse<String> notification = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/notifications/graph"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(notification.statusCode()).isNotIn(401, 403);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/sandbox/info", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", apiToken(ALICE)).statusCode()).as("the hub's tokens open nothing else").isEqualTo(401);
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoCorsGrant() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1"))
                .header("Origin", "https://crm.attacker.example").GET().build());
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS only over TLS").isEmpty();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/me"))
                .header("Origin", "https://crm.attacker.example").header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aBodyOverTheOperationsLimitIsRefusedWith413() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/mail/messages/AAk1/move"))
                .header("Authorization", "Bearer " + apiToken(BOB)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"destination\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")).build());
        assertProblem(response, 413, "payload-too-large");
    }

    @Test
    void everyOperationIsAuditedOnceWithoutTokenOrQuery() {
        String token = apiToken(ALICE);
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpResponse<String> denied = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/mail/messages?mailbox=" + encode(BOB)
                + "&search=quarterly+results")).header("Authorization", "Bearer " + token).header("traceparent", traceparent).GET().build());
        assertThat(readJson(denied.body()).get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        get("/api/v1/me?mailbox=" + encode(SALES), token);

        // a route's line is written when platform-http completes the response, on another thread
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditLines()).hasSize(2));
        List<JsonNode> lines = auditLines().stream().map(ApiSecurityIT::readJson).toList();
        JsonNode refused = lines.get(0);
        assertThat(refused.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(refused.get("upn").asText()).isEqualTo(ALICE);
        assertThat(refused.get("oid").asText()).isNotBlank();
        assertThat(refused.get("mailbox").asText()).isEqualTo(BOB);
        assertThat(refused.get("action").asText()).isEqualTo("mail-read");
        assertThat(refused.get("result").asText()).isEqualTo("denied");
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        JsonNode granted = lines.get(1);
        assertThat(granted.get("mailbox").asText()).isEqualTo(SALES);
        assertThat(granted.get("result").asText()).isEqualTo("success");
        assertThat(granted.get("via").asText()).isEqualTo("bearer");
        auditLines().forEach(line -> assertThat(line).doesNotContain(token).doesNotContain("quarterly"));
    }

    @Test
    void theBudgetIsSharedByEveryInstanceAnd429TellsWhenToRetry() throws Exception {
        String app = appToken();
        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/mail/messages/AAk1?mailbox=" + encode(CAROL)))
                .header("Authorization", "Bearer " + app).method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build());
        RateLimitProperties.Budget write = rateLimits.classes().get("write");
        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue(Long.toString(write.capacity()));
        long remaining = Long.parseLong(first.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertThat(remaining).isEqualTo(write.capacity() - 1);
        assertThat(Long.parseLong(first.headers().firstValue("RateLimit-Reset").orElseThrow())).isPositive();

        // another hub instance: its own connection to the same Redis, spending the same caller's budget; it
        // spends twice the budget at once, so that no refill can come between it and the next request
        JsonNode claims = readJson(new String(Base64.getUrlDecoder().decode(app.split("\\.")[1]), StandardCharsets.UTF_8));
        RateLimiter hub = new RateLimiter(() -> null, rateLimits, REDIS_KEY_PREFIX);
        String key = hub.bucketKey("write", claims.get("tid").asText() + ":" + claims.get("oid").asText());
        RedisClient client = (RedisClient) ((LettuceConnectionFactory) redis).getNativeClient();
        try (StatefulRedisConnection<String, byte[]> otherInstance = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            Bucket4jLettuce.casBasedBuilder(otherInstance).build().builder().build(key, () -> RateLimiter.configuration(write))
                    .consumeIgnoringRateLimits(2 * write.capacity());
        }
        HttpResponse<String> throttled = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/mail/messages/AAk1?mailbox=" + encode(CAROL)))
                .header("Authorization", "Bearer " + app).method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build());
        assertProblem(throttled, 429, "throttled");
        assertThat(throttled.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(60L, 120L);
        assertThat(get("/api/v1/me?mailbox=" + encode(CAROL), app).statusCode()).as("the read budget is another").isEqualTo(200);
    }
}
