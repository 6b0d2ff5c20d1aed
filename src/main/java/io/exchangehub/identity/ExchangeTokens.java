package io.exchangehub.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OnBehalfOfParameters;
import com.microsoft.aad.msal4j.UserAssertion;
import io.exchangehub.config.HubProperties;
import io.exchangehub.model.BackendUnavailableException;
import io.exchangehub.model.UnauthorizedException;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The tokens the hub presents to Exchange: on behalf of the caller (msal4j's jwt-bearer exchange of
 * the caller's token for an EWS or a Graph token), or its own app-only ones (client credentials). msal4j
 * keeps them in its token cache (looked up only when asked to: {@code skipCache(false)}), here one encrypted
 * Redis partition per user and incoming token
 * ({@link EncryptedTokenCache}), and hands out a cached token until five minutes before it expires, then
 * gets a fresh one. The last delegation for each mailbox is kept too (encrypted), so that consumers,
 * which run without a user request, can act for a mailbox after a user of it was here. No token is logged.
 */
public final class ExchangeTokens {

    /** The backends, each with the header its component reads the token from. */
    public enum Backend {
        /** On-premises Exchange through the {@code ews:} component. */
        EWS("CamelEwsAccessToken"),
        /** Exchange Online through the {@code msgraph:} component. */
        MS_GRAPH("CamelMsGraphAccessToken");

        private final String header;

        Backend(String header) {
            this.header = header;
        }

        /** The header of the component's exchange that carries the bearer token. */
        public String header() {
            return header;
        }
    }

    /** A user's delegation kept for a mailbox: who, and the token they exchanged. */
    record MailboxGrant(String tenantId, String objectId, String assertion) {

        @Override
        public String toString() {
            return "MailboxGrant[tenantId=" + tenantId + ", objectId=" + objectId + "]";
        }
    }

    private static final ExecutorService CALLING_THREAD = new CallingThreadExecutor();

    private final AzureAd azureAd;
    private final HubProperties hub;
    private final IdentityProperties properties;
    private final IssuerTrust trust;
    private final StringRedisTemplate redis;
    private final TokenCipher cipher;
    private final String keyPrefix;
    private final IClientCredential credential;
    private final ObjectMapper json = new ObjectMapper();
    private final String instanceMetadata;

    ExchangeTokens(AzureAd azureAd, HubProperties hub, IdentityProperties properties, IssuerTrust trust, StringRedisTemplate redis,
            TokenCipher cipher) {
        this.azureAd = azureAd;
        this.hub = hub;
        this.properties = properties;
        this.trust = trust;
        this.redis = redis;
        this.cipher = cipher;
        this.keyPrefix = hub.redisKeyPrefix() + "identity:";
        this.credential = ClientCredentialFactory.createFromSecret(azureAd.clientSecret());
        this.instanceMetadata = instanceMetadata(azureAd.authority(), properties.instanceDiscovery());
    }

    /**
     * Instance metadata for an authority that is not Azure AD and has a port (the sandbox's issuer): msal4j
     * files the tokens it gets under the authority's host without the port and looks them up under host and
     * port, so without metadata naming both as one instance no cached token is ever found again.
     */
    static String instanceMetadata(java.net.URI authority, boolean instanceDiscovery) {
        if (instanceDiscovery || authority.getPort() < 0) {
            return null;
        }
        String host = authority.getHost();
        String hostAndPort = host + ":" + authority.getPort();
        return "{\"tenant_discovery_endpoint\":\"" + authority + "v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\","
                + "\"metadata\":[{\"preferred_network\":\"" + host + "\",\"preferred_cache\":\"" + host + "\","
                + "\"aliases\":[\"" + hostAndPort + "\",\"" + host + "\"]}]}";
    }

    /** A token for the caller's operation: on the user's behalf, or the hub's own for an app-only caller. */
    public String forCaller(Backend backend, CallerContext caller) {
        if (caller.appOnly()) {
            return appOnly(backend);
        }
        String token = delegated(backend, caller.tenantId(), caller.objectId(), caller.token().getTokenValue());
        if (caller.mailbox() != null) {
            rememberGrant(backend, caller.mailbox(), new MailboxGrant(caller.tenantId(), caller.objectId(), caller.token().getTokenValue()));
        }
        return token;
    }

    /**
     * A token for a mailbox when no user request is at hand (consumers): the hub's own when the backend is
     * configured app-only, else from the last delegation a user of that mailbox made.
     *
     * @throws UnauthorizedException when no user of the mailbox has signed in recently enough
     */
    public String forMailbox(Backend backend, String mailbox) {
        if (appOnlyConfigured(backend)) {
            return appOnly(backend);
        }
        String key = grantKey(backend, mailbox);
        String stored = redis.opsForValue().get(key);
        String plain = stored == null ? null : cipher.decrypt(stored, key);
        if (plain == null) {
            throw new UnauthorizedException("No user of " + mailbox + " has signed in recently; the hub holds no delegation for it.",
                    null, mailbox);
        }
        MailboxGrant grant = readGrant(plain);
        return delegated(backend, grant.tenantId(), grant.objectId(), grant.assertion());
    }

    boolean appOnlyConfigured(Backend backend) {
        return backend == Backend.EWS ? properties.appOnly().ews() : properties.appOnly().graph();
    }

    String delegated(Backend backend, String tenantId, String objectId, String assertion) {
        UserAssertion userAssertion = new UserAssertion(assertion);
        ConfidentialClientApplication app = application(userTokenCacheKey(tenantId, objectId, userAssertion.getAssertionHash()));
        return token(() -> app.acquireToken(OnBehalfOfParameters.builder(Set.of(scope(backend)), userAssertion).skipCache(false).build()).get(),
                backend, "on behalf of the user");
    }

    String appOnly(Backend backend) {
        ConfidentialClientApplication app = application(keyPrefix + "token-cache:app:" + azureAd.clientId());
        return token(() -> app.acquireToken(ClientCredentialParameters.builder(Set.of(resourceDefault(scope(backend)))).skipCache(false).build()).get(),
                backend, "for the hub itself");
    }

    /** Drops the cached tokens exchanged for an incoming token (at sign-out). */
    void forget(String tenantId, String objectId, String assertion) {
        redis.delete(userTokenCacheKey(tenantId, objectId, new UserAssertion(assertion).getAssertionHash()));
    }

    String userTokenCacheKey(String tenantId, String objectId, String assertionHash) {
        return keyPrefix + "token-cache:" + tenantId + ":" + objectId + ":" + assertionHash;
    }

    String grantKey(Backend backend, String mailbox) {
        return keyPrefix + "mailbox-grant:" + backend.name().toLowerCase(Locale.ROOT) + ":" + mailbox.toLowerCase(Locale.ROOT);
    }

    TokenCipher cipher() {
        return cipher;
    }

    private void rememberGrant(Backend backend, String mailbox, MailboxGrant grant) {
        String key = grantKey(backend, mailbox);
        try {
            redis.opsForValue().set(key, cipher.encrypt(json.writeValueAsString(grant), key), properties.tokenCache().timeToLive());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A mailbox grant could not be written", e);
        }
    }

    private MailboxGrant readGrant(String plain) {
        try {
            return json.readValue(plain, MailboxGrant.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored mailbox grant is unreadable", e);
        }
    }

    private String scope(Backend backend) {
        return backend == Backend.EWS ? hub.ews().scope() : hub.graph().scope();
    }

    /** The {@code .default} scope of the API a delegated scope belongs to: what client credentials ask for. */
    static String resourceDefault(String scope) {
        int slash = scope.lastIndexOf('/');
        return (slash > "https://".length() ? scope.substring(0, slash) : scope) + "/.default";
    }

    /**
     * An application per call, each with its own cache partition: msal4j merges every partition it loads
     * into the application's in-memory cache, so one shared application would mix users' tokens.
     */
    private ConfidentialClientApplication application(String cacheKey) {
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication.builder(azureAd.clientId(), credential)
                    .authority(azureAd.authority().toString())
                    .instanceDiscovery(properties.instanceDiscovery())
                    .validateAuthority(properties.instanceDiscovery())
                    .sslSocketFactory(trust.sslContext().getSocketFactory())
                    .executorService(CALLING_THREAD)
                    .setTokenCacheAccessAspect(new EncryptedTokenCache(redis, cipher, cacheKey, properties.tokenCache().timeToLive()));
            if (instanceMetadata != null) {
                builder.aadInstanceDiscoveryResponse(instanceMetadata);
            }
            return builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("hub.identity.authority is not a URL", e);
        }
    }

    private interface Acquisition {
        IAuthenticationResult run() throws InterruptedException, ExecutionException;
    }

    private static String token(Acquisition acquisition, Backend backend, String how) {
        try {
            return acquisition.run().accessToken();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MsalServiceException refused) {
                throw new UnauthorizedException("Azure AD refused a " + backend.name() + " token " + how + " (" + refused.errorCode() + ").",
                        refused.errorCode(), null, refused);
            }
            throw new BackendUnavailableException("Azure AD could not be reached for a " + backend.name() + " token.", null, null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("Interrupted while waiting for a token.", null, null, e);
        }
    }

    /**
     * Runs msal4j's work on the calling thread: the caller waits for the token anyway, and msal4j's default
     * (the common fork-join pool, one thread on two cores) would make every request queue behind the others.
     * No such executor ships with the JDK or Spring as an {@link ExecutorService}.
     */
    private static final class CallingThreadExecutor extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            // shared by every call for the life of the process
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }
}
