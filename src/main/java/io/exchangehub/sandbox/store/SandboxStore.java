package io.exchangehub.sandbox.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The sandbox's mailboxes and every operation on them, protocol-neutral. Both faces call
 * these operations, so a message sent through Graph lands in an EWS user's Inbox, and every
 * change lands in the mailbox journal that EWS events and Graph notifications are made from.
 */
public final class SandboxStore {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Mailbox> byAddress = new LinkedHashMap<>();
    private final List<Mailbox> byOrdinal = new ArrayList<>();
    private final List<DirectoryEntry> directory;
    private final MailboxPopulator populator;
    private final Clock clock;
    private final String domain;
    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<List<Map.Entry<Mailbox, Change>>> pending = ThreadLocal.withInitial(ArrayList::new);

    /**
     * @param mailboxes the mailboxes, in ordinal order
     * @param directory the organisation's address list
     * @param populator fills each mailbox on first use
     * @param clock     the store's time
     * @param domain    the mail domain, for Message-IDs
     */
    public SandboxStore(List<Mailbox> mailboxes, List<DirectoryEntry> directory, MailboxPopulator populator, Clock clock,
            String domain) {
        for (Mailbox mailbox : mailboxes) {
            if (mailbox.ordinal != byOrdinal.size()) {
                throw new IllegalArgumentException("Mailbox ordinals must be 0, 1, 2, … in order");
            }
            byOrdinal.add(mailbox);
            byAddress.put(mailbox.address, mailbox);
        }
        this.directory = List.copyOf(directory);
        this.populator = populator;
        this.clock = clock;
        this.domain = domain;
    }

    // ---------------------------------------------------------------- locking and listeners

    /** Runs a read under the shared lock; faces build their responses inside it. */
    public <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a change under the exclusive lock, then tells the listeners what changed. */
    public <T> T write(Supplier<T> action) {
        if (lock.getReadHoldCount() > 0 && !lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("A write inside a read would deadlock; take the write lock first");
        }
        lock.writeLock().lock();
        boolean outermost = lock.getWriteHoldCount() == 1;
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
            // a write that fails half-way has journalled what it did: tell listeners now, not with the next write
            if (outermost) {
                dispatch();
            }
        }
    }

    public void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    public void addListener(ChangeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChangeListener listener) {
        listeners.remove(listener);
    }

    private void dispatch() {
        List<Map.Entry<Mailbox, Change>> changes = pending.get();
        if (changes.isEmpty()) {
            return;
        }
        pending.remove();
        Map<Mailbox, List<Change>> byMailbox = new LinkedHashMap<>();
        for (Map.Entry<Mailbox, Change> entry : changes) {
            byMailbox.computeIfAbsent(entry.getKey(), m -> new ArrayList<>()).add(entry.getValue());
        }
        byMailbox.forEach((mailbox, list) -> listeners.forEach(listener -> listener.changed(mailbox, List.copyOf(list))));
    }

    /** Records a change in the journal of the object's mailbox; seeding records nothing. */
    private long record(Mailbox mailbox, Change.Type type, Change.ObjectKind kind, String id, String oldId,
            String folderId, String oldFolderId) {
        if (!mailbox.populated) {
            return 0;
        }
        long seq = ++mailbox.journal.seq;
        Change change = new Change(seq, now(), type, kind, id, oldId, folderId, oldFolderId);
        mailbox.journal.add(change);
        pending.get().add(Map.entry(mailbox, change));
        return seq;
    }

    private void requireWrite() {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("Store changes run inside SandboxStore.write");
        }
    }

    // ---------------------------------------------------------------- mailboxes and lookups

    public Instant now() {
        return clock.instant();
    }

    public String domain() {
        return domain;
    }

    public List<Mailbox> mailboxes() {
        return List.copyOf(byOrdinal);
    }

    public List<DirectoryEntry> directory() {
        return directory;
    }

    /** The mailbox with that address, its contents built on first use. */
    public Mailbox mailbox(String address) {
        Mailbox mailbox = address == null ? null : byAddress.get(address.toLowerCase(Locale.ROOT));
        if (mailbox == null) {
            throw new StoreException(StoreError.MAILBOX_NOT_FOUND, "The SMTP address has no mailbox associated with it.");
        }
        return populated(mailbox);
    }

    public boolean hasMailbox(String address) {
        return address != null && byAddress.containsKey(address.toLowerCase(Locale.ROOT));
    }

    /** The mailbox with that address, if the user may open it. */
    public Mailbox open(String userAddress, String address) {
        Mailbox mailbox = mailbox(address);
        if (!mailbox.openableBy(userAddress)) {
            throw new StoreException(StoreError.ACCESS_DENIED, "Access is denied. Check credentials and try again.");
        }
        return mailbox;
    }

    private Mailbox mailbox(int ordinal) {
        if (ordinal < 0 || ordinal >= byOrdinal.size()) {
            throw new StoreException(StoreError.MALFORMED_ID, "Id is malformed.");
        }
        return populated(byOrdinal.get(ordinal));
    }

    /**
     * Builds a mailbox's contents the first time anyone looks, outside the store lock: nobody
     * else can see the mailbox's objects until {@code populated} is set.
     */
    private Mailbox populated(Mailbox mailbox) {
        if (!mailbox.populated) {
            synchronized (mailbox) {
                if (!mailbox.populated) {
                    createDistinguishedFolders(mailbox);
                    populator.populate(new MailboxBuilder(this, mailbox));
                    mailbox.populated = true;
                }
            }
        }
        return mailbox;
    }

    /** Builds every mailbox now (after start-up, so that the first request does not wait). */
    public void populateAll() {
        byOrdinal.forEach(this::populated);
    }

    /** Which mailbox an id belongs to. */
    public Mailbox mailboxOf(String id) {
        return mailbox(StoreId.decode(id).mailbox());
    }

    public Folder folder(String id) {
        StoreId storeId = StoreId.decode(id, IdKind.FOLDER);
        Folder folder = mailbox(storeId.mailbox()).folder(storeId.number());
        if (folder == null) {
            throw new StoreException(StoreError.FOLDER_NOT_FOUND, "The specified folder could not be found in the store.");
        }
        return folder;
    }

    public Item item(String id) {
        StoreId storeId = StoreId.decode(id, IdKind.ITEM);
        Item item = mailbox(storeId.mailbox()).item(storeId.number());
        if (item == null) {
            throw new StoreException(StoreError.ITEM_NOT_FOUND, "The specified object was not found in the store.");
        }
        return item;
    }

    /** An item of a given kind; another kind is "not found", as Exchange answers. */
    public <T extends Item> T item(String id, Class<T> kind) {
        Item item = item(id);
        if (!kind.isInstance(item)) {
            throw new StoreException(StoreError.ITEM_NOT_FOUND, "The specified object was not found in the store.");
        }
        return kind.cast(item);
    }

    /** A single calendar item, a series master, or one occurrence, by any of their ids. */
    public Occurrence occurrence(String id) {
        StoreId storeId = StoreId.decode(id);
        if (storeId.kind() == IdKind.ITEM) {
            CalendarEvent event = item(id, CalendarEvent.class);
            return new Occurrence(event, 0, event.start, event.start, event.end, null);
        }
        if (storeId.kind() != IdKind.OCCURRENCE) {
            throw new StoreException(StoreError.MALFORMED_ID, "Id is malformed.");
        }
        Item master = mailbox(storeId.mailbox()).item(storeId.number());
        Occurrence occurrence = master instanceof CalendarEvent event
                ? event.occurrence(Instant.ofEpochSecond(storeId.extra())) : null;
        if (occurrence == null) {
            throw new StoreException(StoreError.ITEM_NOT_FOUND, "The specified object was not found in the store.");
        }
        return occurrence;
    }

    public Attachment attachment(String id) {
        StoreId storeId = StoreId.decode(id, IdKind.ATTACHMENT);
        Item owner = mailbox(storeId.mailbox()).item(storeId.extra());
        Attachment attachment = owner == null ? null : owner.attachment(storeId.number());
        if (attachment == null) {
            throw new StoreException(StoreError.ATTACHMENT_NOT_FOUND, "The attachment could not be found.");
        }
        return attachment;
    }

    public Folder wellKnown(Mailbox mailbox, WellKnownFolder name) {
        return populated(mailbox).wellKnown(name);
    }

    // ---------------------------------------------------------------- queries

    /**
     * A page of a folder's items that match, in an order ({@link ItemOrder}). Unfiltered pages
     * come straight from the folder's cached order, so any offset costs the same.
     */
    public Page<Item> find(Folder folder, Predicate<? super Item> filter, Comparator<Item> order, int offset, int max) {
        List<Item> sorted = folder.sortedItems(order == null ? ItemOrder.NEWEST_FIRST : order);
        List<Item> matching = sorted;
        if (filter != null) {
            matching = new ArrayList<>();
            for (Item item : sorted) {
                if (filter.test(item)) {
                    matching.add(item);
                }
            }
        }
        int from = Math.min(Math.max(offset, 0), matching.size());
        int to = (int) Math.min((long) from + Math.max(max, 0), matching.size());
        return new Page<>(List.copyOf(matching.subList(from, to)), from, matching.size());
    }

    /** Occurrences of the calendar folder's items overlapping {@code [from, to)}, by start. */
    public List<Occurrence> calendarView(Folder folder, Instant from, Instant to) {
        List<Occurrence> result = new ArrayList<>();
        for (Item item : folder.items.values()) {
            if (item instanceof CalendarEvent event) {
                result.addAll(event.occurrences(from, to));
            }
        }
        result.sort(Comparator.comparing(Occurrence::start).thenComparing(o -> o.master().number));
        return result;
    }

    /** All folders of a mailbox below (not including) {@code root}, depth first. */
    public List<Folder> descendants(Folder root) {
        List<Folder> result = new ArrayList<>();
        collect(root, result);
        return result;
    }

    private static void collect(Folder folder, List<Folder> into) {
        List<Folder> children = new ArrayList<>(folder.children);
        children.sort(Comparator.comparing(f -> f.displayName.toLowerCase(Locale.ROOT)));
        for (Folder child : children) {
            into.add(child);
            collect(child, into);
        }
    }

    /** Contacts of the mailbox, and directory entries, whose names or addresses start with the text. */
    public List<Resolution> resolveNames(Mailbox mailbox, String text, boolean contacts, boolean directoryToo) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.startsWith("smtp:")) {
            needle = needle.substring(5);
        }
        List<Resolution> result = new ArrayList<>();
        if (needle.isEmpty()) {
            return result;
        }
        if (contacts) {
            for (Folder folder : populated(mailbox).folders.values()) {
                if (folder.kind != FolderKind.CONTACTS) {
                    continue;
                }
                for (Item item : folder.items.values()) {
                    if (item instanceof Contact contact && matches(needle, contact.displayName, contact.givenName,
                            contact.surname, firstAddress(contact))) {
                        Recipient email = contact.emailAddresses.isEmpty() ? new Recipient(contact.displayName, "")
                                : new Recipient(contact.displayName, contact.emailAddresses.get(0).address());
                        result.add(new Resolution(email, contact, null));
                    }
                }
            }
        }
        if (directoryToo) {
            for (DirectoryEntry entry : directory) {
                if (matches(needle, entry.name(), entry.givenName(), entry.surname(), entry.address())) {
                    result.add(new Resolution(entry.recipient(), null, entry));
                }
            }
        }
        return result;
    }

    private static String firstAddress(Contact contact) {
        return contact.emailAddresses.isEmpty() ? "" : contact.emailAddresses.get(0).address();
    }

    private static boolean matches(String needle, String... values) {
        for (String value : values) {
            if (value == null) {
                continue;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (lower.startsWith(needle) || lower.contains(" " + needle) || lower.equals(needle)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- sync

    /** One page of a folder's item changes since a state (null or empty: from the beginning). */
    public SyncResult syncItems(Folder folder, String state, int max) {
        long scope = Synchronizer.itemScope(folder);
        SyncState from = state == null || state.isBlank()
                ? SyncState.initial(folder.mailbox.ordinal, scope)
                : SyncState.decode(state, folder.mailbox.ordinal, scope);
        return Synchronizer.items(folder, from, Math.max(1, max));
    }

    /** The folder-tree changes below {@code root} since a state (null or empty: from the beginning). */
    public SyncResult syncFolders(Folder root, String state) {
        long scope = Synchronizer.hierarchyScope(root);
        SyncState from = state == null || state.isBlank()
                ? SyncState.initial(root.mailbox.ordinal, scope)
                : SyncState.decode(state, root.mailbox.ordinal, scope);
        return Synchronizer.folders(root, from, Integer.MAX_VALUE);
    }

    // ---------------------------------------------------------------- folders

    private void createDistinguishedFolders(Mailbox mailbox) {
        Instant created = clock.instant();
        Folder root = newFolder(mailbox, null, WellKnownFolder.ROOT, "", FolderKind.ROOT, created);
        Folder top = newFolder(mailbox, root, WellKnownFolder.MSG_FOLDER_ROOT, WellKnownFolder.MSG_FOLDER_ROOT.displayName(),
                FolderKind.ROOT, created);
        for (WellKnownFolder wellKnown : WellKnownFolder.values()) {
            if (wellKnown != WellKnownFolder.ROOT && wellKnown != WellKnownFolder.MSG_FOLDER_ROOT) {
                newFolder(mailbox, top, wellKnown, wellKnown.displayName(), wellKnown.kind(), created);
            }
        }
    }

    Folder newFolder(Mailbox mailbox, Folder parent, WellKnownFolder wellKnown, String displayName, FolderKind kind,
            Instant created) {
        Folder folder = new Folder(mailbox, mailbox.allocate(), kind, wellKnown, displayName, created);
        folder.parent = parent;
        if (parent != null) {
            parent.children.add(folder);
        }
        mailbox.folders.put(folder.number, folder);
        if (wellKnown != null) {
            mailbox.wellKnown.put(wellKnown, folder);
        }
        long seq = record(mailbox, Change.Type.CREATED, Change.ObjectKind.FOLDER, folder.id, null,
                parent == null ? null : parent.id, null);
        folder.createdSeq = seq;
        folder.changeSeq = seq;
        return folder;
    }

    /** A new folder below {@code parent}; names are unique among siblings, case-insensitively. */
    public Folder createFolder(Folder parent, String displayName, FolderKind kind, String folderClass) {
        requireWrite();
        validateFolderName(displayName);
        requireUniqueName(parent, displayName, null);
        Folder folder = newFolder(parent.mailbox, parent, null, displayName, kind, now());
        if (folderClass != null && !folderClass.isBlank()) {
            folder.folderClass = folderClass;
        }
        touchFolder(parent);
        return folder;
    }

    public void renameFolder(Folder folder, String displayName) {
        requireWrite();
        if (folder.wellKnown != null) {
            throw new StoreException(StoreError.ACCESS_DENIED, "Distinguished folders cannot be renamed.");
        }
        validateFolderName(displayName);
        requireUniqueName(folder.parent, displayName, folder);
        folder.displayName = displayName;
        touchFolder(folder);
    }

    public void moveFolder(Folder folder, Folder destination) {
        requireWrite();
        if (folder.wellKnown != null) {
            throw new StoreException(StoreError.MOVE_COPY_FAILED, "Distinguished folders cannot be moved.");
        }
        if (folder.mailbox != destination.mailbox || folder.isSelfOrAncestorOf(destination)) {
            throw new StoreException(StoreError.MOVE_COPY_FAILED, "The folder cannot be moved into itself or below itself.");
        }
        requireUniqueName(destination, folder.displayName, folder);
        Folder oldParent = folder.parent;
        oldParent.children.remove(folder);
        destination.children.add(folder);
        folder.parent = destination;
        touchFolder(oldParent);
        touchFolder(destination);
        folder.version++;
        folder.lastModified = now();
        long seq = record(folder.mailbox, Change.Type.MOVED, Change.ObjectKind.FOLDER, folder.id, folder.id, destination.id,
                oldParent.id);
        if (seq > 0) {
            folder.changeSeq = seq;
        }
    }

    /**
     * Deletes a folder and everything in and below it ({@link DeleteMode#HARD}, {@link DeleteMode#SOFT}),
     * or moves it into Deleted Items.
     */
    public void deleteFolder(Folder folder, DeleteMode mode) {
        requireWrite();
        if (folder.wellKnown != null) {
            throw new StoreException(StoreError.CANNOT_DELETE_DISTINGUISHED_FOLDER, "Distinguished folders cannot be deleted.");
        }
        Folder deletedItems = folder.mailbox.wellKnown(WellKnownFolder.DELETED_ITEMS);
        if (mode == DeleteMode.MOVE_TO_DELETED_ITEMS && !deletedItems.isSelfOrAncestorOf(folder)) {
            moveFolder(folder, deletedItems);
            return;
        }
        for (Folder child : new ArrayList<>(folder.children)) {
            deleteFolder(child, DeleteMode.HARD);
        }
        for (Item item : new ArrayList<>(folder.items.values())) {
            removeItem(item);
        }
        Folder parent = folder.parent;
        parent.children.remove(folder);
        folder.mailbox.folders.remove(folder.number);
        touchFolder(parent);
        record(folder.mailbox, Change.Type.DELETED, Change.ObjectKind.FOLDER, folder.id, null, parent.id, null);
    }

    private static void validateFolderName(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > 255) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The folder name is empty or too long.");
        }
    }

    private static void requireUniqueName(Folder parent, String displayName, Folder except) {
        for (Folder sibling : parent.children) {
            if (sibling != except && sibling.displayName.equalsIgnoreCase(displayName)) {
                throw new StoreException(StoreError.FOLDER_EXISTS, "A folder with the specified name already exists.");
            }
        }
    }

    /** A folder's own properties or its list of subfolders changed. */
    private void touchFolder(Folder folder) {
        folder.version++;
        folder.lastModified = now();
        long seq = record(folder.mailbox, Change.Type.MODIFIED, Change.ObjectKind.FOLDER, folder.id, null,
                folder.parent == null ? null : folder.parent.id, null);
        if (seq > 0) {
            folder.changeSeq = seq;
        }
    }

    // ---------------------------------------------------------------- items

    /** Puts a new item into a folder and journals its creation. */
    <T extends Item> T insert(Folder folder, T item) {
        return insert(folder, item, Change.Type.CREATED, null, null);
    }

    private <T extends Item> T insert(Folder folder, T item, Change.Type type, String oldId, String oldFolderId) {
        item.folder = folder;
        folder.mailbox.items.put(item.number, item);
        folder.items.put(item.number, item);
        folder.touchContents();
        long seq = record(folder.mailbox, type, Change.kindOf(item), item.id, oldId, folder.id, oldFolderId);
        item.createdSeq = seq;
        item.changeSeq = seq;
        item.contentChangeSeq = seq;
        return item;
    }

    private void requireKind(Folder folder, Item item) {
        boolean fits;
        if (item instanceof Message) {
            fits = folder.kind == FolderKind.MAIL || folder.kind == FolderKind.ROOT;
        } else {
            FolderKind wanted = item instanceof CalendarEvent ? FolderKind.CALENDAR : FolderKind.CONTACTS;
            fits = folder.kind == wanted || folder.wellKnown == WellKnownFolder.DELETED_ITEMS;
        }
        if (!fits) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The item cannot be saved in a folder of that kind.");
        }
    }

    public Message createMessage(Folder folder, Consumer<Message> init) {
        requireWrite();
        Message message = new Message(folder.mailbox, folder.mailbox.allocate(), now());
        message.draft = true;
        message.read = true;
        message.from = folder.mailbox.recipient();
        message.conversationId = newConversationId();
        init.accept(message);
        if (message.conversationTopic == null) {
            message.conversationTopic = normalizedSubject(message.subject);
        }
        requireKind(folder, message);
        return insert(folder, message);
    }

    public CalendarEvent createEvent(Folder folder, Consumer<CalendarEvent> init) {
        requireWrite();
        CalendarEvent event = new CalendarEvent(folder.mailbox, folder.mailbox.allocate(), now());
        event.uid = newUid();
        init.accept(event);
        validateTimes(event);
        if (event.isMeeting() && event.organizer == null) {
            event.organizer = folder.mailbox.recipient();
        }
        requireKind(folder, event);
        return insert(folder, event);
    }

    public Contact createContact(Folder folder, Consumer<Contact> init) {
        requireWrite();
        Contact contact = new Contact(folder.mailbox, folder.mailbox.allocate(), now());
        init.accept(contact);
        completeContact(contact);
        requireKind(folder, contact);
        return insert(folder, contact);
    }

    private static void completeContact(Contact contact) {
        if (contact.displayName.isBlank()) {
            contact.displayName = (contact.givenName + " " + contact.surname).strip();
        }
        if (contact.fileAs.isBlank()) {
            contact.fileAs = contact.surname.isBlank() ? contact.displayName
                    : (contact.surname + ", " + contact.givenName).strip();
        }
        contact.subject = contact.displayName;
    }

    private static void validateTimes(CalendarEvent event) {
        if (event.start == null || event.end == null) {
            throw new StoreException(StoreError.INVALID_REQUEST, "A calendar item needs a start and an end.");
        }
        if (event.end.isBefore(event.start)) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The end of a calendar item is before its start.");
        }
        if (event.startZone == null) {
            event.startZone = event.mailbox.timeZone;
        }
        if (event.endZone == null) {
            event.endZone = event.startZone;
        }
    }

    /**
     * Changes an item, checking the client's ChangeKey first (null: no check, as Exchange's
     * AutoResolve). Every change gives the item a new ChangeKey.
     */
    public <T extends Item> T update(T item, String changeKey, Consumer<T> change) {
        requireWrite();
        ChangeKeys.check(changeKey, item.changeKey());
        if (item instanceof CalendarEvent event) {
            // bad times must leave the event as it was: keep them to put back
            Instant start = event.start;
            Instant end = event.end;
            ZoneId startZone = event.startZone;
            ZoneId endZone = event.endZone;
            change.accept(item);
            try {
                validateTimes(event);
            } catch (StoreException e) {
                event.start = start;
                event.end = end;
                event.startZone = startZone;
                event.endZone = endZone;
                throw e;
            }
        } else {
            change.accept(item);
        }
        if (item instanceof Contact contact) {
            completeContact(contact);
        }
        touch(item, false);
        return item;
    }

    /** Marks a message read or unread: the change a sync reports as a read-flag change. */
    public void setRead(Message message, boolean read, String changeKey) {
        requireWrite();
        ChangeKeys.check(changeKey, message.changeKey());
        if (message.read == read) {
            return;
        }
        message.read = read;
        touch(message, true);
    }

    private void touch(Item item, boolean readStateOnly) {
        item.version++;
        item.lastModified = now();
        if (item.folder == null) {
            return;
        }
        item.folder.touchContents();
        long seq = record(item.mailbox, Change.Type.MODIFIED, Change.kindOf(item), item.id, null, item.folder.id, null);
        item.changeSeq = seq;
        if (!readStateOnly) {
            item.contentChangeSeq = seq;
        }
    }

    /** Deletes an item (hard, soft), or moves it to Deleted Items (hard if it is there already). */
    public void delete(Item item, DeleteMode mode) {
        requireWrite();
        Folder deletedItems = item.mailbox.wellKnown(WellKnownFolder.DELETED_ITEMS);
        if (mode == DeleteMode.MOVE_TO_DELETED_ITEMS && item.folder != deletedItems) {
            move(item, deletedItems);
            return;
        }
        removeItem(item);
    }

    private void removeItem(Item item) {
        Folder folder = item.folder;
        folder.items.remove(item.number);
        folder.touchContents();
        item.mailbox.items.remove(item.number);
        item.folder = null;
        record(item.mailbox, Change.Type.DELETED, Change.kindOf(item), item.id, null, folder.id, null);
    }

    /** Moves an item; like Exchange, the moved item has a new id. */
    public Item move(Item item, Folder destination) {
        requireWrite();
        if (destination.mailbox != item.mailbox) {
            throw new StoreException(StoreError.MOVE_COPY_FAILED, "Items cannot be moved between mailboxes.");
        }
        requireKind(destination, item);
        if (destination == item.folder) {
            return item;
        }
        Item moved = duplicate(item, destination.mailbox.allocate(), destination.mailbox);
        moved.created = item.created;
        moved.version = item.version + 1;
        moved.lastModified = now();
        Folder source = item.folder;
        source.items.remove(item.number);
        source.touchContents();
        item.mailbox.items.remove(item.number);
        item.folder = null;
        return insert(destination, moved, Change.Type.MOVED, item.id, source.id);
    }

    /** Copies an item into a folder of the same mailbox. */
    public Item copy(Item item, Folder destination) {
        requireWrite();
        if (destination.mailbox != item.mailbox) {
            throw new StoreException(StoreError.MOVE_COPY_FAILED, "Items cannot be copied between mailboxes.");
        }
        requireKind(destination, item);
        Item copy = duplicate(item, destination.mailbox.allocate(), destination.mailbox);
        copy.created = now();
        copy.lastModified = copy.created;
        if (copy instanceof CalendarEvent event) {
            event.uid = newUid();
        }
        return insert(destination, copy, Change.Type.COPIED, item.id, item.folder.id);
    }

    /** A new object with the same properties and attachments as {@code item}. */
    private Item duplicate(Item item, long number, Mailbox mailbox) {
        Item copy;
        if (item instanceof Message m) {
            Message target = new Message(mailbox, number, item.created);
            m.copyTo(target);
            copy = target;
        } else if (item instanceof CalendarEvent e) {
            CalendarEvent target = new CalendarEvent(mailbox, number, item.created);
            e.copyTo(target);
            target.uid = e.uid;
            copy = target;
        } else {
            Contact target = new Contact(mailbox, number, item.created);
            ((Contact) item).copyTo(target);
            copy = target;
        }
        copy.itemClass = item.itemClass;
        copy.lastModifiedName = item.lastModifiedName;
        for (Attachment attachment : item.attachments) {
            copy.attachments.add(attachment.copyFor(mailbox.allocate(), copy));
        }
        return copy;
    }

    // ---------------------------------------------------------------- attachments

    public FileAttachment addFileAttachment(Item item, String name, String contentType, Content content,
            Consumer<FileAttachment> init) {
        requireWrite();
        requireAttachmentName(name);
        FileAttachment attachment = new FileAttachment(item.mailbox.allocate(), item, name,
                contentType == null || contentType.isBlank() ? guessContentType(name) : contentType, content, now());
        init.accept(attachment);
        item.attachments.add(attachment);
        touch(item, false);
        return attachment;
    }

    public ItemAttachment addItemAttachment(Item item, String name, Item attached) {
        requireWrite();
        requireAttachmentName(name);
        ItemAttachment attachment = new ItemAttachment(item.mailbox.allocate(), item, name, attached, now());
        item.attachments.add(attachment);
        touch(item, false);
        return attachment;
    }

    /** A message belonging to no folder, to be attached as an item attachment. */
    public Message detachedMessage(Mailbox mailbox, Consumer<Message> init) {
        requireWrite();
        Message message = new Message(mailbox, mailbox.allocate(), now());
        init.accept(message);
        return message;
    }

    public void removeAttachment(Attachment attachment) {
        requireWrite();
        Item owner = attachment.owner;
        if (!owner.attachments.remove(attachment)) {
            throw new StoreException(StoreError.ATTACHMENT_NOT_FOUND, "The attachment could not be found.");
        }
        touch(owner, false);
    }

    private static void requireAttachmentName(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new StoreException(StoreError.INVALID_REQUEST, "An attachment needs a name of at most 255 characters.");
        }
    }

    /** The MIME type for a file name's extension, octet-stream when unknown. */
    public static String guessContentType(String name) {
        String type = java.net.URLConnection.guessContentTypeFromName(name == null ? "" : name.toLowerCase(Locale.ROOT));
        if (type != null) {
            return type;
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (lower.endsWith(".pptx")) {
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        }
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends a draft: internal recipients get a copy in their Inbox (and a new-mail event); the
     * draft itself goes to {@code saveTo} (usually Sent Items) with a new id, or is deleted when
     * {@code saveTo} is null. Returns the saved copy, or null.
     */
    public Message send(Message draft, Folder saveTo) {
        requireWrite();
        if (!draft.draft) {
            throw new StoreException(StoreError.ITEM_NOT_A_DRAFT, "Only drafts can be sent.");
        }
        checkRecipients(draft.to, draft.cc, draft.bcc);
        Instant at = now();
        draft.draft = false;
        draft.read = true;
        draft.sent = at;
        draft.received = at;
        if (draft.from == null) {
            draft.from = draft.mailbox.recipient();
        }
        if (draft.sender == null) {
            draft.sender = draft.mailbox.recipient();
        }
        if (draft.internetMessageId == null) {
            draft.internetMessageId = "<" + UUID.randomUUID().toString().replace("-", "") + "@" + domain + ">";
        }
        if (draft.conversationTopic == null) {
            draft.conversationTopic = normalizedSubject(draft.subject);
        }
        deliverToRecipients(draft);
        Message saved = null;
        if (saveTo != null) {
            saved = draft.folder == saveTo ? draft : (Message) move(draft, saveTo);
            touch(saved, false);
        } else {
            removeItem(draft);
        }
        return saved;
    }

    /**
     * What {@link #send} refuses: no recipient at all, or an address no server could route. Faces
     * check a message with it before they store anything, so that a refused send leaves nothing behind.
     */
    public static void checkRecipients(List<Recipient> to, List<Recipient> cc, List<Recipient> bcc) {
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new StoreException(StoreError.INVALID_RECIPIENTS, "At least one recipient is required, but none were found.");
        }
        for (List<Recipient> list : List.of(to, cc, bcc)) {
            for (Recipient recipient : list) {
                if (!recipient.routable()) {
                    throw new StoreException(StoreError.INVALID_RECIPIENTS,
                            "One or more recipients are invalid: '" + recipient.address() + "'.");
                }
            }
        }
    }

    private void deliverToRecipients(Message sent) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (List<Recipient> list : List.of(sent.to, sent.cc, sent.bcc)) {
            for (Recipient recipient : list) {
                if (hasMailbox(recipient.address()) && seen.put(recipient.key(), Boolean.TRUE) == null) {
                    deliver(mailbox(recipient.address()), sent);
                }
            }
        }
    }

    /** Puts a copy of a sent message into a mailbox's Inbox, unread. */
    Message deliver(Mailbox recipientMailbox, Message sent) {
        Folder inbox = recipientMailbox.wellKnown(WellKnownFolder.INBOX);
        Message copy = (Message) duplicate(sent, recipientMailbox.allocate(), recipientMailbox);
        copy.created = sent.sent;
        copy.lastModified = sent.sent;
        copy.bcc = new ArrayList<>();
        copy.read = false;
        copy.draft = false;
        copy.flag = Flag.NONE;
        copy.categories = List.of();
        copy.headers = new ArrayList<>(List.of(
                new InternetHeader("Received", "from " + domain + " by sandbox." + domain + "; " + sent.sent),
                new InternetHeader("Message-ID", sent.internetMessageId),
                new InternetHeader("MIME-Version", "1.0")));
        insert(inbox, copy);
        record(recipientMailbox, Change.Type.NEW_MAIL, Change.ObjectKind.MESSAGE, copy.id, null, inbox.id, null);
        return copy;
    }

    /**
     * A draft reply, reply-all or forward of a message, in the Drafts folder of the message's
     * mailbox: subject prefixed, recipients filled in, the original quoted below the comment.
     */
    public Message createResponse(Message original, ReplyKind kind, String comment, Body.BodyType bodyType) {
        requireWrite();
        Mailbox mailbox = original.mailbox;
        Message reply = createMessage(mailbox.wellKnown(WellKnownFolder.DRAFTS), m -> {
            String prefix = kind == ReplyKind.FORWARD ? "FW: " : "RE: ";
            m.subject = prefix + normalizedSubject(original.subject);
            m.conversationId = original.conversationId;
            m.conversationTopic = original.conversationTopic;
            m.inReplyTo = original.internetMessageId;
            m.references = original.references == null ? original.internetMessageId
                    : original.references + " " + original.internetMessageId;
            addressResponse(original, kind, m);
            m.body(quoted(original, comment, bodyType == null ? original.body().type() : bodyType));
        });
        if (kind == ReplyKind.FORWARD) {
            for (Attachment attachment : original.attachments) {
                reply.attachments.add(attachment.copyFor(mailbox.allocate(), reply));
            }
        }
        return reply;
    }

    /**
     * Adds the recipients a reply or reply-all starts with to a draft's To and Cc (a forward starts
     * with none). Faces use it on a scratch message to check a response before it is made.
     */
    public static void addressResponse(Message original, ReplyKind kind, Message draft) {
        if (kind == ReplyKind.FORWARD) {
            return;
        }
        Recipient me = original.mailbox.recipient();
        Recipient author = original.replyTo.isEmpty() ? original.from : null;
        if (author != null) {
            draft.to.add(author);
        } else {
            draft.to.addAll(original.replyTo);
        }
        if (kind == ReplyKind.REPLY_ALL) {
            for (Recipient r : original.to) {
                if (!r.sameAddress(me.address()) && draft.to.stream().noneMatch(x -> x.sameAddress(r.address()))) {
                    draft.to.add(r);
                }
            }
            for (Recipient r : original.cc) {
                if (!r.sameAddress(me.address())) {
                    draft.cc.add(r);
                }
            }
        }
    }

    private static Body quoted(Message original, String comment, Body.BodyType type) {
        String from = original.from == null ? "" : original.from.name() + " <" + original.from.address() + ">";
        String sent = original.sent == null ? "" : original.sent.toString();
        String header = "From: " + from + "\nSent: " + sent + "\nTo: " + Message.display(original.to)
                + "\nSubject: " + original.subject;
        String text = (comment == null ? "" : comment) + "\n\n________________________________\n" + header + "\n\n"
                + original.body().asText();
        if (type == Body.BodyType.TEXT) {
            return Body.text(text);
        }
        String escapedComment = org.springframework.web.util.HtmlUtils.htmlEscape(comment == null ? "" : comment);
        String escapedHeader = org.springframework.web.util.HtmlUtils.htmlEscape(header).replace("\n", "<br>");
        return Body.html("<html><body><div>" + escapedComment.replace("\n", "<br>") + "</div><hr><div>" + escapedHeader
                + "</div><br>" + bodyContent(original.body().asHtml()) + "</body></html>");
    }

    private static String bodyContent(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<body");
        int close = lower.lastIndexOf("</body>");
        if (open >= 0 && close > open) {
            return html.substring(html.indexOf('>', open) + 1, close);
        }
        return html;
    }

    /** The subject without reply and forward prefixes. */
    public static String normalizedSubject(String subject) {
        String s = subject == null ? "" : subject.strip();
        while (true) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.startsWith("re:") || lower.startsWith("fw:")) {
                s = s.substring(3).strip();
            } else if (lower.startsWith("fwd:")) {
                s = s.substring(4).strip();
            } else {
                return s;
            }
        }
    }

    private String newConversationId() {
        return new StoreId(IdKind.ITEM, 0, UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE, 0).encode();
    }

    private String newUid() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- meetings

    /**
     * Sends the organizer's meeting to its attendees: each internal attendee gets a meeting
     * request in the Inbox and a copy of the meeting (not yet answered) in the Calendar, or
     * an updated copy if they had one.
     */
    public void sendMeetingRequests(CalendarEvent meeting) {
        requireWrite();
        if (!meeting.isOrganizer()) {
            throw new StoreException(StoreError.INVALID_MEETING_RESPONSE, "Only the organizer sends meeting requests.");
        }
        for (Attendee attendee : meeting.attendees) {
            if (!hasMailbox(attendee.recipient().address()) || attendee.recipient().sameAddress(meeting.mailbox.address)) {
                continue;
            }
            Mailbox other = mailbox(attendee.recipient().address());
            CalendarEvent copy = findByUid(other, meeting.uid);
            if (copy == null) {
                CalendarEvent created = (CalendarEvent) duplicate(meeting, other.allocate(), other);
                created.created = now();
                created.myResponse = ResponseType.NOT_RESPONDED;
                created.showAs = ShowAs.TENTATIVE;
                created.organizer = meeting.organizer == null ? meeting.mailbox.recipient() : meeting.organizer;
                insert(other.wellKnown(WellKnownFolder.CALENDAR), created);
            } else {
                update(copy, null, c -> {
                    c.subject = meeting.subject;
                    c.start = meeting.start;
                    c.end = meeting.end;
                    c.startZone = meeting.startZone;
                    c.endZone = meeting.endZone;
                    c.allDay = meeting.allDay;
                    c.location = meeting.location;
                    c.recurrence = meeting.recurrence;
                    c.attendees = new ArrayList<>(meeting.attendees);
                    c.body(meeting.body());
                    c.cancelled = false;
                });
            }
            deliverMeetingMessage(other, meeting, MessageKind.MEETING_REQUEST, meeting.subject, meeting.body(), meeting.mailbox.recipient());
        }
    }

    /**
     * An attendee answers a meeting: their copy records it (a declined meeting leaves the
     * calendar for Deleted Items, as in Outlook), the organizer's item records it when the
     * organizer is internal, and with {@code sendResponse} the organizer gets the answer by mail.
     */
    public void respond(CalendarEvent copy, ResponseType response, String comment, boolean sendResponse) {
        requireWrite();
        if (copy.isOrganizer() || !copy.isMeeting() && copy.organizer == null) {
            throw new StoreException(StoreError.INVALID_MEETING_RESPONSE, "You cannot respond to a meeting you organise.");
        }
        if (response != ResponseType.ACCEPTED && response != ResponseType.TENTATIVE && response != ResponseType.DECLINED) {
            throw new StoreException(StoreError.INVALID_REQUEST, "A response is accept, tentative or decline.");
        }
        Instant at = now();
        Recipient me = copy.mailbox.recipient();
        update(copy, null, c -> {
            c.myResponse = response;
            c.showAs = response == ResponseType.TENTATIVE ? ShowAs.TENTATIVE : ShowAs.BUSY;
        });
        if (copy.organizer != null && hasMailbox(copy.organizer.address())) {
            Mailbox organizerMailbox = mailbox(copy.organizer.address());
            CalendarEvent original = findByUid(organizerMailbox, copy.uid);
            if (original != null) {
                update(original, null, o -> o.attendees = new ArrayList<>(o.attendees.stream()
                        .map(a -> a.recipient().sameAddress(me.address()) ? a.withResponse(response, at) : a)
                        .toList()));
            }
            if (sendResponse) {
                MessageKind kind = switch (response) {
                    case ACCEPTED -> MessageKind.MEETING_ACCEPTED;
                    case TENTATIVE -> MessageKind.MEETING_TENTATIVE;
                    default -> MessageKind.MEETING_DECLINED;
                };
                String verb = switch (response) {
                    case ACCEPTED -> "Accepted: ";
                    case TENTATIVE -> "Tentative: ";
                    default -> "Declined: ";
                };
                deliverMeetingMessage(organizerMailbox, copy, kind, verb + copy.subject,
                        Body.text(comment == null ? "" : comment), me);
            }
        }
        if (response == ResponseType.DECLINED) {
            delete(copy, DeleteMode.MOVE_TO_DELETED_ITEMS);
        }
    }

    /** The organizer cancels: internal attendees get a cancellation and their copy is marked cancelled; the meeting is deleted. */
    public void cancelMeeting(CalendarEvent meeting, String comment) {
        cancelMeeting(meeting, comment, DeleteMode.MOVE_TO_DELETED_ITEMS);
    }

    /** Cancels a meeting, deleting the organizer's item as {@code mode} says (EWS DeleteItem with SendMeetingCancellations). */
    public void cancelMeeting(CalendarEvent meeting, String comment, DeleteMode mode) {
        requireWrite();
        if (!meeting.isOrganizer()) {
            throw new StoreException(StoreError.INVALID_MEETING_RESPONSE, "Only the organizer can cancel a meeting.");
        }
        for (Attendee attendee : meeting.attendees) {
            if (!hasMailbox(attendee.recipient().address()) || attendee.recipient().sameAddress(meeting.mailbox.address)) {
                continue;
            }
            Mailbox other = mailbox(attendee.recipient().address());
            CalendarEvent copy = findByUid(other, meeting.uid);
            if (copy != null) {
                update(copy, null, c -> {
                    c.cancelled = true;
                    c.subject = "Canceled: " + meeting.subject;
                    c.showAs = ShowAs.FREE;
                });
            }
            deliverMeetingMessage(other, meeting, MessageKind.MEETING_CANCELLATION, "Canceled: " + meeting.subject,
                    Body.text(comment == null ? "" : comment), meeting.mailbox.recipient());
        }
        delete(meeting, mode);
    }

    private void deliverMeetingMessage(Mailbox to, CalendarEvent meeting, MessageKind kind, String subject, Body body,
            Recipient from) {
        Instant at = now();
        Message message = new Message(to, to.allocate(), at);
        message.kind(kind);
        message.subject = subject;
        message.body(body);
        message.from = from;
        message.sender = from;
        message.to = new ArrayList<>(List.of(to.recipient()));
        message.sent = at;
        message.received = at;
        message.internetMessageId = "<" + UUID.randomUUID().toString().replace("-", "") + "@" + domain + ">";
        message.conversationId = newConversationId();
        message.conversationTopic = normalizedSubject(meeting.subject);
        message.meetingUid = meeting.uid;
        message.meetingStart = meeting.start;
        message.meetingEnd = meeting.end;
        message.meetingLocation = meeting.location;
        Folder inbox = to.wellKnown(WellKnownFolder.INBOX);
        insert(inbox, message);
        record(to, Change.Type.NEW_MAIL, Change.ObjectKind.MESSAGE, message.id, null, inbox.id, null);
    }

    /** The calendar item with that iCalendar UID in a mailbox's calendars, or null. */
    public CalendarEvent findByUid(Mailbox mailbox, String uid) {
        for (Folder folder : populated(mailbox).folders.values()) {
            if (folder.kind != FolderKind.CALENDAR) {
                continue;
            }
            for (Item item : folder.items.values()) {
                if (item instanceof CalendarEvent event && Objects.equals(event.uid, uid)) {
                    return event;
                }
            }
        }
        return null;
    }

    /** Changes one occurrence of a series; null fields keep the series' value. */
    public Occurrence updateOccurrence(Occurrence occurrence, String changeKey, Instant start, Instant end, String subject,
            String location, Body body) {
        requireWrite();
        if (occurrence.isSingle()) {
            throw new StoreException(StoreError.INVALID_REQUEST, "Not an occurrence of a series.");
        }
        if (changeKey != null && !changeKey.isEmpty() && !changeKey.equals(occurrence.changeKey())) {
            ChangeKeys.check(changeKey, occurrence.changeKey());
        }
        CalendarEvent master = occurrence.master();
        OccurrenceOverride previous = occurrence.override();
        Instant newStart = start != null ? start : occurrence.start();
        Instant newEnd = end != null ? end : occurrence.end();
        if (newEnd.isBefore(newStart)) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The end of a calendar item is before its start.");
        }
        OccurrenceOverride override = new OccurrenceOverride(newStart, newEnd,
                subject != null ? subject : previous == null ? null : previous.subject(),
                location != null ? location : previous == null ? null : previous.location(),
                body != null ? body : previous == null ? null : previous.body(),
                previous == null ? 1 : previous.version() + 1, now());
        master.overrides.put(occurrence.originalStart(), override);
        touch(master, false);
        return master.occurrence(occurrence.originalStart());
    }

    /** Deletes one occurrence of a series. */
    public void deleteOccurrence(Occurrence occurrence) {
        requireWrite();
        if (occurrence.isSingle()) {
            delete(occurrence.master(), DeleteMode.MOVE_TO_DELETED_ITEMS);
            return;
        }
        CalendarEvent master = occurrence.master();
        master.overrides.remove(occurrence.originalStart());
        master.deletedOccurrences.add(occurrence.originalStart());
        touch(master, false);
    }
}
