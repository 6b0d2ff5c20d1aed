package io.exchangehub.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A folder: mail, calendar, contacts or the mailbox root. */
public final class Folder {

    /** How many sort orders a folder keeps at once; the canonical ones of {@link ItemOrder} are few. */
    private static final int MAX_CACHED_ORDERS = 16;

    public final Mailbox mailbox;
    public final long number;
    public final String id;
    public final FolderKind kind;
    /** The distinguished folder this is, or null for a folder users made. */
    public final WellKnownFolder wellKnown;
    public Folder parent;
    public String displayName;
    public String folderClass;
    public boolean hidden;
    public Instant created;
    public Instant lastModified;
    public int version = 1;

    final Map<Long, Item> items = new LinkedHashMap<>();
    final List<Folder> children = new ArrayList<>();
    /** Journal sequence of the folder's creation and last change, for SyncFolderHierarchy. */
    long createdSeq;
    long changeSeq;
    /** Bumped on any change to the folder's items; keys the caches below. */
    long contentVersion;
    private long cachedAt = -1;
    private final Map<Comparator<? super Item>, List<Item>> sorted = new HashMap<>();
    private int unread;

    Folder(Mailbox mailbox, long number, FolderKind kind, WellKnownFolder wellKnown, String displayName, Instant created) {
        this.mailbox = mailbox;
        this.number = number;
        this.id = new StoreId(IdKind.FOLDER, mailbox.ordinal, number, 0).encode();
        this.kind = kind;
        this.wellKnown = wellKnown;
        this.displayName = displayName;
        this.folderClass = kind.folderClass();
        this.created = created;
        this.lastModified = created;
    }

    public String changeKey() {
        return ChangeKeys.of(number, version);
    }

    public List<Folder> children() {
        return Collections.unmodifiableList(children);
    }

    public Collection<Item> items() {
        return Collections.unmodifiableCollection(items.values());
    }

    public int totalCount() {
        return items.size();
    }

    public int childFolderCount() {
        return children.size();
    }

    /** Unread messages in this folder (not below it). */
    public synchronized int unreadCount() {
        refreshCaches();
        return unread;
    }

    /** Whether the folder is this one or one of its descendants. */
    public boolean isSelfOrAncestorOf(Folder other) {
        for (Folder f = other; f != null; f = f.parent) {
            if (f == this) {
                return true;
            }
        }
        return false;
    }

    /** The display path below the message root, e.g. {@code /Inbox/Clients/ACME}. */
    public String path() {
        if (parent == null || wellKnown == WellKnownFolder.MSG_FOLDER_ROOT) {
            return "/";
        }
        List<String> names = new ArrayList<>();
        for (Folder f = this; f != null && f.wellKnown != WellKnownFolder.MSG_FOLDER_ROOT && f.parent != null; f = f.parent) {
            names.add(f.displayName);
        }
        Collections.reverse(names);
        return "/" + String.join("/", names);
    }

    /**
     * The folder's items in an order, cached until the folder's contents change, so that a deep
     * page of a 10,000-item folder costs what the first page costs.
     */
    public synchronized List<Item> sortedItems(Comparator<? super Item> order) {
        refreshCaches();
        if (sorted.size() >= MAX_CACHED_ORDERS && !sorted.containsKey(order)) {
            // a caller with comparators of its own must not make the cache grow without end
            sorted.clear();
        }
        return sorted.computeIfAbsent(order, o -> {
            List<Item> list = new ArrayList<>(items.values());
            list.sort(o);
            return Collections.unmodifiableList(list);
        });
    }

    /** Readers share the store's read lock, so the caches have a monitor of their own. */
    private void refreshCaches() {
        if (cachedAt != contentVersion) {
            sorted.clear();
            int count = 0;
            for (Item item : items.values()) {
                if (item instanceof Message message && !message.read) {
                    count++;
                }
            }
            unread = count;
            cachedAt = contentVersion;
        }
    }

    void touchContents() {
        contentVersion++;
    }

    @Override
    public String toString() {
        return "Folder[" + mailbox.address + path() + "]";
    }
}
