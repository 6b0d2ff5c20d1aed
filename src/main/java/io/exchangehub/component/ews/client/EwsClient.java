package io.exchangehub.component.ews.client;

import io.exchangehub.component.ews.EwsThrottledException;
import io.exchangehub.model.MailboxException;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Everything the component keeps per EWS URL: one bounded HTTP connection pool (Apache
 * HttpClient, idle connections evicted), and a small pool of {@link PooledExchangeService}
 * instances that send over it.
 *
 * <p>Why instances are leased, not shared or made per call: an {@link ExchangeService} holds
 * per-call state (the Authorization header, impersonation, credentials, cookies), so one
 * instance cannot serve two callers at once; and each new instance builds HTTP clients of its own
 * (a pool per instance), which is what must not happen per request. So the instances are pooled
 * (commons-pool2), each is prepared for one call and cleaned after it, and all of them use the
 * one HTTP pool, which is the real resource.
 *
 * <p>Separate connect and read timeouts: ews-java-api applies one {@code timeout} to both, so a
 * request interceptor replaces its request configuration with the configured timeouts.
 *
 * <p>Throttling: an ErrorServerBusy answer is retried (resilience4j) after the BackOffMilliseconds
 * Exchange asked for, at most {@code maxRetries} times and only while the back-off is at most
 * {@code maxBackOff}; then the caller gets an {@link EwsThrottledException} with the back-off as
 * its retry-after.
 */
public final class EwsClient implements Closeable {

    private final EwsClientSettings settings;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;
    private final GenericObjectPool<PooledExchangeService> services;
    private final Retry retry;
    private final AtomicLong roundTrips = new AtomicLong();
    /** Ids of distinguished folders by mailbox and name: they never change, and FindItem does not return an item's folder. */
    private final Map<String, String> distinguishedIds = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > DISTINGUISHED_CACHE_SIZE;
                }
            });
    private static final int DISTINGUISHED_CACHE_SIZE = 10_000;

    public EwsClient(EwsClientSettings settings) {
        this.settings = settings;
        // a connection is not reused after a minute, so that a changed DNS entry or load balancer is followed
        connections = new PoolingHttpClientConnectionManager(60, TimeUnit.SECONDS);
        connections.setMaxTotal(settings.maxConnections());
        connections.setDefaultMaxPerRoute(settings.maxConnections());
        connections.setValidateAfterInactivity(2000);
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setSocketTimeout((int) settings.readTimeout().toMillis())
                .setConnectionRequestTimeout((int) settings.connectionRequestTimeout().toMillis()).build();
        http = HttpClients.custom().setConnectionManager(connections).setDefaultRequestConfig(timeouts)
                .addInterceptorFirst((org.apache.http.HttpRequestInterceptor) (request, context) -> {
                    roundTrips.incrementAndGet();
                    HttpClientContext client = HttpClientContext.adapt(context);
                    RequestConfig given = client.getRequestConfig();
                    client.setRequestConfig(RequestConfig.copy(given).setConnectTimeout(timeouts.getConnectTimeout())
                            .setSocketTimeout(timeouts.getSocketTimeout())
                            .setConnectionRequestTimeout(timeouts.getConnectionRequestTimeout()).build());
                })
                .evictExpiredConnections()
                .evictIdleConnections(settings.idleConnectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableContentCompression()
                .build();
        GenericObjectPoolConfig<PooledExchangeService> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(settings.maxConnections());
        poolConfig.setMaxIdle(settings.maxConnections());
        poolConfig.setMaxWait(settings.connectionRequestTimeout());
        poolConfig.setJmxEnabled(false);
        services = new GenericObjectPool<>(new BasePooledObjectFactory<>() {
            @Override
            public PooledExchangeService create() {
                return new PooledExchangeService(ExchangeVersion.Exchange2010_SP2, settings.url(), http);
            }

            @Override
            public PooledObject<PooledExchangeService> wrap(PooledExchangeService service) {
                return new DefaultPooledObject<>(service);
            }

            @Override
            public void passivateObject(PooledObject<PooledExchangeService> service) {
                service.getObject().release();
            }
        }, poolConfig);
        retry = Retry.of("ews-" + settings.url(), RetryConfig.<Object>custom()
                .maxAttempts(settings.maxRetries() + 1)
                .retryOnException(failure -> EwsErrors.isBusy(failure)
                        && EwsErrors.backOff(failure).compareTo(settings.maxBackOff()) <= 0)
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> outcome.isLeft()
                        ? Math.max(1, EwsErrors.backOff(outcome.getLeft()).toMillis()) : 1L)
                .failAfterMaxAttempts(false)
                .build());
    }

    public EwsClientSettings settings() {
        return settings;
    }

    /** The HTTP client of this URL's pool, for the calls the component makes without ews-java-api. */
    public CloseableHttpClient http() {
        return http;
    }

    /**
     * The id of a mailbox's distinguished folder, looked up once with the given service.
     *
     * @param key the mailbox and folder name
     */
    public String distinguishedId(ExchangeService service, String key, microsoft.exchange.webservices.data.property.complex.FolderId folder)
            throws Exception {
        String known = distinguishedIds.get(key);
        if (known == null) {
            known = microsoft.exchange.webservices.data.core.service.folder.Folder.bind(service, folder,
                    microsoft.exchange.webservices.data.core.PropertySet.getIdOnly()).getId().getUniqueId();
            distinguishedIds.put(key, known);
        }
        return known;
    }

    /**
     * The id of a mailbox's distinguished folder that ews-java-api cannot name ({@code archive}, …),
     * looked up once over the component's own SOAP path ({@link DistinguishedFolders}).
     *
     * @param name a lower-case DistinguishedFolderIdNameType value
     * @throws io.exchangehub.model.NotFoundException when the mailbox has no such folder
     */
    public String distinguishedId(EwsAccess access, ExchangeCredentials credentials, String mailbox, String name) {
        String key = distinguishedKey(mailbox, name);
        String known = distinguishedIds.get(key);
        if (known == null) {
            DistinguishedFolders.Outcome outcome = DistinguishedFolders.ids(this, access, credentials, mailbox, List.of(name)).get(0);
            if (outcome.error() != null) {
                throw EwsErrors.of(outcome.error(), name, null, null);
            }
            known = outcome.id();
            distinguishedIds.put(key, known);
        }
        return known;
    }

    /** Keeps distinguished folder ids a caller looked up with {@link DistinguishedFolders} (they never change). */
    public void rememberDistinguished(String mailbox, List<DistinguishedFolders.Outcome> outcomes) {
        for (DistinguishedFolders.Outcome outcome : outcomes) {
            if (outcome.id() != null) {
                distinguishedIds.put(distinguishedKey(mailbox, outcome.name()), outcome.id());
            }
        }
    }

    private static String distinguishedKey(String mailbox, String name) {
        return mailbox.toLowerCase(java.util.Locale.ROOT) + "/#" + name;
    }

    /** How many HTTP requests this client has sent (for benchmarks and diagnostics). */
    public long roundTrips() {
        return roundTrips.get();
    }

    /**
     * Runs a call on a leased, prepared service, retrying ErrorServerBusy within bounds, and
     * translates every failure to the model's exceptions.
     *
     * @param id the id the call concerns, for the exception, or null
     */
    public <T> T call(EwsAccess access, ExchangeCredentials credentials, String id, EwsCall<T> call) {
        try {
            return retry.executeCheckedSupplier(() -> once(access, credentials, call));
        } catch (Throwable failure) {
            throw translate(failure, id);
        }
    }

    /** Retries a call that does not go through ews-java-api (raw SOAP), with the same rules. */
    public <T> T retrying(String id, RawCall<T> call) {
        try {
            return retry.executeCheckedSupplier(call::call);
        } catch (Throwable failure) {
            throw translate(failure, id);
        }
    }

    /**
     * A call without ews-java-api.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    public interface RawCall<T> {
        T call() throws Exception;
    }

    private <T> T once(EwsAccess access, ExchangeCredentials credentials, EwsCall<T> call) throws Exception {
        PooledExchangeService service = services.borrowObject();
        try {
            service.prepare(access, credentials);
            return call.call(service);
        } finally {
            services.returnObject(service);
        }
    }

    private static MailboxException translate(Throwable failure, String id) {
        if (EwsErrors.isBusy(failure)) {
            return new EwsThrottledException(EwsErrors.SERVER_BUSY, EwsErrors.backOff(failure));
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return EwsErrors.translate(failure, id);
    }

    /**
     * A service for a long-lived use (a notification connection), prepared once, with its own
     * lifetime: it sends over this client's pool, and closing it leaves the pool open.
     */
    public ExchangeService dedicated(EwsAccess access, ExchangeCredentials credentials) {
        PooledExchangeService service = new PooledExchangeService(ExchangeVersion.Exchange2010_SP2, settings.url(), http);
        service.prepare(access, credentials);
        return service;
    }

    /** Sets a new token on a {@link #dedicated} service (before it reconnects). */
    public static void refresh(ExchangeService service, EwsAccess access, ExchangeCredentials credentials) {
        ((PooledExchangeService) service).prepare(access, credentials);
    }

    /** Breaks the request a {@link #dedicated} service has in progress (a streaming connection being closed). */
    public static void abort(ExchangeService service) {
        ((PooledExchangeService) service).abortRequest();
    }

    @Override
    public void close() throws IOException {
        services.close();
        http.close();
    }

    @Override
    public String toString() {
        return "EwsClient[" + settings.url() + "]";
    }
}
