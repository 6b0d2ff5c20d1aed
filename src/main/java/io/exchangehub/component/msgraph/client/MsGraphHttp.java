package io.exchangehub.component.msgraph.client;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * What every {@code msgraph:} endpoint of a component shares: one OkHttp client (one connection
 * pool) with the Graph SDK's middleware, whose retry handler follows {@link MsGraphRetryPolicy},
 * and one bulkhead per mailbox, since Outlook runs at most four requests per app and mailbox at a
 * time and throttles the fifth.
 */
public final class MsGraphHttp implements AutoCloseable {

    /** Counts every HTTP exchange with Graph (retries included), by method and status. */
    public static final String REQUESTS_METRIC = "hub.msgraph.requests";

    private final OkHttpClient client;
    private final BulkheadRegistry bulkheads;

    /**
     * @param settings how to connect, retry and limit concurrency
     * @param meters   where to count requests, or null
     */
    public MsGraphHttp(Settings settings, MeterRegistry meters) {
        RetryHandlerOption retry = new RetryHandlerOption(new MsGraphRetryPolicy(settings.maxRetryAfter()), settings.maxRetries(), 1);
        OkHttpClient.Builder builder = GraphClientFactory.create(new RequestOption[] {retry})
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                // uploads of 150 MB and streamed downloads take longer than any single read
                .callTimeout(Duration.ZERO)
                .connectionPool(new ConnectionPool(settings.maxIdleConnections(), 5, TimeUnit.MINUTES));
        if (meters != null) {
            Map<String, Counter> counters = new ConcurrentHashMap<>();
            builder.addNetworkInterceptor(chain -> {
                Response response = chain.proceed(chain.request());
                String method = chain.request().method().toUpperCase(Locale.ROOT);
                String status = Integer.toString(response.code());
                counters.computeIfAbsent(method + " " + status, key -> Counter.builder(REQUESTS_METRIC)
                        .description("HTTP exchanges with Microsoft Graph").tag("method", method).tag("status", status)
                        .register(meters)).increment();
                return response;
            });
        }
        this.client = builder.build();
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentRequestsPerMailbox())
                .maxWaitDuration(settings.bulkheadMaxWait())
                .build());
    }

    /**
     * Connection and throttling settings of a component.
     *
     * @param connectTimeout                   how long to wait for a connection
     * @param readTimeout                      how long to wait for bytes of an answer
     * @param maxIdleConnections               idle connections kept in the pool
     * @param maxRetries                       retries of a throttled or unavailable repeatable request
     * @param maxRetryAfter                    the longest {@code Retry-After} waited out before retrying
     * @param maxConcurrentRequestsPerMailbox  requests running at once for one mailbox
     * @param bulkheadMaxWait                  how long a request waits for a slot of its mailbox
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, int maxIdleConnections, int maxRetries,
            Duration maxRetryAfter, int maxConcurrentRequestsPerMailbox, Duration bulkheadMaxWait) {}

    OkHttpClient client() {
        return client;
    }

    /** The bulkhead of a mailbox (case-insensitive), made on first use. */
    Bulkhead bulkhead(String mailbox) {
        return bulkheads.bulkhead(mailbox.toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
