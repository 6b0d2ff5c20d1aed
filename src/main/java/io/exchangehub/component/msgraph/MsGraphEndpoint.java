package io.exchangehub.component.msgraph;

import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.component.msgraph.client.MsGraphAppCredential;
import io.exchangehub.component.msgraph.client.MsGraphBatch;
import io.exchangehub.component.msgraph.client.MsGraphCall;
import io.exchangehub.component.msgraph.client.MsGraphClient;
import io.exchangehub.component.msgraph.operations.MsGraphRequest;
import io.exchangehub.model.UnauthorizedException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Exchange Online and hybrid mailboxes through Microsoft Graph: producers for folders,
 * messages, the calendar, contacts and attachments, and a consumer of changes
 * (msgraph:notifications). Results are the hub's canonical model, the same as the
 * ews: component's.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "msgraph", title = "Microsoft Graph (Exchange Online)", syntax = "msgraph:resource",
        category = {Category.MAIL, Category.CLOUD}, headersClass = MsGraphConstants.class)
public class MsGraphEndpoint extends ScheduledPollEndpoint {

    @UriParam
    private MsGraphConfiguration configuration;

    private MsGraphClient client;
    private MsGraphBatch batch;
    private MsGraphAppCredential appCredential;

    /** The consumer's default poll interval: a delta round a minute, not Camel's usual half second. */
    static final long DEFAULT_DELAY = 60_000;

    public MsGraphEndpoint(String uri, MsGraphComponent component, MsGraphConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_DELAY);
    }

    @Override
    public MsGraphComponent getComponent() {
        return (MsGraphComponent) super.getComponent();
    }

    public MsGraphConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MsGraphConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        if (configuration.getResource() == MsGraphResource.notifications) {
            throw new IllegalArgumentException("msgraph:notifications is a consumer; it has no producer");
        }
        return new MsGraphProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getResource() != MsGraphResource.notifications) {
            throw new IllegalArgumentException("Only msgraph:notifications has a consumer");
        }
        MsGraphConsumer consumer = new MsGraphConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = new MsGraphClient(getComponent().http(), configuration.getBaseUrl(), allowedHosts());
        batch = new MsGraphBatch(client, getComponent().getMaxRetries(), getComponent().maxRetryAfter());
        if (configuration.getClientId() != null && configuration.getClientSecret() != null) {
            if (configuration.getAuthority() == null) {
                throw new IllegalArgumentException("The msgraph: app credential needs the option authority");
            }
            SSLSocketFactory ssl = configuration.getSslContextParameters() == null ? null
                    : configuration.getSslContextParameters().createSSLContext(getCamelContext()).getSocketFactory();
            appCredential = new MsGraphAppCredential(configuration.getClientId(), configuration.getClientSecret(),
                    configuration.getAuthority(), configuration.getScope(), ssl);
        }
    }

    /** The hosts that get tokens: the option, else the base URL's host. */
    private Set<String> allowedHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        if (configuration.getAllowedHosts() != null && !configuration.getAllowedHosts().isBlank()) {
            for (String host : configuration.getAllowedHosts().split(",")) {
                if (!host.isBlank()) {
                    hosts.add(host.strip().toLowerCase(Locale.ROOT));
                }
            }
        } else {
            hosts.add(URI.create(configuration.getBaseUrl()).getHost().toLowerCase(Locale.ROOT));
        }
        return hosts;
    }

    MsGraphClient client() {
        return client;
    }

    /** The operations' view of an exchange: its mailbox and token resolved. */
    MsGraphRequest request(Exchange exchange) {
        String mailbox = exchange.getMessage().getHeader(MsGraphConstants.MAILBOX, String.class);
        if (mailbox == null || mailbox.isBlank()) {
            mailbox = configuration.getMailbox();
        }
        if (mailbox == null || mailbox.isBlank()) {
            throw new IllegalArgumentException("No mailbox: set the header " + MsGraphConstants.MAILBOX + " or the option mailbox");
        }
        String token = exchange.getMessage().getHeader(MsGraphConstants.ACCESS_TOKEN, String.class);
        return new MsGraphRequest(exchange, configuration, client, batch,
                new MsGraphCall(mailbox.strip(), token != null && !token.isBlank() ? token : token(mailbox.strip())));
    }

    /** The consumer's call: its mailbox, with a token of the token provider or the app credential. */
    MsGraphCall consumerCall() {
        return new MsGraphCall(configuration.getMailbox(), token(configuration.getMailbox()));
    }

    /** A token when the exchange brings none: the endpoint's token provider, else the app credential. */
    private String token(String mailbox) {
        AccessTokenProvider provider = configuration.getAccessTokenProvider();
        if (provider != null) {
            String token = provider.accessToken(mailbox);
            if (token != null && !token.isBlank()) {
                return token;
            }
        }
        if (appCredential != null) {
            return appCredential.token();
        }
        throw new UnauthorizedException("No token for the mailbox: the exchange has none, and no token provider or app "
                + "credential is configured.", null, null);
    }
}
