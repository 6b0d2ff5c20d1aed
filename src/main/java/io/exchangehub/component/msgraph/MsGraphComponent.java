package io.exchangehub.component.msgraph;

import io.exchangehub.component.StateStore;
import io.exchangehub.component.msgraph.client.MsGraphHttp;
import io.exchangehub.component.msgraph.notifications.MsGraphSubscriptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The msgraph: component. It owns what its endpoints share: one HTTP connection pool,
 * the per-mailbox bulkheads, and the change-notification subscriptions. Each endpoint gets a
 * copy of the component's {@link MsGraphConfiguration}.
 */
@Component("msgraph")
public class MsGraphComponent extends DefaultComponent {

    /** The shared options of every endpoint; an endpoint's own options override them. */
    @Metadata
    private MsGraphConfiguration configuration = new MsGraphConfiguration();

    /** How long to wait for a connection to Graph, in milliseconds. */
    @Metadata(label = "advanced", defaultValue = "10000")
    private long connectTimeout = 10_000;

    /** How long to wait for the next bytes of an answer, in milliseconds. */
    @Metadata(label = "advanced", defaultValue = "60000")
    private long readTimeout = 60_000;

    /** Idle connections the pool keeps. */
    @Metadata(label = "advanced", defaultValue = "16")
    private int maxIdleConnections = 16;

    /** How often a throttled (429) or unavailable (503, 504) repeatable request is retried after its Retry-After (at most 10). */
    @Metadata(defaultValue = "3")
    private int maxRetries = 3;

    /** The longest Retry-After waited out before a retry, in milliseconds; a longer one fails at once with the wait. */
    @Metadata(defaultValue = "30000")
    private long maxRetryAfter = 30_000;

    /** How many requests may run at once for one mailbox (Outlook throttles a fifth). */
    @Metadata(defaultValue = "4")
    private int maxConcurrentRequestsPerMailbox = 4;

    /** How long a request waits for a free slot of its mailbox, in milliseconds, before it fails as throttled. */
    @Metadata(defaultValue = "30000")
    private long bulkheadMaxWait = 30_000;

    private MsGraphHttp http;
    private ExecutorService notificationExecutor;
    private MsGraphSubscriptions subscriptions;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MsGraphConfiguration config = configuration.copy();
        MsGraphEndpoint endpoint = new MsGraphEndpoint(uri, this, config);
        try {
            config.setResource(MsGraphResource.valueOf(remaining));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown msgraph: resource '" + remaining
                    + "'; use folders, messages, calendar, contacts, attachments or notifications", e);
        }
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MeterRegistry meters = getCamelContext().getRegistry().findSingleByType(MeterRegistry.class);
        http = new MsGraphHttp(new MsGraphHttp.Settings(Duration.ofMillis(connectTimeout), Duration.ofMillis(readTimeout),
                maxIdleConnections, Math.min(10, maxRetries), maxRetryAfter(), maxConcurrentRequestsPerMailbox,
                Duration.ofMillis(bulkheadMaxWait)), meters);
        notificationExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(this, "msgraph-notifications", 1, 4);
    }

    @Override
    protected void doStop() throws Exception {
        if (notificationExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(notificationExecutor);
            notificationExecutor = null;
        }
        subscriptions = null;
        if (http != null) {
            http.close();
            http = null;
        }
        super.doStop();
    }

    MsGraphHttp http() {
        if (http == null) {
            throw new IllegalStateException("The msgraph: component is not started");
        }
        return http;
    }

    Duration maxRetryAfter() {
        return Duration.ofMillis(maxRetryAfter);
    }

    /** Where consumers keep delta states and subscriptions: the hub's {@link StateStore} bean. */
    StateStore stateStore() {
        StateStore store = getCamelContext().getRegistry().findSingleByType(StateStore.class);
        if (store == null) {
            throw new IllegalStateException("msgraph: consumers need a StateStore bean (the hub's Redis state store)");
        }
        return store;
    }

    /** The change-notification subscriptions of this component's consumers, which the receiver route checks notifications against. */
    public synchronized MsGraphSubscriptions subscriptions() {
        if (subscriptions == null) {
            if (notificationExecutor == null) {
                throw new IllegalStateException("The msgraph: component is not started");
            }
            subscriptions = new MsGraphSubscriptions(stateStore(), notificationExecutor, Clock.systemUTC());
        }
        return subscriptions;
    }

    public MsGraphConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MsGraphConfiguration configuration) {
        this.configuration = configuration;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxIdleConnections() {
        return maxIdleConnections;
    }

    public void setMaxIdleConnections(int maxIdleConnections) {
        this.maxIdleConnections = maxIdleConnections;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public int getMaxConcurrentRequestsPerMailbox() {
        return maxConcurrentRequestsPerMailbox;
    }

    public void setMaxConcurrentRequestsPerMailbox(int maxConcurrentRequestsPerMailbox) {
        this.maxConcurrentRequestsPerMailbox = maxConcurrentRequestsPerMailbox;
    }

    public long getBulkheadMaxWait() {
        return bulkheadMaxWait;
    }

    public void setBulkheadMaxWait(long bulkheadMaxWait) {
        this.bulkheadMaxWait = bulkheadMaxWait;
    }
}
