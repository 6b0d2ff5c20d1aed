package io.exchangehub.sandbox.ews;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One open GetStreamingEvents connection: the subscriptions it serves, a wake-up for when their
 * mailbox changes, the subscriptions it lost (taken over by a newer connection, or removed),
 * which it must report, and whether the sandbox is stopping and wants it to end.
 */
final class StreamConnection {

    /**
     * EwsSubscriptions a connection lost for one reason.
     *
     * @param code the ResponseCode to report
     * @param text its MessageText
     * @param ids  the subscriptions
     */
    record Lost(String code, String text, List<String> ids) {}

    private final List<EwsSubscriptions.Subscription> subscriptions;
    private final Map<String, Lost> lost = new LinkedHashMap<>();
    private boolean woken;
    private boolean closing;

    StreamConnection(List<EwsSubscriptions.Subscription> subscriptions) {
        this.subscriptions = new ArrayList<>(subscriptions);
    }

    synchronized List<EwsSubscriptions.Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Waits until woken or for at most the given time. */
    synchronized void await(long millis) throws InterruptedException {
        if (!woken && millis > 0) {
            wait(millis);
        }
        woken = false;
    }

    synchronized void lose(EwsSubscriptions.Subscription subscription, String code, String text) {
        if (subscriptions.remove(subscription)) {
            lost.computeIfAbsent(code, c -> new Lost(code, text, new ArrayList<>())).ids().add(subscription.id);
            wake();
        }
    }

    /** Asks the connection to end now, with {@code ConnectionStatus Closed}, as when its timeout is up. */
    synchronized void close() {
        closing = true;
        wake();
    }

    synchronized boolean closing() {
        return closing;
    }

    /** The subscriptions lost since the last call. */
    synchronized List<Lost> takeLost() {
        List<Lost> taken = new ArrayList<>(lost.values());
        lost.clear();
        return taken;
    }
}
