package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.SandboxProperties;
import io.exchangehub.sandbox.store.Change;
import io.exchangehub.sandbox.store.ChangeListener;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.StoreException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Graph change notifications over the store's journal. GraphSubscriptions are validated when made
 * (the URL must echo {@code validationToken} as text/plain with 200 within
 * {@value #VALIDATION_SECONDS} s). Changes are matched and delivered off the writer's thread;
 * a delivery is acknowledged by any 2xx within {@value #ACK_SECONDS} s, and is retried
 * {@value #RETRIES} times after 1, 2, 4, 8 and 16 s (Graph retries for hours; a test double
 * gives up sooner), then dropped, with a {@code missed} lifecycle notification when the
 * subscription has a lifecycle URL. {@code reauthorizationRequired} goes out once when an
 * expiration comes within {@value #REAUTHORIZATION_LEAD_MINUTES} minutes; expired
 * subscriptions are removed. The sandbox accepts http URLs, so that tests can receive locally.
 */
@Component
class GraphSubscriptions {

    static final int VALIDATION_SECONDS = 10;
    static final int ACK_SECONDS = 3;
    static final int RETRIES = 5;
    static final int REAUTHORIZATION_LEAD_MINUTES = 10;
    /** Outlook resources: at most 10080 minutes (7 days). */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10080);
    private static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(GraphSubscriptions.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final SandboxStore store;
    private final GraphTimers timers;
    private final Clock clock;
    private final String tenantId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(VALIDATION_SECONDS)).build();
    private final ChangeListener listener;

    GraphSubscriptions(SandboxStore store, GraphTimers timers, SandboxProperties properties, @Qualifier("sandboxClock") Clock clock) {
        this.store = store;
        this.timers = timers;
        this.clock = clock;
        this.tenantId = properties.tenantId();
        this.listener = (mailbox, changes) -> timers.executor().execute(() -> notify(mailbox, changes));
        store.addListener(listener);
        timers.executor().scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    /** Writes after shutdown must not reach a stopped executor. */
    @PreDestroy
    void stop() {
        store.removeListener(listener);
    }

    Instant now() {
        return clock.instant();
    }

    /** Checks an expiration a client asks for against Outlook's limits. */
    Instant checkExpiration(Instant expiration) {
        Instant now = now();
        if (!expiration.isAfter(now)) {
            throw GraphException.badRequest("ExtensionError", "Subscription expiration must be in the future.");
        }
        if (expiration.isAfter(now.plus(MAX_LIFETIME))) {
            throw GraphException.badRequest("ExtensionError", "Operation: Create; Exception: [Status Code: BadRequest; Reason: "
                    + "Subscription expiration can only be " + MAX_LIFETIME.toMinutes() + " minutes in the future.]");
        }
        return expiration;
    }

    /**
     * The validation handshake: Graph POSTs {@code ?validationToken=…} and needs the decoded
     * token back as 200 text/plain in time.
     */
    void validate(String url) {
        String token = "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
        String separator = url.contains("?") ? "&" : "?";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + separator + "validationToken="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(VALIDATION_SECONDS))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() == 200 && type.startsWith("text/plain") && response.body().equals(token)) {
                return;
            }
        } catch (IOException | IllegalArgumentException e) {
            // the class only: the messages quote the URL, whose query may carry the receiver's secret
            log.debug("Validation of a notification URL failed: {}", e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw GraphException.badRequest("ValidationError", "Subscription validation request failed. Notification endpoint must "
                + "respond with 200 OK to validation request.");
    }

    void add(Subscription subscription) {
        subscriptions.put(subscription.id, subscription);
    }

    Subscription get(String id) {
        return subscriptions.get(id);
    }

    Collection<Subscription> all() {
        return subscriptions.values();
    }

    boolean remove(String id) {
        return subscriptions.remove(id) != null;
    }

    // ------------------------------------------------------------------ change notifications

    private void notify(Mailbox mailbox, List<Change> changes) {
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.mailbox != mailbox) {
                continue;
            }
            List<ObjectNode> notifications = new ArrayList<>();
            for (Change change : changes) {
                if (change.objectKind() != subscription.kind) {
                    continue;
                }
                switch (change.type()) {
                    case CREATED, COPIED -> add(notifications, subscription, "created", change.id(), change.folderId());
                    case MODIFIED -> add(notifications, subscription, "updated", change.id(), change.folderId());
                    case DELETED -> add(notifications, subscription, "deleted", change.id(), change.folderId());
                    case MOVED -> {
                        add(notifications, subscription, "created", change.id(), change.folderId());
                        add(notifications, subscription, "deleted", change.oldId(), change.oldFolderId());
                    }
                    default -> {
                        // NEW_MAIL follows the CREATED of the same message, which has been notified
                    }
                }
            }
            for (int i = 0; i < notifications.size(); i += BATCH) {
                ObjectNode body = GraphJson.NODES.objectNode();
                ArrayNode value = body.putArray("value");
                notifications.subList(i, Math.min(i + BATCH, notifications.size())).forEach(value::add);
                deliver(subscription, subscription.notificationUrl, body, 0, true);
            }
        }
    }

    private void add(List<ObjectNode> notifications, Subscription subscription, String changeType, String id, String folderId) {
        if (!subscription.changeTypes.contains(changeType)) {
            return;
        }
        if (subscription.folderId != null && !subscription.folderId.equals(folderId)) {
            return;
        }
        String collection = switch (subscription.kind) {
            case MESSAGE -> "Messages";
            case EVENT -> "Events";
            default -> "Contacts";
        };
        String path = "Users/" + subscription.mailbox.objectId + "/" + collection + "/" + id;
        ObjectNode notification = GraphJson.NODES.objectNode();
        notification.put("subscriptionId", subscription.id);
        notification.put("subscriptionExpirationDateTime", subscription.expiration().toString());
        notification.put("changeType", changeType);
        notification.put("resource", path);
        ObjectNode data = notification.putObject("resourceData");
        data.put("@odata.type", "#Microsoft.Graph." + collection.substring(0, collection.length() - 1));
        data.put("@odata.id", path);
        if (!changeType.equals("deleted")) {
            String etag = etag(id);
            if (etag != null) {
                data.put("@odata.etag", etag);
            }
        }
        data.put("id", id);
        notification.put("clientState", subscription.clientState);
        notification.put("tenantId", tenantId);
        notifications.add(notification);
    }

    private String etag(String id) {
        return store.read(() -> {
            try {
                Item item = store.item(id);
                return GraphJson.etag(item.changeKey());
            } catch (StoreException e) {
                return null;
            }
        });
    }

    // ------------------------------------------------------------------ lifecycle

    /** Sends a lifecycle notification, when the subscription has somewhere to send it. */
    void lifecycle(Subscription subscription, String event) {
        if (subscription.lifecycleNotificationUrl == null) {
            return;
        }
        ObjectNode body = GraphJson.NODES.objectNode();
        ObjectNode notification = body.putArray("value").addObject();
        notification.put("subscriptionId", subscription.id);
        notification.put("subscriptionExpirationDateTime", subscription.expiration().toString());
        notification.put("tenantId", tenantId);
        notification.put("clientState", subscription.clientState);
        notification.put("lifecycleEvent", event);
        deliver(subscription, subscription.lifecycleNotificationUrl, body, 0, false);
    }

    private void sweep() {
        Instant now = now();
        for (Subscription subscription : subscriptions.values()) {
            if (!subscription.expiration().isAfter(now)) {
                subscriptions.remove(subscription.id);
            } else if (subscription.expiration().isBefore(now.plus(Duration.ofMinutes(REAUTHORIZATION_LEAD_MINUTES)))
                    && subscription.markReauthorizationSent()) {
                lifecycle(subscription, "reauthorizationRequired");
            }
        }
    }

    // ------------------------------------------------------------------ delivery

    /**
     * POSTs a notification body; failures are retried after 1, 2, 4, 8 and 16 s. Change
     * notifications stop as soon as the subscription is gone; its lifecycle notifications
     * (the last is {@code subscriptionRemoved}) are still delivered.
     *
     * @param changes whether it carries change notifications (whose loss is told as {@code missed})
     */
    private void deliver(Subscription subscription, String url, ObjectNode body, int attempt, boolean changes) {
        if (changes && subscriptions.get(subscription.id) != subscription) {
            return;
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(ACK_SECONDS))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                return;
            }
            if (attempt < RETRIES) {
                timers.executor().schedule(() -> deliver(subscription, url, body, attempt + 1, changes), 1L << attempt,
                        TimeUnit.SECONDS);
            } else if (changes) {
                lifecycle(subscription, "missed");
            }
        });
    }
}
