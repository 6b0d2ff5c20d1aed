package io.exchangehub.component.msgraph.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Subscription;
import io.exchangehub.component.StateStore;
import io.exchangehub.component.msgraph.client.MsGraphCall;
import io.exchangehub.component.msgraph.client.MsGraphClient;
import io.exchangehub.model.ChangeEvent;
import io.exchangehub.model.MailboxException;
import io.exchangehub.model.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The component's Graph change-notification subscriptions: one per mailbox and resource
 * ({@code messages}, {@code events}, {@code contacts}), shared by every consumer watching it,
 * made with a random {@code clientState} kept in the {@code StateStore}, renewed before it
 * expires, and deleted when the last consumer watching it stops. It checks the
 * {@code clientState} of incoming notifications and hands the valid ones to the watchers off the
 * receiver's thread: change notifications as {@link ChangeEvent}s, lifecycle ones as
 * reauthorization ({@code reauthorizationRequired}), a new subscription
 * ({@code subscriptionRemoved}) or a catch-up with delta ({@code missed}, and after a removal).
 */
public final class MsGraphSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(MsGraphSubscriptions.class);
    private static final String STATE = "msgraph:subscription:";
    private static final String OF = "msgraph:subscription-of:";
    /** States outlive their subscription a little, so that late notifications still find their client state. */
    private static final Duration GRACE = Duration.ofHours(1);

    /**
     * What a consumer registers to be told of one resource of one mailbox.
     */
    public interface Watcher {

        String mailbox();

        /** {@code messages}, {@code events} or {@code contacts}. */
        String resource();

        MsGraphClient client();

        /** The mailbox and a valid token, asked for each time one is needed. */
        MsGraphCall call();

        /** Where Graph sends notifications (also the lifecycle ones). */
        String notificationUrl();

        Duration lifetime();

        Duration renewBefore();

        /** A change Graph notified. */
        void changed(ChangeEvent change);

        /** Notifications may have been lost: catch up. */
        void missed();
    }

    private final class Entry {
        final Set<Watcher> watchers = new CopyOnWriteArraySet<>();
        volatile SubscriptionState state;
    }

    private final StateStore store;
    private final ExecutorService executor;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public MsGraphSubscriptions(StateStore store, ExecutorService executor, Clock clock) {
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    private static String key(String mailbox, String resource) {
        return mailbox.toLowerCase(Locale.ROOT) + "|" + resource;
    }

    /** Starts watching; the first watcher of a mailbox and resource makes (or, after a restart, renews) its subscription. */
    public synchronized void watch(Watcher watcher) {
        String key = key(watcher.mailbox(), watcher.resource());
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry();
            entry.state = resume(watcher, key).orElseGet(() -> create(watcher));
            entries.put(key, entry);
        }
        entry.watchers.add(watcher);
    }

    /** Stops watching; the last watcher's going deletes the subscription. */
    public synchronized void unwatch(Watcher watcher) {
        String key = key(watcher.mailbox(), watcher.resource());
        Entry entry = entries.get(key);
        if (entry == null || !entry.watchers.remove(watcher) || !entry.watchers.isEmpty()) {
            return;
        }
        entries.remove(key);
        SubscriptionState state = entry.state;
        forget(state);
        try {
            MsGraphCall call = watcher.call();
            watcher.client().run(call, state.id(), graph -> graph.subscriptions().bySubscriptionId(state.id()).delete(call::attach));
        } catch (NotFoundException e) {
            log.debug("Subscription {} was gone already", state.id());
        }
    }

    /** The subscription of a mailbox and resource this instance watches, if any. */
    public Optional<SubscriptionState> subscription(String mailbox, String resource) {
        Entry entry = entries.get(key(mailbox, resource));
        return entry == null ? Optional.empty() : Optional.of(entry.state);
    }

    /** Renews every subscription whose expiry is nearer than its watchers' lead time. */
    public void renewDue() {
        Instant now = clock.instant();
        for (Entry entry : entries.values()) {
            Watcher watcher = entry.watchers.stream().findFirst().orElse(null);
            if (watcher != null && entry.state.expiration().minus(watcher.renewBefore()).isBefore(now)) {
                renew(entry, watcher);
            }
        }
    }

    /**
     * The subscription a notification claims to come from, when its {@code clientState} is the
     * one the hub gave it (compared in constant time); empty for a forged or stale one.
     */
    public Optional<SubscriptionState> verify(String subscriptionId, String clientState) {
        if (subscriptionId == null || clientState == null) {
            return Optional.empty();
        }
        return store.get(STATE + subscriptionId).map(SubscriptionState::decode)
                .filter(state -> MessageDigest.isEqual(state.clientState().getBytes(StandardCharsets.UTF_8),
                        clientState.getBytes(StandardCharsets.UTF_8)));
    }

    /** Hands verified notifications to their watchers on the component's notification threads. */
    public void dispatch(List<Verified> notifications) {
        if (!notifications.isEmpty()) {
            executor.execute(() -> notifications.forEach(this::deliver));
        }
    }

    /**
     * A notification whose client state matched.
     *
     * @param subscription the subscription it came from
     * @param notification Graph's notification
     */
    public record Verified(SubscriptionState subscription, JsonNode notification) {}

    private void deliver(Verified verified) {
        SubscriptionState state = verified.subscription();
        Entry entry = entries.get(key(state.mailbox(), state.resource()));
        if (entry == null || entry.watchers.isEmpty()) {
            log.debug("A notification of subscription {} came after its consumers stopped", state.id());
            return;
        }
        JsonNode notification = verified.notification();
        try {
            String lifecycle = notification.path("lifecycleEvent").asText(null);
            if (lifecycle != null) {
                lifecycle(entry, state, lifecycle);
            } else {
                ChangeEvent change = change(state, notification);
                if (change != null) {
                    entry.watchers.forEach(w -> w.changed(change));
                }
            }
        } catch (MailboxException | IllegalStateException e) {
            log.warn("Handling a notification of subscription {} failed: {}", state.id(), e.toString());
        }
    }

    private void lifecycle(Entry entry, SubscriptionState state, String event) {
        Watcher watcher = entry.watchers.iterator().next();
        switch (event) {
            case "reauthorizationRequired" -> {
                MsGraphCall call = watcher.call();
                watcher.client().run(call, state.id(), graph -> graph.subscriptions().bySubscriptionId(state.id()).reauthorize()
                        .post(call::attach));
                renew(entry, watcher);
            }
            case "subscriptionRemoved" -> {
                synchronized (this) {
                    forget(state);
                    entry.state = create(watcher);
                }
                entry.watchers.forEach(Watcher::missed);
            }
            case "missed" -> entry.watchers.forEach(Watcher::missed);
            default -> log.debug("Lifecycle event {} of subscription {} needs nothing", event, state.id());
        }
    }

    private static ChangeEvent change(SubscriptionState state, JsonNode notification) {
        String id = notification.path("resourceData").path("id").asText(null);
        ChangeEvent.ChangeType type = switch (notification.path("changeType").asText("").toLowerCase(Locale.ROOT)) {
            case "created" -> ChangeEvent.ChangeType.CREATED;
            case "updated" -> ChangeEvent.ChangeType.UPDATED;
            case "deleted" -> ChangeEvent.ChangeType.DELETED;
            default -> null;
        };
        if (id == null || type == null) {
            return null;
        }
        ChangeEvent.ResourceType resource = switch (state.resource()) {
            case "events" -> ChangeEvent.ResourceType.EVENT;
            case "contacts" -> ChangeEvent.ResourceType.CONTACT;
            default -> ChangeEvent.ResourceType.MESSAGE;
        };
        return new ChangeEvent(state.mailbox(), resource, type, id, null, null, Instant.now());
    }

    /** The subscription kept from before a restart, renewed; empty when there is none or Graph has dropped it. */
    private Optional<SubscriptionState> resume(Watcher watcher, String key) {
        Optional<SubscriptionState> kept = store.get(OF + key).flatMap(id -> store.get(STATE + id)).map(SubscriptionState::decode);
        if (kept.isEmpty() || !kept.get().expiration().isAfter(clock.instant())) {
            return Optional.empty();
        }
        try {
            return Optional.of(patchExpiration(watcher, kept.get()));
        } catch (NotFoundException e) {
            forget(kept.get());
            return Optional.empty();
        }
    }

    private SubscriptionState create(Watcher watcher) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String clientState = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiration = clock.instant().plus(watcher.lifetime());
        Subscription subscription = new Subscription();
        subscription.setChangeType("created,updated,deleted");
        subscription.setNotificationUrl(watcher.notificationUrl());
        subscription.setLifecycleNotificationUrl(watcher.notificationUrl());
        subscription.setResource("users/" + watcher.mailbox() + "/" + watcher.resource());
        subscription.setExpirationDateTime(OffsetDateTime.ofInstant(expiration, ZoneOffset.UTC));
        subscription.setClientState(clientState);
        MsGraphCall call = watcher.call();
        Subscription created = watcher.client().call(call, null, graph -> graph.subscriptions().post(subscription, call::attach));
        SubscriptionState state = new SubscriptionState(created.getId(), watcher.mailbox(), watcher.resource(), clientState,
                created.getExpirationDateTime() == null ? expiration : created.getExpirationDateTime().toInstant());
        keep(state);
        return state;
    }

    private void renew(Entry entry, Watcher watcher) {
        try {
            entry.state = patchExpiration(watcher, entry.state);
        } catch (NotFoundException e) {
            synchronized (this) {
                forget(entry.state);
                entry.state = create(watcher);
            }
            entry.watchers.forEach(Watcher::missed);
        }
    }

    private SubscriptionState patchExpiration(Watcher watcher, SubscriptionState state) {
        Instant expiration = clock.instant().plus(watcher.lifetime());
        Subscription change = new Subscription();
        change.setExpirationDateTime(OffsetDateTime.ofInstant(expiration, ZoneOffset.UTC));
        MsGraphCall call = watcher.call();
        Subscription renewed = watcher.client().call(call, state.id(), graph -> graph.subscriptions().bySubscriptionId(state.id())
                .patch(change, call::attach));
        SubscriptionState next = state.renewed(renewed.getExpirationDateTime() == null ? expiration
                : renewed.getExpirationDateTime().toInstant());
        keep(next);
        return next;
    }

    private void keep(SubscriptionState state) {
        Duration ttl = Duration.between(clock.instant(), state.expiration()).plus(GRACE);
        store.put(STATE + state.id(), state.encode(), ttl);
        store.put(OF + key(state.mailbox(), state.resource()), state.id(), ttl);
    }

    private void forget(SubscriptionState state) {
        store.delete(STATE + state.id());
        store.delete(OF + key(state.mailbox(), state.resource()));
    }
}
