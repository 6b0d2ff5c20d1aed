package io.exchangehub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The Backend-for-Frontend session end to end, as a browser goes through it: sign-in at the sandbox
 * issuer's login form (authorization code with PKCE), API calls with the session cookie alone, CSRF
 * tokens for state-changing calls, sign-out, and a cookie that no longer works afterwards. Cookies are
 * handled by hand, as a browser would, because the JDK's cookie store never sends a {@code Secure} cookie
 * over http (browsers do to localhost).
 */
class BrowserSessionIT extends HubIntegrationTest {

    private static final String SESSION_COOKIE = "__Host-hub-session";
    private static final String CSRF_COOKIE = "__Host-XSRF-TOKEN";

    @Autowired
    SslBundles sslBundles;

    @Autowired
    RedisConnectionFactory redis;

    @Autowired
    @Qualifier("springSessionDefaultRedisSerializer")
    RedisSerializer<Object> sessionValues;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** A browser's cookie jar: name → value, set by Set-Cookie, sent on every request to the hub. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private HttpResponse<String> hub(HttpRequest.Builder request) throws Exception {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
        }
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path));
    }

    /** Signs in as the user through the issuer's login form and returns the Set-Cookie of the signed-in session. */
    private String signIn(String user) throws Exception {
        HttpResponse<String> login = hub(at("/auth/login").GET());
        assertThat(login.statusCode()).isEqualTo(302);
        URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(sandboxInfo().get("authorizationEndpoint").asText())
                .contains("code_challenge_method=S256").contains("code_challenge=").contains("state=").contains("nonce=")
                .contains("scope=openid%20profile%20offline_access%20" + sandboxInfo().get("apiScope").asText());
        String preLoginSession = cookies.get(SESSION_COOKIE);

        HttpClient issuer = HttpClient.newBuilder().sslContext(sslBundles.getBundle("sandbox-issuer").createSslContext())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = issuer.send(HttpRequest.newBuilder(authorize).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(302);
        URI callback = URI.create(form.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/auth/callback");

        HttpResponse<String> signedIn = hub(HttpRequest.newBuilder(callback).GET());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(cookies.get(SESSION_COOKIE)).as("a new session id at sign-in").isNotEqualTo(preLoginSession);
        return signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SESSION_COOKIE)).findFirst().orElseThrow();
    }

    @Test
    void signInCallTheApiWithTheCookieSignOutAndTheCookieNoLongerWorks() throws Exception {
        String sessionCookie = signIn(ALICE);
        assertThat(sessionCookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/")
                .doesNotContainIgnoringCase("Domain=");

        HttpResponse<String> me = hub(at("/auth/me").GET());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode who = readJson(me.body());
        assertThat(who.get("upn").asText()).isEqualTo(ALICE);
        assertThat(who.get("authenticatedBy").asText()).isEqualTo("session");
        String csrf = who.get("csrf").get("token").asText();
        assertThat(cookies.get(CSRF_COOKIE)).isEqualTo(csrf);
        assertThat(me.body()).doesNotContain("eyJ");

        HttpResponse<String> api = hub(at("/api/v1/me?mailbox=" + encode(SALES)).GET());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(readJson(api.body()).get("authenticatedBy").asText()).isEqualTo("session");
        assertThat(readJson(api.body()).get("mailbox").asText()).isEqualTo(SALES);

        HttpRequest.Builder change = at("/api/v1/mail/messages/AAk1/move").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"destinationFolderId\":\"archive\"}"));
        HttpResponse<String> forged = hub(change);
        assertThat(forged.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(readJson(forged.body()).get("detail").asText()).contains("CSRF");
        HttpResponse<String> withToken = hub(at("/api/v1/mail/messages/AAk1/move").header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString("{\"destinationFolderId\":\"archive\"}")));
        assertThat(withToken.statusCode()).as("past authentication, authorization and CSRF, the route finds the id malformed")
                .isEqualTo(400);
        assertThat(readJson(withToken.body()).get("detail").asText()).contains("id is malformed");

        String stolen = cookies.get(SESSION_COOKIE);
        assertThat(hub(at("/auth/logout").POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("sign-out needs the token too")
                .isEqualTo(403);
        HttpResponse<String> logout = hub(at("/auth/logout").header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(cookies).doesNotContainKey(SESSION_COOKIE);

        cookies.put(SESSION_COOKIE, stolen);
        HttpResponse<String> after = hub(at("/api/v1/me").GET());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(hub(at("/auth/me").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionAndItsTokensAreEncryptedInRedis() throws Exception {
        signIn(BOB);
        String id = new String(Base64.getDecoder().decode(cookies.get(SESSION_COOKIE)), StandardCharsets.UTF_8);
        byte[] key = (REDIS_KEY_PREFIX + "session:sessions:" + id).getBytes(StandardCharsets.UTF_8);
        try (RedisConnection connection = redis.getConnection()) {
            Map<byte[], byte[]> fields = connection.hashCommands().hGetAll(key);
            assertThat(fields).isNotEmpty();
            assertThat(connection.keyCommands().ttl(key)).as("the idle timeout").isBetween(1L, Duration.ofMinutes(30).toSeconds());
            for (byte[] value : fields.values()) {
                if (value.length == 0) {
                    // a removed attribute (the sign-in's authorization request): Spring Session writes it empty
                    continue;
                }
                String stored = new String(value, StandardCharsets.ISO_8859_1);
                assertThat(stored).startsWith("v1.").doesNotContain("eyJ").doesNotContain(BOB);
            }
        }
        assertThat(hub(at("/api/v1/me").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionEndsAtTheAbsoluteLimitHoweverActiveItIs() throws Exception {
        signIn(CAROL);
        assertThat(hub(at("/api/v1/me").GET()).statusCode()).isEqualTo(200);
        String id = new String(Base64.getDecoder().decode(cookies.get(SESSION_COOKIE)), StandardCharsets.UTF_8);
        byte[] key = (REDIS_KEY_PREFIX + "session:sessions:" + id).getBytes(StandardCharsets.UTF_8);
        long nineHoursAgo = System.currentTimeMillis() - Duration.ofHours(9).toMillis();
        try (RedisConnection connection = redis.getConnection()) {
            connection.hashCommands().hSet(key, "creationTime".getBytes(StandardCharsets.UTF_8), sessionValues.serialize(nineHoursAgo));
        }
        assertThat(hub(at("/api/v1/me").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnauthenticatedApiCallStartsNoSession() throws Exception {
        HttpResponse<String> refused = hub(at("/api/v1/mail/messages").GET());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(List.copyOf(cookies.keySet())).isEmpty();
    }
}
