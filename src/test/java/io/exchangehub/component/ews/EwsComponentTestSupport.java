package io.exchangehub.component.ews;

import io.exchangehub.HubIntegrationTest;
import io.exchangehub.model.MailFolder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the component's integration tests share: the hub's Camel context with the {@code ews:}
 * component bound from the Spring properties (its URL is {@code hub.ews.url}, the sandbox's EWS
 * face), a producer template, and sandbox tokens for the users. Every call goes over real HTTP
 * to the sandbox through the real ews-java-api client or the component's own SOAP path.
 */
abstract class EwsComponentTestSupport extends HubIntegrationTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Autowired
    protected CamelContext camel;

    @Autowired
    protected ProducerTemplate template;

    protected String tokenFor(String user) {
        return TOKENS.computeIfAbsent(user, this::ewsToken);
    }

    /** Calls an operation as the user in their own mailbox. */
    protected Exchange call(String user, EwsOperation operation, Object body, Map<String, Object> headers) {
        return call(user, user, operation, body, headers);
    }

    /** Calls an operation as the user in a mailbox (their own, or one they may open). */
    protected Exchange call(String user, String mailbox, EwsOperation operation, Object body, Map<String, Object> headers) {
        return call(user, mailbox, "ews:" + operation.resource(), operation, body, headers);
    }

    /** Calls an operation as the user in a mailbox through an endpoint URI of its own (with options). */
    protected Exchange call(String user, String mailbox, String uri, EwsOperation operation, Object body,
            Map<String, Object> headers) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put(EwsConstants.MAILBOX, mailbox);
        all.put(EwsConstants.ACCESS_TOKEN, tokenFor(user));
        all.put(EwsConstants.OPERATION, operation);
        return template.request(uri, exchange -> {
            exchange.getMessage().setHeaders(all);
            exchange.getMessage().setBody(body);
        });
    }

    /** The id of a folder of the user's mailbox by its display path, e.g. {@code /Archive 2024}. */
    @SuppressWarnings("unchecked")
    protected String folderId(String user, String path) {
        List<MailFolder> folders = body(user, EwsOperation.listFolders, null, Map.of(), List.class);
        return folders.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().id();
    }

    /**
     * ews-java-api itself against the sandbox's EWS face, as the user: for what a test must set up
     * or look up outside the component (the caller closes it).
     */
    protected ExchangeService ewsJavaApi(String user) {
        ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setUrl(URI.create(sandboxInfo().get("ewsUrl").asText()));
        service.getHttpHeaders().put("Authorization", "Bearer " + tokenFor(user));
        return service;
    }

    /** How many HTTP requests the component has sent to the sandbox's EWS face so far. */
    protected long roundTrips() {
        return camel.getComponent("ews", EwsComponent.class).existingClient(sandboxInfo().get("ewsUrl").asText()).roundTrips();
    }

    /** Adds a sandbox fault switch (POST /sandbox/faults); returns its id. */
    protected String fault(String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("fault switch refused: " + response.body());
        }
        return readJson(response.body()).path("id").asText();
    }

    protected void clearFaults() {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults")).DELETE().build());
    }

    /** Calls and returns the result's body, failing the test on an exception. */
    protected <T> T body(String user, EwsOperation operation, Object body, Map<String, Object> headers, Class<T> type) {
        Exchange exchange = call(user, operation, body, headers);
        if (exchange.getException() != null) {
            throw new AssertionError("ews:" + operation + " failed", exchange.getException());
        }
        return exchange.getMessage().getBody(type);
    }
}
