package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.UnauthorizedException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App-only access: client credentials through msal4j against the sandbox issuer (https with a
 * self-signed certificate, trusted through the endpoint's {@code sslContextParameters}, as an
 * operator would trust a private CA).
 */
class MsGraphAppCredentialIT extends MsGraphIntegrationTest {

    private static final String TRUST = "msGraphAppCredentialItIssuerTrust";

    @TempDir
    Path folder;

    /** The issuer's certificate, as an operator would export it into a trust store file. */
    @BeforeEach
    void trustTheIssuer() throws Exception {
        URI issuer = URI.create(sandboxInfo().get("issuer").asText());
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // only reading the certificate here
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // only reading the certificate here
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        Certificate[] chain;
        try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket(issuer.getHost(), issuer.getPort())) {
            socket.startHandshake();
            chain = socket.getSession().getPeerCertificates();
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("sandbox-issuer", chain[0]);
        Path file = folder.resolve("issuer-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource("file:" + file);
        keyStore.setPassword("changeit");
        keyStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(keyStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        camel.getRegistry().bind(TRUST, parameters);
    }

    private String appEndpoint(String secret) {
        JsonNode info = sandboxInfo();
        return "msgraph:folders?operation=listFolders&clientId=" + info.get("clientId").asText() + "&clientSecret=RAW(" + secret + ")"
                + "&authority=" + info.get("authority").asText() + "&scope=" + info.get("graphAudience").asText() + "/.default"
                + "&sslContextParameters=#" + TRUST;
    }

    @Test
    void anExchangeWithoutATokenUsesTheAppCredential() {
        Exchange exchange = producer.send(appEndpoint(sandboxInfo().get("clientSecret").asText()),
                e -> e.getMessage().setHeader(MsGraphConstants.MAILBOX, CAROL));
        assertThat(exchange.getException()).isNull();
        @SuppressWarnings("unchecked")
        List<MailFolder> folders = exchange.getMessage().getBody(List.class);
        assertThat(folders).extracting(MailFolder::path).contains("/Inbox", "/Archive 2024");
    }

    @Test
    void aWrongSecretIsUnauthorizedAndNeverShown() {
        Exchange exchange = producer.send(appEndpoint("wrong-secret-123"), e -> e.getMessage().setHeader(MsGraphConstants.MAILBOX, CAROL));
        assertThat(exchange.getException()).isInstanceOf(UnauthorizedException.class);
        assertThat(exchange.getException().getMessage()).doesNotContain("wrong-secret-123");
    }
}
