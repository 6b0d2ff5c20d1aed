package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.model.Attachment;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import io.exchangehub.model.UnauthorizedException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The configured alternatives to the per-exchange bearer token. App-only with impersonation runs
 * against the sandbox (its issuer grants {@code full_access_as_app} to the hub's registration
 * with client credentials, its EWS face requires the ExchangeImpersonation header for such
 * tokens). The sandbox speaks no NTLM or Basic, so those are tested against a small HTTP server
 * of the test that answers with the challenge and records what the client sends back.
 */
class EwsAuthenticationIT extends EwsComponentTestSupport {

    private String appToken;

    private synchronized String appOnlyToken(String mailbox) {
        if (appToken == null) {
            try {
                SSLContext trusting = SSLContext.getInstance("TLS");
                trusting.init(null, new TrustManager[] {new X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String type) {
                        // the sandbox issuer's self-signed certificate, on this machine only
                    }

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String type) {
                        // as above
                    }

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }}, null);
                HttpClient https = HttpClient.newBuilder().sslContext(trusting).build();
                String form = "grant_type=client_credentials&client_id=" + encode(sandboxInfo().get("clientId").asText())
                        + "&client_secret=" + encode(sandboxInfo().get("clientSecret").asText()) + "&scope="
                        + encode(sandboxInfo().get("ewsAudience").asText() + "/.default");
                HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(
                        sandboxInfo().get("tokenEndpoint").asText())).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                appToken = readJson(response.body()).get("access_token").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return appToken;
    }

    @Test
    @SuppressWarnings("unchecked")
    void appOnlyTokensActAsTheMailboxThroughImpersonation() throws Exception {
        camel.getRegistry().bind("ewsAppTokens", AccessTokenProvider.class, (AccessTokenProvider) this::appOnlyToken);
        String uri = "ews:messages?authentication=APP_ONLY_IMPERSONATION&accessTokenProvider=#ewsAppTokens";
        Exchange listed = template.request(uri, e -> {
            e.getMessage().setHeader(EwsConstants.OPERATION, EwsOperation.listMessages);
            e.getMessage().setHeader(EwsConstants.MAILBOX, BOB);
            e.getMessage().setHeader(EwsConstants.FILTER_SUBJECT, "Board pack for Q3");
        });
        assertThat(listed.getException()).isNull();
        MailMessage boardPack = ((Page<MailMessage>) listed.getMessage().getBody(Page.class)).items().get(0);
        assertThat(boardPack.toRecipients()).isNotNull();

        Exchange attachments = template.request(uri.replace("ews:messages", "ews:attachments"), e -> {
            e.getMessage().setHeader(EwsConstants.OPERATION, EwsOperation.listAttachments);
            e.getMessage().setHeader(EwsConstants.MAILBOX, BOB);
            e.getMessage().setHeader(EwsConstants.ITEM_ID, boardPack.id());
        });
        Attachment pdf = ((List<Attachment>) attachments.getMessage().getBody(List.class)).get(0);
        Exchange download = template.request(uri.replace("ews:messages", "ews:attachments"), e -> {
            e.getMessage().setHeader(EwsConstants.OPERATION, EwsOperation.downloadAttachment);
            e.getMessage().setHeader(EwsConstants.MAILBOX, BOB);
            e.getMessage().setHeader(EwsConstants.ATTACHMENT_ID, pdf.id());
        });
        assertThat(download.getException()).isNull();
        try (InputStream in = download.getMessage().getBody(InputStream.class)) {
            assertThat(in.readNBytes(5)).isEqualTo("%PDF-".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void withoutATokenOrAProviderTheCallIsUnauthorizedBeforeAnythingIsSent() {
        Exchange exchange = template.request("ews:messages", e -> {
            e.getMessage().setHeader(EwsConstants.OPERATION, EwsOperation.listMessages);
            e.getMessage().setHeader(EwsConstants.MAILBOX, ALICE);
        });
        assertThat(exchange.getException()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void basicCredentialsAnswerTheServersChallengeAndStayOutOfErrors() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = challenging("Basic realm=\"EWS\"", authorizations);
        try {
            Exchange exchange = template.request("ews:messages?authentication=BASIC&username=svc-crm&password=s3cret-pw&url=http://"
                    + "127.0.0.1:" + server.getAddress().getPort() + "/EWS/Exchange.asmx", e -> {
                        e.getMessage().setHeader(EwsConstants.OPERATION, EwsOperation.listMessages);
                        e.getMessage().setHeader(EwsConstants.MAILBOX, ALICE);
                    });
            assertThat(authorizations).contains("Basic " + Base64.getEncoder().encodeToString("svc-crm:s3cret-pw"
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(exchange.getException()).isInstanceOf(UnauthorizedException.class);
            assertThat(exchange.getException().getMessage()).doesNotContain("s3cret-pw", "svc-crm");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void ntlmCredentialsStartTheNtlmHandshake() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = challenging("NTLM", authorizations);
        try {
            Exchange exchange = template.request("ews:messages?authentication=NTLM&username=svc-crm&password=s3cret-pw&domain=CONTOSO"
                    + "&url=http://127.0.0.1:" + server.getAddress().getPort() + "/EWS/Exchange.asmx", e -> {
                        e.getMessage().setHeader(EwsConstants.OPERATION, EwsOperation.listMessages);
                        e.getMessage().setHeader(EwsConstants.MAILBOX, ALICE);
                    });
            assertThat(authorizations).anyMatch(a -> a.startsWith("NTLM TlRMTVNTUAAB"));
            assertThat(exchange.getException()).isInstanceOf(UnauthorizedException.class);
        } finally {
            server.stop(0);
        }
    }

    /** A server that answers every request with 401 and the challenge, recording the Authorization headers it got. */
    private static HttpServer challenging(String challenge, List<String> authorizations) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
