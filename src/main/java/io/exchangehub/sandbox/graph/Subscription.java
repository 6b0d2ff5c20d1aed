package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.store.Change;
import io.exchangehub.sandbox.store.Mailbox;
import java.time.Instant;
import java.util.Set;

/**
 * One change-notification subscription: what it watches (a mailbox's messages, events or
 * contacts, or one mail folder's messages), which changes, and where notifications go.
 * The expiration and the reauthorization flag change; the rest is fixed at creation.
 */
final class Subscription {

    final String id;
    final String resource;
    final Mailbox mailbox;
    final Change.ObjectKind kind;
    /** The watched folder, or null for the whole mailbox. */
    final String folderId;
    final Set<String> changeTypes;
    final String notificationUrl;
    final String lifecycleNotificationUrl;
    final String clientState;
    final String applicationId;
    final String creatorId;
    final String latestSupportedTlsVersion;
    private volatile Instant expiration;
    private volatile boolean reauthorizationSent;

    Subscription(String id, String resource, Mailbox mailbox, Change.ObjectKind kind, String folderId, Set<String> changeTypes,
            String notificationUrl, String lifecycleNotificationUrl, String clientState, String applicationId, String creatorId,
            String latestSupportedTlsVersion, Instant expiration) {
        this.id = id;
        this.resource = resource;
        this.mailbox = mailbox;
        this.kind = kind;
        this.folderId = folderId;
        this.changeTypes = Set.copyOf(changeTypes);
        this.notificationUrl = notificationUrl;
        this.lifecycleNotificationUrl = lifecycleNotificationUrl;
        this.clientState = clientState;
        this.applicationId = applicationId;
        this.creatorId = creatorId;
        this.latestSupportedTlsVersion = latestSupportedTlsVersion;
        this.expiration = expiration;
    }

    Instant expiration() {
        return expiration;
    }

    /** A renewal: a new expiration, and a new reminder before it. */
    void renew(Instant newExpiration) {
        this.expiration = newExpiration;
        this.reauthorizationSent = false;
    }

    void reauthorized() {
        this.reauthorizationSent = false;
    }

    /** Marks the reauthorization reminder sent; false if it was already. */
    synchronized boolean markReauthorizationSent() {
        if (reauthorizationSent) {
            return false;
        }
        reauthorizationSent = true;
        return true;
    }
}
