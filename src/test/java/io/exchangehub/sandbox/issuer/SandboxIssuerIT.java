package io.exchangehub.sandbox.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.UserAssertion;
import com.nimbusds.jwt.SignedJWT;
import io.exchangehub.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox's Azure AD stand-in, driven by msal4j and by a browser-like client. */
class SandboxIssuerIT extends HubIntegrationTest {

    @Autowired
    SandboxIssuer issuer;

    @Autowired
    SandboxTokenVerifier verifier;

    private ConfidentialClientApplication hub(String secret) throws Exception {
        JsonNode info = sandboxInfo();
        return ConfidentialClientApplication.builder(info.get("clientId").asText(), ClientCredentialFactory.createFromSecret(secret))
                .authority(info.get("authority").asText())
                .instanceDiscovery(false)
                .validateAuthority(false)
                .sslSocketFactory(issuer.trustingSslContext().getSocketFactory())
                .build();
    }

    @Test
    void msalClientCredentialsGetsAnAppOnlyTokenWithTheResourcesRoles() throws Exception {
        JsonNode info = sandboxInfo();
        IAuthenticationResult result = hub(info.get("clientSecret").asText())
                .acquireToken(ClientCredentialParameters.builder(Set.of(info.get("ewsAudience").asText() + "/.default")).build()).get();
        SignedJWT token = SignedJWT.parse(result.accessToken());
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(info.get("issuer").asText());
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("full_access_as_app");
        SandboxCaller caller = verifier.verify("Bearer " + result.accessToken(), info.get("ewsAudience").asText());
        assertThat(caller.appOnly()).isTrue();
        assertThat(caller.has("full_access_as_app")).isTrue();
    }

    @Test
    void msalOnBehalfOfExchangesTheUsersHubTokenForAnEwsToken() throws Exception {
        JsonNode info = sandboxInfo();
        String userToken = apiToken(ALICE);
        IAuthenticationResult result = hub(info.get("clientSecret").asText()).acquireToken(
                OnBehalfOfParameters.builder(Set.of(info.get("ewsScope").asText()), new UserAssertion(userToken)).build()).get();
        SandboxCaller caller = verifier.verify("Bearer " + result.accessToken(), info.get("ewsAudience").asText());
        assertThat(caller.upn()).isEqualTo(ALICE);
        assertThat(caller.scopes()).containsExactly("EWS.AccessAsUser.All");
        assertThat(caller.objectId()).isEqualTo(info.get("users").get(0).get("objectId").asText());
    }

    @Test
    void onBehalfOfRefusesAssertionsNotMeantForTheHubAndWrongSecrets() throws Exception {
        JsonNode info = sandboxInfo();
        String graphToken = graphToken(BOB);
        assertThatThrownBy(() -> hub(info.get("clientSecret").asText()).acquireToken(
                OnBehalfOfParameters.builder(Set.of(info.get("ewsScope").asText()), new UserAssertion(graphToken)).build()).get())
                .hasCauseInstanceOf(MsalServiceException.class)
                .cause().satisfies(e -> assertThat(((MsalServiceException) e).errorCode()).isEqualTo("invalid_grant"));
        assertThatThrownBy(() -> hub("wrong-secret").acquireToken(
                OnBehalfOfParameters.builder(Set.of(info.get("ewsScope").asText()), new UserAssertion(apiToken(BOB))).build()).get())
                .hasCauseInstanceOf(MsalServiceException.class)
                .cause().satisfies(e -> assertThat(((MsalServiceException) e).errorCode()).isEqualTo("invalid_client"));
    }

    @Test
    void authorizationCodeWithPkceSignsInThroughTheLoginForm() throws Exception {
        JsonNode info = sandboxInfo();
        HttpClient browser = HttpClient.newBuilder().sslContext(issuer.trustingSslContext())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifierText = "a-code-verifier-that-is-long-enough-for-rfc-7636-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifierText.getBytes(StandardCharsets.US_ASCII)));
        String authorize = info.get("authorizationEndpoint").asText() + "?client_id=" + encode(info.get("clientId").asText())
                + "&response_type=code&redirect_uri=" + encode("http://localhost/callback") + "&state=s1&nonce=n1"
                + "&scope=" + encode("openid profile " + info.get("apiScope").asText())
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(ALICE).contains(BOB).contains(CAROL).doesNotContain(SALES);

        HttpResponse<String> unknown = browser.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode("mallory@contoso.example"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(400);

        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(BOB) + "&claims=" + encode("{\"oid\":\"forged\"}"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        URI callback = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getQuery()).contains("state=s1");
        String code = callback.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        String redeem = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode("http://localhost/callback")
                + "&client_id=" + encode(info.get("clientId").asText()) + "&client_secret=" + encode(info.get("clientSecret").asText());
        HttpResponse<String> wrongVerifier = browser.send(HttpRequest.newBuilder(URI.create(info.get("tokenEndpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(redeem + "&code_verifier=" + "x".repeat(50))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);

        HttpResponse<String> login2 = browser.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(BOB))).build(), HttpResponse.BodyHandlers.ofString());
        String code2 = URI.create(login2.headers().firstValue("Location").orElseThrow()).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        String redeem2 = redeem.replace("code=" + code, "code=" + code2) + "&code_verifier=" + verifierText;
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(info.get("tokenEndpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(redeem2)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = readJson(tokens.body());
        assertThat(body.has("id_token")).isTrue();
        SandboxCaller caller = verifier.verify("Bearer " + body.get("access_token").asText(), info.get("apiAudience").asText());
        assertThat(caller.upn()).isEqualTo(BOB);
        assertThat(caller.objectId()).as("the form cannot forge claims").isEqualTo(info.get("users").get(1).get("objectId").asText());
        assertThat(caller.scopes()).contains("Mail.Read", "Calendars.ReadWrite");
    }

    @Test
    void facesRefuseTokensOfOtherAudiencesAndForgedOnes() {
        JsonNode info = sandboxInfo();
        String graph = graphToken(CAROL);
        assertThatThrownBy(() -> verifier.verify("Bearer " + graph, info.get("ewsAudience").asText()))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.WRONG_AUDIENCE));
        String[] parts = graph.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(CAROL, ALICE).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier.verify("Bearer " + parts[0] + "." + forgedPayload + "." + parts[2], info.get("graphAudience").asText()))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.BAD_SIGNATURE));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
        assertThatThrownBy(() -> verifier.verify("Bearer " + none, info.get("graphAudience").asText())).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(null, info.get("graphAudience").asText()))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.MISSING));
    }
}
