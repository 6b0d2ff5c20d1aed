package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Change;
import io.exchangehub.sandbox.store.ChangeListener;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The EWS face's notification subscriptions. Events are not queued per subscription: each one
 * keeps a watermark (a position in its mailbox's change journal) and reads the journal from
 * there, the way Exchange's watermarks work. EwsSubscriptions expire as Exchange's do: a pull
 * subscription after its Timeout without GetEvents, a streaming one 30 minutes after its last
 * connection ended; an expired one is remembered for a day to say so.
 */
@Component
final class EwsSubscriptions implements ChangeListener, SmartLifecycle {

    /** How long a streaming subscription outlives its last connection. */
    static final Duration STREAMING_LIFETIME = Duration.ofMinutes(30);
    private static final Duration TOMBSTONE = Duration.ofDays(1);
    private static final byte ID_MARK = 0x45;
    private static final byte WATERMARK_MARK = 0x57;

    enum Kind { PULL, STREAMING }

    /** One subscription; guarded by the {@link EwsSubscriptions} monitor. */
    static final class Subscription {
        final String id;
        final Kind kind;
        final String owner;
        final Mailbox mailbox;
        final boolean allFolders;
        final Set<String> folderIds;
        final Set<String> eventTypes;
        final Duration timeout;
        long watermark;
        Instant lastActivity;
        StreamConnection connection;

        Subscription(String id, Kind kind, String owner, Mailbox mailbox, boolean allFolders, Set<String> folderIds,
                Set<String> eventTypes, Duration timeout, long watermark, Instant now) {
            this.id = id;
            this.kind = kind;
            this.owner = owner;
            this.mailbox = mailbox;
            this.allFolders = allFolders;
            this.folderIds = Set.copyOf(folderIds);
            this.eventTypes = Set.copyOf(eventTypes);
            this.timeout = timeout;
            this.watermark = watermark;
            this.lastActivity = now;
        }

        /** Whether a journal entry concerns this subscription's folders and event types. */
        boolean wants(Change change) {
            if (!eventTypes.contains(eventElement(change.type())) || change.folderId() == null) {
                return false;
            }
            return allFolders || folderIds.contains(change.folderId())
                    || change.oldFolderId() != null && folderIds.contains(change.oldFolderId())
                    || change.objectKind() == Change.ObjectKind.FOLDER && folderIds.contains(change.id());
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Subscription> live = new HashMap<>();
    private final Map<String, Instant> expired = new HashMap<>();
    private final Clock clock;
    private volatile boolean running;

    EwsSubscriptions(SandboxStore store, @Qualifier("sandboxClock") Clock clock) {
        this.clock = clock;
        store.addListener(this);
    }

    /** The element name of the event a journal entry becomes. */
    static String eventElement(Change.Type type) {
        return switch (type) {
            case CREATED -> "CreatedEvent";
            case MODIFIED -> "ModifiedEvent";
            case DELETED -> "DeletedEvent";
            case MOVED -> "MovedEvent";
            case COPIED -> "CopiedEvent";
            case NEW_MAIL -> "NewMailEvent";
        };
    }

    synchronized Subscription subscribe(Kind kind, String owner, Mailbox mailbox, boolean allFolders, Set<String> folderIds,
            Set<String> eventTypes, Duration timeout, long watermark) {
        // clients that subscribe and never come back would otherwise keep their subscriptions for good
        expire();
        byte[] bytes = new byte[17];
        random.nextBytes(bytes);
        bytes[0] = ID_MARK;
        String id = Base64.getEncoder().encodeToString(bytes);
        Subscription subscription = new Subscription(id, kind, owner, mailbox, allFolders, folderIds, eventTypes, timeout,
                watermark, clock.instant());
        live.put(id, subscription);
        return subscription;
    }

    /**
     * A subscription its owner may use, of the given kind (null: either).
     *
     * @throws EwsError ErrorInvalidSubscription (not an id, or of the wrong kind), ErrorExpiredSubscription,
     *                  ErrorSubscriptionNotFound, ErrorSubscriptionAccessDenied
     */
    synchronized Subscription lookup(String id, String caller, Kind kind) {
        if (!wellFormed(id)) {
            throw new EwsError("ErrorInvalidSubscription", "The subscription is invalid.");
        }
        expire();
        Subscription subscription = live.get(id);
        if (subscription == null) {
            if (expired.containsKey(id)) {
                throw new EwsError("ErrorExpiredSubscription", "The subscription has expired.");
            }
            throw new EwsError("ErrorSubscriptionNotFound", "The specified subscription was not found.");
        }
        if (!subscription.owner.equalsIgnoreCase(caller)) {
            throw new EwsError("ErrorSubscriptionAccessDenied", "A subscription can only be used by the account that created it.");
        }
        if (kind != null && subscription.kind != kind) {
            throw new EwsError("ErrorInvalidSubscription", kind == Kind.PULL
                    ? "The subscription is a streaming subscription; GetEvents serves pull subscriptions."
                    : "The subscription is a pull subscription; GetStreamingEvents serves streaming subscriptions.");
        }
        return subscription;
    }

    /** How many subscriptions are live, expired ones not yet noticed included. */
    synchronized int liveCount() {
        return live.size();
    }

    synchronized void unsubscribe(Subscription subscription) {
        live.remove(subscription.id);
        if (subscription.connection != null) {
            subscription.connection.lose(subscription, "ErrorSubscriptionNotFound", "The subscription was removed.");
        }
    }

    synchronized long watermarkOf(Subscription subscription) {
        return subscription.watermark;
    }

    /** Records that a subscription was just read up to a watermark: a pull subscription's Timeout runs from now. */
    synchronized void touch(Subscription subscription, long watermark) {
        subscription.lastActivity = clock.instant();
        subscription.watermark = watermark;
    }

    private static boolean wellFormed(String id) {
        try {
            byte[] bytes = Base64.getDecoder().decode(id == null ? "" : id.strip());
            return bytes.length == 17 && bytes[0] == ID_MARK;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void expire() {
        Instant now = clock.instant();
        List<String> gone = new ArrayList<>();
        for (Subscription subscription : live.values()) {
            boolean over = subscription.kind == Kind.PULL
                    ? subscription.lastActivity.plus(subscription.timeout).isBefore(now)
                    : subscription.connection == null && subscription.lastActivity.plus(STREAMING_LIFETIME).isBefore(now);
            if (over) {
                gone.add(subscription.id);
            }
        }
        for (String id : gone) {
            live.remove(id);
            expired.put(id, now);
        }
        expired.values().removeIf(at -> at.plus(TOMBSTONE).isBefore(now));
    }

    /** Moves subscriptions onto a new connection; a connection that had one loses it, as with Exchange's newest-wins rule. */
    synchronized void attach(StreamConnection connection) {
        for (Subscription subscription : connection.subscriptions()) {
            StreamConnection previous = subscription.connection;
            if (previous != null && previous != connection) {
                previous.lose(subscription, "ErrorNewEventStreamConnectionOpened",
                        "A new event stream connection was opened for this subscription.");
            }
            subscription.connection = connection;
        }
    }

    /** A connection ended: its subscriptions start their 30 minutes without a connection. */
    synchronized void detach(StreamConnection connection) {
        Instant now = clock.instant();
        for (Subscription subscription : live.values()) {
            if (subscription.connection == connection) {
                subscription.connection = null;
                subscription.lastActivity = now;
            }
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends the open GetStreamingEvents connections when the sandbox stops. This runs before the web
     * server's graceful shutdown, which would otherwise wait for each of them (up to 30 minutes).
     */
    @Override
    public void stop() {
        running = false;
        Set<StreamConnection> open = new LinkedHashSet<>();
        synchronized (this) {
            for (Subscription subscription : live.values()) {
                if (subscription.connection != null) {
                    open.add(subscription.connection);
                }
            }
        }
        open.forEach(StreamConnection::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void changed(Mailbox mailbox, List<Change> changes) {
        Set<StreamConnection> waiting = new LinkedHashSet<>();
        synchronized (this) {
            for (Subscription subscription : live.values()) {
                if (subscription.mailbox == mailbox && subscription.connection != null) {
                    waiting.add(subscription.connection);
                }
            }
        }
        waiting.forEach(StreamConnection::wake);
    }

    /**
     * Up to {@code max} events of a subscription after a watermark, read from the journal;
     * call inside the store lock.
     *
     * @return the events, how far the journal was read, and whether more remain
     */
    static Batch events(Subscription subscription, long after, int max) {
        List<Change> relevant = new ArrayList<>();
        long reached = after;
        boolean more = false;
        for (Change change : subscription.mailbox.changesAfter(after)) {
            if (subscription.wants(change)) {
                if (relevant.size() == max) {
                    more = true;
                    break;
                }
                relevant.add(change);
            }
            reached = change.seq();
        }
        return new Batch(List.copyOf(relevant), reached, more);
    }

    /**
     * Events read from a journal.
     *
     * @param changes the relevant entries
     * @param reached the journal position read up to
     * @param more    whether relevant entries remain after {@code reached}
     */
    record Batch(List<Change> changes, long reached, boolean more) {}

    /** An opaque watermark: the mailbox and a journal position. */
    static String watermark(Mailbox mailbox, long seq) {
        ByteBuffer buffer = ByteBuffer.allocate(10).put(WATERMARK_MARK).put((byte) mailbox.ordinal).putLong(seq);
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /**
     * Reads a watermark of a mailbox.
     *
     * @throws EwsError ErrorInvalidWatermark if it is none, of another mailbox, or ahead of the journal
     */
    static long watermark(String text, Mailbox mailbox) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text == null ? "" : text.strip());
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (bytes.length == 10 && buffer.get() == WATERMARK_MARK && (buffer.get() & 0xff) == mailbox.ordinal) {
                long seq = buffer.getLong();
                if (seq >= 0 && seq <= mailbox.currentSeq()) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64: answered below like any other foreign watermark
        }
        throw new EwsError("ErrorInvalidWatermark", "Watermark is invalid.");
    }

    /** The event element of a journal entry ({@code t:CreatedEvent}, …), with or without its watermark. */
    static XmlOut event(Mailbox mailbox, Change change, boolean withWatermark) {
        XmlOut event = XmlOut.t(eventElement(change.type()));
        if (withWatermark) {
            event.el("t:Watermark", watermark(mailbox, change.seq()));
        }
        event.el("t:TimeStamp", Xsd.dateTime(change.time()));
        boolean folder = change.objectKind() == Change.ObjectKind.FOLDER;
        event.child(folder ? "t:FolderId" : "t:ItemId").attr("Id", change.id());
        event.child("t:ParentFolderId").attr("Id", change.folderId());
        if (change.type() == Change.Type.MOVED || change.type() == Change.Type.COPIED) {
            event.child(folder ? "t:OldFolderId" : "t:OldItemId").attr("Id", change.oldId());
            event.child("t:OldParentFolderId").attr("Id", change.oldFolderId() != null ? change.oldFolderId() : change.folderId());
        }
        return event;
    }
}
