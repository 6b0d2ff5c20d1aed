package io.exchangehub.sandbox.graph;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * Outlook's concurrency limit: at most {@value #LIMIT} requests of one app on one mailbox at a
 * time; the next is throttled (429 {@code ApplicationThrottled}) rather than queued.
 */
@Component
class MailboxConcurrency {

    static final int LIMIT = 4;

    private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

    /** A slot for the app on the mailbox, or null when all are taken. */
    Semaphore tryAcquire(String appId, String mailbox) {
        Semaphore semaphore = slots.computeIfAbsent(appId + "|" + mailbox, key -> new Semaphore(LIMIT));
        return semaphore.tryAcquire() ? semaphore : null;
    }
}
