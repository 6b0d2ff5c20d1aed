package io.exchangehub.sandbox.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import io.exchangehub.sandbox.SandboxProperties;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.MailboxType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox's Azure AD: mock-oauth2-server in-process over https (msal4j accepts only https
 * authorities) with a self-signed certificate. Its issuer is
 * {@code https://localhost:<port>/<tenant>/oauth2/v2.0}, so that an msal4j authority of
 * {@code https://localhost:<port>/<tenant>/} posts to the token endpoint Azure AD has, and its
 * tokens carry Azure AD's claims. It also signs tokens directly for {@code /sandbox/token}.
 */
public final class SandboxIssuer implements AutoCloseable {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private final SandboxProperties properties;
    private final SandboxResources resources;
    private final SandboxApps apps;
    private final Map<String, IssuerGatekeeper.User> users = new LinkedHashMap<>();
    private final String issuerId;
    private final OAuth2TokenProvider tokenProvider = new OAuth2TokenProvider();
    private final AuthorizationScopes authorizationScopes = new AuthorizationScopes();
    private final Path loginPage;
    /** The running server and its certificate; made in the background, since a self-signed certificate takes a second to generate. */
    private CompletableFuture<Running> running;

    private record Running(MockOAuth2Server server, Ssl ssl) {}

    public SandboxIssuer(SandboxProperties properties, List<Mailbox> mailboxes) {
        this.properties = properties;
        this.resources = new SandboxResources(properties);
        this.apps = new SandboxApps(properties.clientId());
        this.issuerId = properties.tenantId() + "/oauth2/v2.0";
        for (Mailbox mailbox : mailboxes) {
            if (mailbox.type == MailboxType.USER) {
                users.put(mailbox.address, new IssuerGatekeeper.User(mailbox.address, mailbox.displayName, mailbox.objectId.toString()));
            }
        }
        this.loginPage = writeLoginPage();
    }

    /** Starts the issuer in the background; everything that needs its URL or certificate waits for it. */
    public synchronized void start() {
        if (running == null) {
            running = CompletableFuture.supplyAsync(this::launch, runnable -> {
                Thread thread = new Thread(runnable, "sandbox-issuer-start");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    private Running launch() {
        Ssl ssl = new Ssl();
        AzureAdTokenCallback callback = new AzureAdTokenCallback(issuerId, properties.tenantId(), resources, apps,
                LIFETIME.toSeconds(), authorizationScopes);
        OAuth2Config config = new OAuth2Config(true, loginPage.toString(), null, false, tokenProvider, Set.of(callback),
                new MockWebServerWrapper(ssl));
        // the gatekeeper fronts a handler of its own: the server's default handler stays unused
        OAuth2HttpRequestHandler handler = new OAuth2HttpRequestHandler(config);
        IssuerGatekeeper gatekeeper = new IssuerGatekeeper(handler.getAuthorizationServer(),
                upn -> users.get(upn.toLowerCase(Locale.ROOT)), apps, resources, this::issuer, properties.tenantId(),
                properties.apiAudience(), tokenProvider.publicJwkSet(issuerId), authorizationScopes);
        MockOAuth2Server server = new MockOAuth2Server(config, gatekeeper);
        server.start(properties.issuerPort());
        return new Running(server, ssl);
    }

    private Running running() {
        start();
        return running.join();
    }

    @Override
    public void close() {
        running().server().shutdown();
        try {
            Files.deleteIfExists(loginPage);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans it up
        }
    }

    /** The issuer URL, the {@code iss} of every token, without a trailing slash. */
    public String issuer() {
        String url = running().server().issuerUrl(issuerId).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The authority msal4j takes: it appends {@code oauth2/v2.0/token}. */
    public String authority() {
        return running().server().url(properties.tenantId() + "/").toString();
    }

    public String tokenEndpoint() {
        return issuer() + "/token";
    }

    public String authorizationEndpoint() {
        return issuer() + "/authorize";
    }

    public String jwksUri() {
        return issuer() + "/jwks";
    }

    public String metadataUrl() {
        return issuer() + "/.well-known/openid-configuration";
    }

    public JWKSet publicKeys() {
        return tokenProvider.publicJwkSet(issuerId);
    }

    public SandboxResources resources() {
        return resources;
    }

    public SandboxApps apps() {
        return apps;
    }

    /** Users who may sign in, by address. */
    public Map<String, IssuerGatekeeper.User> users() {
        return Collections.unmodifiableMap(users);
    }

    /**
     * A delegated token for a sandbox user, as if the user had signed in to the hub's app
     * registration and asked for {@code scope}.
     *
     * @throws IssuerException if the user is unknown or the scope is not one the tenant grants
     */
    public IssuedToken issueFor(String upn, String scope) {
        IssuerGatekeeper.User user = upn == null ? null : users.get(upn.toLowerCase(Locale.ROOT));
        if (user == null) {
            throw new IssuerException("invalid_grant", 50034, "The user account does not exist in the sandbox directory.");
        }
        ScopeRequest scopes = ScopeRequest.parse(scope, resources, false);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("aud", scopes.resource().audience());
        claims.put("sub", UUID.nameUUIDFromBytes((user.objectId() + "|" + properties.clientId()).getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("oid", user.objectId());
        claims.put("tid", properties.tenantId());
        claims.put("preferred_username", user.upn());
        claims.put("upn", user.upn());
        claims.put("name", user.name());
        claims.put("scp", String.join(" ", scopes.permissions()));
        claims.put("azp", properties.clientId());
        claims.put("azpacr", "1");
        claims.put("ver", "2.0");
        claims.put("uti", UUID.randomUUID().toString().replace("-", "").substring(0, 22));
        String token = tokenProvider.jwt(claims, LIFETIME, issuerId).serialize();
        return new IssuedToken(token, LIFETIME.toSeconds(), String.join(" ", scopes.permissions()));
    }

    /**
     * A token the sandbox issuer signed.
     *
     * @param accessToken the JWT
     * @param expiresIn   seconds until it expires
     * @param scope       the scopes it carries
     */
    public record IssuedToken(String accessToken, long expiresIn, String scope) {

        /** Without the token: a record's default would print it wherever the record is logged. */
        @Override
        public String toString() {
            return "IssuedToken[expiresIn=" + expiresIn + ", scope=" + scope + "]";
        }
    }

    /** An SSL context that trusts the issuer's self-signed certificate (for msal4j and test clients). */
    public SSLContext trustingSslContext() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a trust store for the sandbox issuer", e);
        }
    }

    /** A key store holding only the issuer's certificate. */
    public KeyStore trustStore() {
        try {
            KeyStore source = running().ssl().getSslKeystore().getKeyStore();
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            for (String alias : Collections.list(source.aliases())) {
                Certificate certificate = source.getCertificate(alias);
                if (certificate != null) {
                    trust.setCertificateEntry(alias, certificate);
                }
            }
            return trust;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read the sandbox issuer's certificate", e);
        }
    }

    private Path writeLoginPage() {
        try (InputStream template = SandboxIssuer.class.getResourceAsStream("/sandbox/login.html")) {
            if (template == null) {
                throw new IllegalStateException("The sandbox login page template is missing");
            }
            StringBuilder options = new StringBuilder();
            boolean first = true;
            for (IssuerGatekeeper.User user : users.values()) {
                options.append("<label class=\"user\"><input type=\"radio\" name=\"username\" value=\"")
                        .append(HtmlUtils.htmlEscape(user.upn())).append('"').append(first ? " checked" : "").append("> <b>")
                        .append(HtmlUtils.htmlEscape(user.name())).append("</b> <span>").append(HtmlUtils.htmlEscape(user.upn()))
                        .append("</span></label>\n");
                first = false;
            }
            String page = new String(template.readAllBytes(), StandardCharsets.UTF_8).replace("{{users}}", options);
            Path file = Files.createTempFile("exchange-hub-sandbox-login", ".html");
            Files.writeString(file, page);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox login page", e);
        }
    }
}
