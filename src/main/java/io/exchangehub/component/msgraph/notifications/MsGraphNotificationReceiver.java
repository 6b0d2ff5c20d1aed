package io.exchangehub.component.msgraph.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Exchange;

/**
 * The logic of the hub's Graph notification receiver ({@code routes/notifications.camel.yaml}):
 * it answers Graph's validation handshake, and takes notifications, checks each one's
 * {@code clientState} against the subscription's, drops and counts the ones that do not match,
 * and hands the rest on asynchronously, so that Graph gets its 202 at once. No user token
 * protects the URL: the client state is the proof that Graph sent it.
 */
public final class MsGraphNotificationReceiver {

    /** Notifications dropped, by reason: {@code client-state} (no subscription of the hub has that id and secret) or {@code malformed}. */
    public static final String REJECTED_METRIC = "hub.msgraph.notifications.rejected";
    /** Notifications whose client state matched. */
    public static final String ACCEPTED_METRIC = "hub.msgraph.notifications.accepted";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<MsGraphSubscriptions> subscriptions;
    private final Counter rejected;
    private final Counter malformed;
    private final Counter accepted;

    /**
     * @param subscriptions the msgraph: component's subscriptions (found when the first notification comes)
     * @param meters        where the counts go
     */
    public MsGraphNotificationReceiver(Supplier<MsGraphSubscriptions> subscriptions, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.rejected = Counter.builder(REJECTED_METRIC).tag("reason", "client-state")
                .description("Graph notifications dropped for a client state that does not match").register(meters);
        this.malformed = Counter.builder(REJECTED_METRIC).tag("reason", "malformed")
                .description("Graph notification bodies that were not JSON notifications").register(meters);
        this.accepted = Counter.builder(ACCEPTED_METRIC).description("Graph notifications accepted").register(meters);
    }

    /** The handshake: the decoded {@code validationToken} back, as text/plain with 200. */
    public void validation(Exchange exchange) {
        String token = exchange.getMessage().getHeader("validationToken", String.class);
        exchange.getMessage().setBody(token);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
    }

    /** Notifications: 202 at once, whatever their fate; 400 for a body that is not Graph's notification shape. */
    public void receive(Exchange exchange) {
        JsonNode body;
        try {
            byte[] bytes = exchange.getMessage().getBody(byte[].class);
            body = bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            body = null;
        }
        exchange.getMessage().setBody(null);
        exchange.getMessage().removeHeader(Exchange.CONTENT_TYPE);
        if (body == null || !body.path("value").isArray()) {
            malformed.increment();
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            return;
        }
        MsGraphSubscriptions known = subscriptions.get();
        List<MsGraphSubscriptions.Verified> verified = new ArrayList<>();
        for (JsonNode notification : body.get("value")) {
            var subscription = known.verify(notification.path("subscriptionId").asText(null),
                    notification.path("clientState").asText(null));
            if (subscription.isPresent()) {
                accepted.increment();
                verified.add(new MsGraphSubscriptions.Verified(subscription.get(), notification));
            } else {
                rejected.increment();
            }
        }
        known.dispatch(verified);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
    }
}
