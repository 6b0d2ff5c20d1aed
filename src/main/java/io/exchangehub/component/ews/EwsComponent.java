package io.exchangehub.component.ews;

import io.exchangehub.component.StateStore;
import io.exchangehub.component.ews.client.EwsClient;
import io.exchangehub.component.ews.client.EwsClientSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.IOHelper;

/**
 * The {@code ews:} component: Exchange Web Services for on-premises Exchange 2019 over ews-java-api.
 * Every endpoint starts from a copy of the component's {@link EwsConfiguration}. The component
 * owns one {@link EwsClient} (one HTTP connection pool) per EWS URL, shared by all endpoints of
 * that URL; the first endpoint of a URL sets its pool's size and timeouts.
 */
@Component("ews")
public class EwsComponent extends DefaultComponent {

    /** The options every endpoint starts from. */
    @Metadata
    private EwsConfiguration configuration = new EwsConfiguration();

    /** Where the consumer keeps its sync states; by default the registry's only StateStore bean. */
    @Metadata(label = "consumer", autowired = true)
    private StateStore stateStore;

    private final Map<URI, EwsClient> clients = new ConcurrentHashMap<>();

    public EwsComponent() {
    }

    public EwsComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        EwsResource resource;
        try {
            resource = EwsResource.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown ews: resource '" + remaining + "'; one of "
                    + java.util.Arrays.toString(EwsResource.values()), e);
        }
        EwsConfiguration copy = configuration.copy();
        EwsEndpoint endpoint = new EwsEndpoint(uri, this, resource, copy);
        setProperties(endpoint, parameters);
        if (copy.getUrl() == null || copy.getUrl().isBlank()) {
            throw new IllegalArgumentException("The ews: endpoint needs the EWS url (option url, or camel.component.ews.url)");
        }
        if (copy.getOperation() != null && copy.getOperation().resource() != resource) {
            throw new IllegalArgumentException("The operation " + copy.getOperation() + " is not one of ews:" + resource);
        }
        return endpoint;
    }

    /** The client of an EWS URL, made on first use with this configuration's pool settings. */
    EwsClient client(EwsConfiguration config) {
        URI url = URI.create(config.getUrl());
        return clients.computeIfAbsent(url, u -> new EwsClient(new EwsClientSettings(u, config.getMaxConnections(),
                Duration.ofMillis(config.getConnectTimeout()), Duration.ofMillis(config.getReadTimeout()),
                Duration.ofMillis(config.getConnectionRequestTimeout()), Duration.ofMillis(config.getIdleConnectionTimeout()),
                config.getMaxRetries(), Duration.ofMillis(config.getMaxBackOff()))));
    }

    /** The client of a URL if one was made (for diagnostics and benchmarks), else null. */
    public EwsClient existingClient(String url) {
        return clients.get(URI.create(url));
    }

    @Override
    protected void doStop() throws Exception {
        clients.values().forEach(IOHelper::close);
        clients.clear();
        super.doStop();
    }

    public EwsConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(EwsConfiguration configuration) {
        this.configuration = configuration;
    }

    public StateStore getStateStore() {
        return stateStore;
    }

    public void setStateStore(StateStore stateStore) {
        this.stateStore = stateStore;
    }
}
