package io.exchangehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.exchangehub.config.HubProperties;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The hub's access-token decoder against an issuer the test controls: its keys are served over HTTP by
 * a JWKS endpoint of the test's, so every token here can be signed exactly as a real or a hostile issuer
 * would sign it. The same attacks run end to end in {@code ApiSecurityIT} where the sandbox issuer can
 * produce them.
 */
class TokenValidationTest {

    private static final String TENANT = "72f988bf-0000-4a8c-b1e2-000000000001";
    private static final String PARTNER = "72f988bf-0000-4a8c-b1e2-000000000002";
    private static final String AUDIENCE = "api://exchange-hub";
    private static final String CLIENT_ID = "3f1c9a62-hub";

    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer jwks;
    /** Generated once: 2048-bit keys take a moment each. */
    private static RSAKey issuerKey;
    private static RSAKey attackerKey;
    private String issuerBase;

    @BeforeAll
    static void keys() throws Exception {
        issuerKey = new RSAKeyGenerator(2048).keyID("issuer-1").generate();
        attackerKey = new RSAKeyGenerator(2048).keyID("attacker").generate();
    }

    @BeforeEach
    void startIssuer() throws Exception {
        published.set(new JWKSet(issuerKey.toPublicJWK()));
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/keys", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        issuerBase = "https://login.test/" + TENANT + "/";
    }

    @AfterEach
    void stopIssuer() {
        jwks.stop(0);
    }

    private JwtDecoder decoder(String issuer, List<String> tenants) throws Exception {
        IdentityProperties properties = new IdentityProperties(issuer,
                URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/keys"), tenants, Duration.ofSeconds(60),
                org.springframework.util.unit.DataSize.ofKilobytes(8), null, true,
                new IdentityProperties.Jwks(Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofSeconds(5)),
                new IdentityProperties.TokenCache(null, null, Duration.ofHours(1)),
                new IdentityProperties.Session(Duration.ofHours(8), "/", "__Host-XSRF-TOKEN"),
                new IdentityProperties.AppOnly(false, false), List.of());
        AzureAd azureAd = AzureAd.of(new HubProperties.Identity(TENANT, URI.create(issuerBase), CLIENT_ID, "secret", AUDIENCE), properties);
        return TokenValidation.accessTokenDecoder(TokenValidation.keys(azureAd, properties.jwks(),
                SSLContext.getDefault().getSocketFactory()), azureAd, properties);
    }

    private JwtDecoder decoder() throws Exception {
        return decoder(null, List.of());
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuerBase + "v2.0")
                .audience(AUDIENCE)
                .subject("alice-pairwise")
                .claim("tid", TENANT)
                .claim("oid", "11b94d70-6383-3542-9078-0e352533e5d1")
                .claim("preferred_username", "alice@contoso.example")
                .claim("scp", "Mail.Read")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        return sign(key, claims, header -> { });
    }

    private static String sign(RSAKey key, JWTClaimsSet claims, Consumer<JWSHeader.Builder> headers) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID());
        headers.accept(header);
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private String valid(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder builder = claims();
        change.accept(builder);
        return sign(issuerKey, builder.build());
    }

    @Test
    void aTokenOfTheIssuerForTheHubIsAccepted() throws Exception {
        Jwt jwt = decoder().decode(valid(claims -> { }));
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("alice@contoso.example");
    }

    @Test
    void azureAdV2TokensNamingTheHubByItsClientIdAreAccepted() throws Exception {
        assertThat(decoder().decode(valid(claims -> claims.audience(CLIENT_ID))).getAudience()).containsExactly(CLIENT_ID);
    }

    @Test
    void anExpiredTokenIsRefusedBeyondSixtySecondsOfSkew() throws Exception {
        JwtDecoder decoder = decoder();
        Instant now = Instant.now();
        Date anHourAgo = Date.from(now.minusSeconds(3600));
        assertThat(decoder.decode(valid(claims -> claims.issueTime(anHourAgo).notBeforeTime(anHourAgo)
                .expirationTime(Date.from(now.minusSeconds(30)))))).isNotNull();
        assertThatThrownBy(() -> decoder.decode(valid(claims -> claims.issueTime(anHourAgo).notBeforeTime(anHourAgo)
                .expirationTime(Date.from(now.minusSeconds(90))))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenNotYetValidIsRefusedBeyondSixtySecondsOfSkew() throws Exception {
        JwtDecoder decoder = decoder();
        Instant now = Instant.now();
        assertThat(decoder.decode(valid(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(30)))))).isNotNull();
        assertThatThrownBy(() -> decoder.decode(valid(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(120))))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("used before");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertThatThrownBy(() -> decoder().decode(valid(claims -> claims.expirationTime(null))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("exp");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertThatThrownBy(() -> decoder().decode(valid(claims -> claims.audience("https://graph.microsoft.com"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedEvenWhenSignedWithTheRightKey() throws Exception {
        assertThatThrownBy(() -> decoder().decode(valid(claims -> claims.issuer("https://evil.test/" + TENANT + "/v2.0"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
    }

    @Test
    void aTokenOfAnotherTenantIsRefused() throws Exception {
        assertThatThrownBy(() -> decoder().decode(valid(claims -> claims.claim("tid", PARTNER))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("tid");
    }

    @Test
    void anAllowedPartnerTenantNeedsItsOwnIssuerThroughTheTenantPlaceholder() throws Exception {
        JwtDecoder decoder = decoder("https://login.test/{tenantid}/v2.0", List.of(TENANT, PARTNER));
        Jwt partner = decoder.decode(valid(claims -> claims.claim("tid", PARTNER).issuer("https://login.test/" + PARTNER + "/v2.0")));
        assertThat(partner.getClaimAsString("tid")).isEqualTo(PARTNER);
        assertThatThrownBy(() -> decoder.decode(valid(claims -> claims.claim("tid", PARTNER))))
                .as("a partner's tid under the hub tenant's issuer").isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String none = new PlainJWT(claims().build()).serialize();
        assertThatThrownBy(() -> decoder().decode(none)).isInstanceOf(JwtException.class);
    }

    @Test
    void anHs256TokenSignedWithTheIssuersPublicKeyIsRefused() throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuerKey.getKeyID()).build(), claims().build());
        forged.sign(new MACSigner(issuerKey.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertThatThrownBy(() -> decoder().decode(forged.serialize())).isInstanceOf(JwtException.class);
    }

    @Test
    void aTamperedPayloadIsRefused() throws Exception {
        String[] parts = valid(claims -> { }).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("alice@", "bob@");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThatThrownBy(() -> decoder().decode(tampered)).isInstanceOf(JwtException.class);
    }

    @Test
    void keysNamedByJkuOrX5uOrEmbeddedInTheHeaderAreNeverUsed() throws Exception {
        JwtDecoder decoder = decoder();
        String jku = sign(attackerKey, claims().build(), header -> header.jwkURL(URI.create("https://evil.test/keys")));
        String x5u = sign(attackerKey, claims().build(), header -> header.x509CertURL(URI.create("https://evil.test/cert.pem")));
        String jwk = sign(attackerKey, claims().build(), header -> header.jwk(attackerKey.toPublicJWK()));
        String ownKid = sign(attackerKey, claims().build(), header -> header.keyID(issuerKey.getKeyID())
                .jwkURL(URI.create("https://evil.test/keys")));
        for (String token : List.of(jku, x5u, jwk, ownKid)) {
            assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        }
    }

    @Test
    void anUnknownKidIsRefusedAndAFloodOfThemFetchesTheKeysAtMostTwice() throws Exception {
        JwtDecoder decoder = decoder();
        decoder.decode(valid(claims -> { }));
        int afterFirst = fetches.get();
        for (int i = 0; i < 50; i++) {
            int n = i;
            String forged = sign(attackerKey, claims().build(), header -> header.keyID("unknown-" + n));
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        }
        // Nimbus's rate limit admits two fetches per interval (one plus one burst), then refuses without fetching
        assertThat(fetches.get() - afterFirst).isBetween(1, 2);
    }

    @Test
    void aKeyTheIssuerRotatedInIsFetchedOnItsFirstUse() throws Exception {
        JwtDecoder decoder = decoder();
        decoder.decode(valid(claims -> { }));
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("issuer-2").generate();
        published.set(new JWKSet(List.of(issuerKey.toPublicJWK(), rotated.toPublicJWK())));
        assertThat(decoder.decode(sign(rotated, claims().build())).getClaimAsString("tid")).isEqualTo(TENANT);
        assertThat(fetches.get()).isEqualTo(2);
    }
}
