package io.exchangehub.component.ews;

import io.exchangehub.component.ews.client.EwsAccess;
import io.exchangehub.component.ews.client.EwsClient;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.UnauthorizedException;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Mail, calendar, contacts and attachments of an Exchange 2019 mailbox through EWS, mapped to the
 * hub's canonical model ({@code io.exchangehub.model}); and, as a consumer, the mailbox's changes
 * as {@link io.exchangehub.model.ChangeEvent}s.
 */
@UriEndpoint(firstVersion = "4.17.0", scheme = "ews", title = "Exchange Web Services", syntax = "ews:resource",
        category = {Category.MAIL}, headersClass = EwsConstants.class)
public class EwsEndpoint extends DefaultEndpoint {

    /** What to work on: folders, messages, calendar, contacts, attachments (producer) or notifications (consumer). */
    @UriPath
    @Metadata(required = true)
    private final EwsResource resource;

    @UriParam
    private final EwsConfiguration configuration;

    private EwsClient client;
    private ExchangeCredentials credentials;

    public EwsEndpoint(String uri, EwsComponent component, EwsResource resource, EwsConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        if (resource == EwsResource.notifications) {
            throw new IllegalArgumentException("ews:notifications is a consumer only");
        }
        return new EwsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (resource != EwsResource.notifications) {
            throw new IllegalArgumentException("Only ews:notifications can consume; ews:" + resource + " is a producer");
        }
        if (configuration.getMailbox() == null) {
            throw new IllegalArgumentException("ews:notifications needs the mailbox option");
        }
        if (configuration.getAccessTokenProvider() == null && tokenAuthentication()) {
            throw new IllegalArgumentException("ews:notifications needs an accessTokenProvider: no user request carries a token");
        }
        EwsConsumer consumer = new EwsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getComponent().client(configuration);
        credentials = switch (configuration.getAuthentication()) {
            case NTLM, BASIC -> new WebCredentials(required(configuration.getUsername(), "username"),
                    required(configuration.getPassword(), "password"), configuration.getDomain());
            case BEARER, APP_ONLY_IMPERSONATION -> null;
        };
    }

    private static String required(String value, String option) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("NTLM and Basic authentication need the " + option + " option");
        }
        return value;
    }

    private boolean tokenAuthentication() {
        return configuration.getAuthentication() == EwsAuthentication.BEARER
                || configuration.getAuthentication() == EwsAuthentication.APP_ONLY_IMPERSONATION;
    }

    /** Who an exchange acts as: the mailbox of its header (or the endpoint's), with the token its authentication needs. */
    EwsAccess access(Exchange exchange) {
        String mailbox = exchange.getMessage().getHeader(EwsConstants.MAILBOX, configuration.getMailbox(), String.class);
        if (mailbox == null || mailbox.isBlank()) {
            throw new InvalidRequestException("No mailbox: set the CamelEwsMailbox header", null, null);
        }
        String token = exchange.getMessage().getHeader(EwsConstants.ACCESS_TOKEN, String.class);
        return access(mailbox, token);
    }

    EwsAccess access(String mailbox, String token) {
        return switch (configuration.getAuthentication()) {
            case BEARER -> new EwsAccess(mailbox, token != null ? token : providedToken(mailbox), false);
            case APP_ONLY_IMPERSONATION -> new EwsAccess(mailbox, providedToken(mailbox), true);
            case NTLM, BASIC -> new EwsAccess(mailbox, null, false);
        };
    }

    private String providedToken(String mailbox) {
        if (configuration.getAccessTokenProvider() == null) {
            throw new UnauthorizedException("No EWS token: the exchange carries none and no accessTokenProvider is configured",
                    null, null);
        }
        return configuration.getAccessTokenProvider().accessToken(mailbox);
    }

    @Override
    public EwsComponent getComponent() {
        return (EwsComponent) super.getComponent();
    }

    public EwsResource getResource() {
        return resource;
    }

    public EwsConfiguration getConfiguration() {
        return configuration;
    }

    public EwsClient getClient() {
        return client;
    }

    ExchangeCredentials credentials() {
        return credentials;
    }
}
