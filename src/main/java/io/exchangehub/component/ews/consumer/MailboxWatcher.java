package io.exchangehub.component.ews.consumer;

import io.exchangehub.component.ews.EwsSubscriptionMode;
import io.exchangehub.component.ews.client.EwsAccess;
import io.exchangehub.component.ews.client.EwsClient;
import io.exchangehub.model.ChangeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.notification.EventType;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import microsoft.exchange.webservices.data.notification.GetEventsResults;
import microsoft.exchange.webservices.data.notification.PullSubscription;
import microsoft.exchange.webservices.data.notification.StreamingSubscription;
import microsoft.exchange.webservices.data.notification.StreamingSubscriptionConnection;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one mailbox's folders: notifications only say <em>that</em> something changed, and
 * each is answered by syncing the folders ({@link FolderSync}), which is what makes the consumer
 * lossless — a notification that never came costs latency, not a change.
 *
 * <p>Streaming: one subscription for all watched folders on one GetStreamingEvents connection
 * per mailbox (well within Exchange's default of three per user), opened for
 * {@code streamingLifetime} minutes and reopened when it ends, before Exchange's 30-minute limit.
 * After every reconnect, whatever its reason (the lifetime ran out, the connection dropped, the
 * subscription expired), the folders are synced, which closes the gap. When streaming cannot be
 * set up at all, the watcher falls back to a pull subscription polled with GetEvents. A sync also
 * runs every {@code syncInterval} without any notification.
 *
 * <p>Everything runs on the watcher's own thread; ews-java-api's connection threads only put
 * signals into its queue.
 */
public final class MailboxWatcher implements Runnable {

    private enum Signal { CHANGED, RECONNECT, STOP }

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final EventType[] EVENTS = {EventType.NewMail, EventType.Created, EventType.Deleted, EventType.Modified,
        EventType.Moved, EventType.Copied};
    private static final int PULL_TIMEOUT_MINUTES = 30;
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final EwsClient client;
    private final ExchangeCredentials credentials;
    private final Supplier<EwsAccess> access;
    private final String mailbox;
    private final List<FolderId> folders;
    private final List<FolderSync> syncs;
    private final FolderSync.ChangeHandler handler;
    private final Settings settings;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile boolean stopped;
    /** A change the route failed waits for a sync soon, not for the next notification. */
    private boolean retryPending;
    private long lastSync;
    private EwsSubscriptionMode mode;
    private volatile ExchangeService service;
    private StreamingSubscription streaming;
    private volatile StreamingSubscriptionConnection connection;
    private PullSubscription pull;

    /**
     * @param mode              the subscription to try first
     * @param streamingLifetime minutes per streaming connection (1–30)
     * @param pullInterval      between GetEvents polls
     * @param syncInterval      between syncs without notification
     */
    public record Settings(EwsSubscriptionMode mode, int streamingLifetime, Duration pullInterval, Duration syncInterval) {}

    public MailboxWatcher(EwsClient client, ExchangeCredentials credentials, Supplier<EwsAccess> access, String mailbox,
            List<FolderId> folders, List<FolderSync> syncs, FolderSync.ChangeHandler handler, Settings settings) {
        this.client = client;
        this.credentials = credentials;
        this.access = access;
        this.mailbox = mailbox;
        this.folders = folders;
        this.syncs = syncs;
        this.handler = handler;
        this.settings = settings;
        this.mode = settings.mode();
    }

    @Override
    public void run() {
        boolean subscribed = false;
        while (!stopped) {
            try {
                if (!subscribed) {
                    subscribe();
                    subscribed = true;
                    syncAll();
                }
                long wait = mode == EwsSubscriptionMode.PULL ? settings.pullInterval().toMillis()
                        : settings.syncInterval().toMillis();
                Signal signal = signals.poll(retryPending ? Math.min(wait, RETRY.toMillis()) : wait, TimeUnit.MILLISECONDS);
                if (stopped || signal == Signal.STOP) {
                    break;
                }
                if (signal == Signal.RECONNECT) {
                    signals.clear();
                    reconnect();
                    syncAll();
                } else if (signal == Signal.CHANGED) {
                    signals.remove(Signal.CHANGED);
                    syncAll();
                } else if (mode == EwsSubscriptionMode.PULL) {
                    poll();
                    if (retryPending || System.nanoTime() - lastSync >= settings.syncInterval().toNanos()) {
                        syncAll();
                    }
                } else {
                    syncAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (stopped) {
                    break;
                }
                log.warn("EWS notifications of {} failed ({}); retrying in {} s", mailbox, e.getClass().getSimpleName(),
                        RETRY.toSeconds());
                log.debug("EWS notification failure", e);
                closeSubscriptions();
                subscribed = false;
                if (!pause(RETRY)) {
                    break;
                }
            }
        }
        closeSubscriptions();
    }

    private boolean pause(Duration duration) {
        try {
            Signal signal = signals.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
            return signal != Signal.STOP && !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void syncAll() {
        boolean complete = true;
        for (FolderSync sync : syncs) {
            if (stopped) {
                return;
            }
            complete &= sync.sync(handler);
        }
        retryPending = !complete;
        lastSync = System.nanoTime();
    }

    private void subscribe() {
        service = client.dedicated(access.get(), credentials);
        if (mode == EwsSubscriptionMode.STREAMING) {
            try {
                streaming = service.subscribeToStreamingNotifications(folders, EVENTS);
                openConnection();
                return;
            } catch (Exception e) {
                log.warn("EWS streaming notifications unavailable for {} ({}); falling back to pull", mailbox,
                        e.getClass().getSimpleName());
                closeSubscriptions();
                service = client.dedicated(access.get(), credentials);
                mode = EwsSubscriptionMode.PULL;
            }
        }
        try {
            pull = service.subscribeToPullNotifications(folders, PULL_TIMEOUT_MINUTES, null, EVENTS);
        } catch (Exception e) {
            throw new IllegalStateException("EWS pull subscription failed", e);
        }
    }

    private void openConnection() throws Exception {
        connection = new StreamingSubscriptionConnection(service, settings.streamingLifetime());
        connection.addSubscription(streaming);
        connection.addOnNotificationEvent((sender, args) -> signals.offer(Signal.CHANGED));
        connection.addOnSubscriptionError((sender, args) -> signals.offer(Signal.RECONNECT));
        connection.addOnDisconnect((sender, args) -> {
            if (!stopped) {
                signals.offer(Signal.RECONNECT);
            }
        });
        connection.open();
    }

    /** Reopens the streaming connection with a fresh token, or subscribes anew when the subscription is gone. */
    private void reconnect() {
        EwsClient.refresh(service, access.get(), credentials);
        try {
            closeConnection();
            openConnection();
        } catch (Exception e) {
            log.info("EWS streaming subscription of {} could not be resumed ({}); subscribing anew", mailbox,
                    e.getClass().getSimpleName());
            closeSubscriptions();
            subscribe();
        }
    }

    private void poll() {
        try {
            EwsClient.refresh(service, access.get(), credentials);
            GetEventsResults events = pull.getEvents();
            if (!events.getAllEvents().isEmpty() || pull.isMoreEventsAvailable()) {
                syncAll();
            }
        } catch (Exception e) {
            // an expired or invalid subscription: a new one, and a sync for whatever happened meanwhile
            log.info("EWS pull subscription of {} failed ({}); subscribing anew", mailbox, e.getClass().getSimpleName());
            closeSubscriptions();
            subscribe();
            syncAll();
        }
    }

    /** Stops the watcher; its thread ends after the current step. */
    public void stop() {
        stopped = true;
        signals.offer(Signal.STOP);
        closeConnection();
    }

    private void closeConnection() {
        StreamingSubscriptionConnection open = connection;
        connection = null;
        if (open != null) {
            open.clearDisconnect();
            ExchangeService owner = service;
            if (owner != null) {
                EwsClient.abort(owner);
            }
            try {
                open.close();
            } catch (RuntimeException e) {
                log.debug("Closing an EWS streaming connection failed", e);
            }
        }
    }

    private void closeSubscriptions() {
        closeConnection();
        try {
            if (streaming != null) {
                streaming.unsubscribe();
            }
            if (pull != null) {
                pull.unsubscribe();
            }
        } catch (Exception e) {
            log.debug("Unsubscribing from EWS notifications failed", e);
        }
        streaming = null;
        pull = null;
        if (service != null) {
            service.close();
            service = null;
        }
    }

    /** The kind of item a watched folder holds, for changes that do not say. */
    public static ChangeEvent.ResourceType defaultType(String folder) {
        return switch (folder.toLowerCase(java.util.Locale.ROOT)) {
            case "calendar" -> ChangeEvent.ResourceType.EVENT;
            case "contacts" -> ChangeEvent.ResourceType.CONTACT;
            default -> ChangeEvent.ResourceType.MESSAGE;
        };
    }
}
