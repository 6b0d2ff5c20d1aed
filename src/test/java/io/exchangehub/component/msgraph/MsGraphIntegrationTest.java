package io.exchangehub.component.msgraph;

import io.exchangehub.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the msgraph: component's tests share: the real component in the running hub, sending
 * to the sandbox's Graph face over HTTP as a route would, with Carol's delegated token.
 */
public abstract class MsGraphIntegrationTest extends HubIntegrationTest {

    @Autowired
    protected CamelContext camel;

    @Autowired
    protected ProducerTemplate producer;

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @AfterEach
    void clearFaults() {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults")).DELETE().build());
    }

    protected String tokenOf(String user) {
        return tokens.computeIfAbsent(user, this::graphToken);
    }

    /** Runs an operation for Carol; the exchange's failure, if any, is in the returned exchange. */
    protected Exchange call(String resource, MsGraphOperation operation, Object body, Object... headers) {
        return callAs(CAROL, resource, operation, body, headers);
    }

    protected Exchange callAs(String user, String resource, MsGraphOperation operation, Object body, Object... headers) {
        return producer.send("msgraph:" + resource + "?operation=" + operation, exchange -> {
            exchange.getMessage().setHeader(MsGraphConstants.MAILBOX, user);
            exchange.getMessage().setHeader(MsGraphConstants.ACCESS_TOKEN, tokenOf(user));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
            exchange.getMessage().setBody(body);
        });
    }

    /** Runs an operation for Carol and returns its result, failing on an exception. */
    protected <T> T result(String resource, MsGraphOperation operation, Object body, Class<T> type, Object... headers) {
        Exchange exchange = call(resource, operation, body, headers);
        if (exchange.getException() != null) {
            throw new AssertionError(operation + " failed", exchange.getException());
        }
        return exchange.getMessage().getBody(type);
    }

    /** Adds a sandbox fault switch (docs/sandbox.md). */
    protected void fault(String json) {
        send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
