package io.exchangehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.exchangehub.HubIntegrationTest;
import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.model.UnauthorizedException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Iterator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * On-behalf-of and app-only tokens through msal4j against the sandbox issuer (https, its certificate
 * trusted through the SSL bundle), with msal4j's token cache in Redis, encrypted; and the sandbox's EWS
 * and Graph faces accepting what comes out.
 */
class ExchangeTokensIT extends HubIntegrationTest {

    @Autowired
    ExchangeTokens tokens;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DelegatedTokenHeaders delegatedTokens;

    @Autowired
    CamelContext camel;

    @Autowired
    @Qualifier("ewsAccessTokenProvider")
    AccessTokenProvider ewsTokens;

    @Autowired
    @Qualifier("msGraphAccessTokenProvider")
    AccessTokenProvider graphTokens;

    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void captureLogs() {
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private CallerContext caller(String user, String mailbox) {
        return CallerContext.of(decoder.decode(apiToken(user)), false).withMailbox(mailbox);
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private String cacheKey(CallerContext caller) {
        return tokens.userTokenCacheKey(caller.tenantId(), caller.objectId(),
                new com.microsoft.aad.msal4j.UserAssertion(caller.token().getTokenValue()).getAssertionHash());
    }

    private HttpResponse<String> getFolder(String ewsToken) {
        String envelope = """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
                    xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
                  <soap:Header><t:RequestServerVersion Version="Exchange2016"/></soap:Header>
                  <soap:Body>
                    <m:GetFolder>
                      <m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>
                      <m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds>
                    </m:GetFolder>
                  </soap:Body>
                </soap:Envelope>""";
        return send(HttpRequest.newBuilder(URI.create(sandboxInfo().get("ewsUrl").asText()))
                .header("Authorization", "Bearer " + ewsToken).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
    }

    @Test
    void theCallersTokenIsExchangedForAnEwsTokenTheEwsFaceAccepts() throws Exception {
        CallerContext alice = caller(ALICE, ALICE);
        String ews = tokens.forCaller(ExchangeTokens.Backend.EWS, alice);
        JWTClaimsSet claims = claims(ews);
        assertThat(claims.getAudience()).containsExactly(sandboxInfo().get("ewsAudience").asText());
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(ALICE);
        assertThat(claims.getStringClaim("scp")).isEqualTo("EWS.AccessAsUser.All");
        assertThat(getFolder(ews).statusCode()).isEqualTo(200);
    }

    @Test
    void andForAGraphTokenTheGraphFaceAccepts() throws Exception {
        String graph = tokens.forCaller(ExchangeTokens.Backend.MS_GRAPH, caller(CAROL, CAROL));
        assertThat(claims(graph).getAudience()).containsExactly(sandboxInfo().get("graphAudience").asText());
        HttpResponse<String> me = send(HttpRequest.newBuilder(URI.create(sandboxInfo().get("graphUrl").asText() + "/me"))
                .header("Authorization", "Bearer " + graph).GET().build());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(CAROL);
    }

    @Test
    void aSecondCallIsServedFromTheEncryptedCacheInRedis() {
        CallerContext bob = caller(BOB, BOB);
        String first = tokens.forCaller(ExchangeTokens.Backend.EWS, bob);
        String second = tokens.forCaller(ExchangeTokens.Backend.EWS, bob);
        assertThat(second).as("the issuer signs a new token for every exchange").isEqualTo(first);
        String stored = redis.opsForValue().get(cacheKey(bob));
        assertThat(stored).startsWith("v1." + tokens.cipher().currentKeyId() + ".")
                .doesNotContain(first).doesNotContain("eyJ").doesNotContain("AccessToken").doesNotContain(BOB);
        assertThat(redis.getExpire(cacheKey(bob))).isPositive();
        assertThat(tokens.cipher().decrypt(stored, cacheKey(bob))).contains(first);
    }

    @Test
    void aCachedTokenIsRenewedBeforeItExpires() throws Exception {
        CallerContext alice = caller(ALICE, ALICE);
        String cached = tokens.forCaller(ExchangeTokens.Backend.MS_GRAPH, alice);
        String key = cacheKey(alice);
        ObjectNode cache = (ObjectNode) readJson(tokens.cipher().decrypt(redis.opsForValue().get(key), key));
        long soon = Instant.now().plusSeconds(120).getEpochSecond();
        for (Iterator<JsonNode> entries = cache.get("AccessToken").elements(); entries.hasNext(); ) {
            ((ObjectNode) entries.next()).put("expires_on", Long.toString(soon));
        }
        redis.opsForValue().set(key, tokens.cipher().encrypt(JSON.writeValueAsString(cache), key));

        String renewed = tokens.forCaller(ExchangeTokens.Backend.MS_GRAPH, alice);
        assertThat(renewed).isNotEqualTo(cached);
        assertThat(claims(renewed).getExpirationTime().toInstant()).isAfter(Instant.now().plusSeconds(1800));
    }

    @Test
    void consumersGetATokenForAMailboxAUserOfItOpenedAndNoneForOthers() throws Exception {
        tokens.forCaller(ExchangeTokens.Backend.EWS, caller(ALICE, SALES));
        String forSales = ewsTokens.accessToken(SALES);
        assertThat(claims(forSales).getStringClaim("preferred_username")).isEqualTo(ALICE);
        assertThat(getFolder(forSales).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> graphTokens.accessToken("nobody@contoso.example")).isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("nobody@contoso.example");
    }

    @Test
    void appOnlyTokensCarryTheHubsRolesAndAreCachedToo() throws Exception {
        String app = tokens.appOnly(ExchangeTokens.Backend.EWS);
        assertThat(claims(app).getStringListClaim("roles")).containsExactly("full_access_as_app");
        assertThat(claims(app).getClaim("scp")).isNull();
        assertThat(tokens.appOnly(ExchangeTokens.Backend.EWS)).isEqualTo(app);
    }

    @Test
    void theDelegatedTokensBeanPutsTheTokenInTheComponentsHeader() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(CallerContext.ATTRIBUTE, caller(BOB, BOB));
        delegatedTokens.ews(exchange);
        String header = exchange.getMessage().getHeader("CamelEwsAccessToken", String.class);
        assertThat(claims(header).getAudience()).containsExactly(sandboxInfo().get("ewsAudience").asText());
        assertThat(exchange.getMessage().getHeader("CamelMsGraphAccessToken")).isNull();
    }

    @Test
    void anAssertionTheIssuerRefusesIsAnUnauthorizedFailureNamingAzureAdsCode() {
        String graphToken = graphToken(BOB);
        Jwt notForTheHub = Jwt.withTokenValue(graphToken).header("alg", "RS256").claim("oid", "x").claim("tid", "t")
                .claim("scp", "Mail.Read").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
        CallerContext forged = CallerContext.of(notForTheHub, false);
        assertThatThrownBy(() -> tokens.forCaller(ExchangeTokens.Backend.EWS, forged))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.backendCode()).isEqualTo("invalid_grant"))
                .hasMessageNotContaining(graphToken);
    }

    @AfterEach
    void noTokenWasLogged() {
        logs.list.forEach(event -> assertThat(event.getFormattedMessage()).doesNotContain("eyJ"));
    }
}
