package io.exchangehub.sandbox.store;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One mailbox: its folders, items and change journal. Its contents are built on first use
 * (see {@link SandboxStore#mailbox}), so that start-up does not wait for 40,000 seeded messages.
 */
public final class Mailbox {

    public final int ordinal;
    public final String address;
    public final String displayName;
    public final MailboxType type;
    /** {@code ews} or {@code graph}: which protocol the hub should use for this mailbox. */
    public final String backend;
    /** The user's Azure AD object id ({@code oid}), stable for the address. */
    public final UUID objectId;
    /** Addresses of the users who may open this mailbox besides its owner. */
    public final Set<String> delegates;
    /** The mailbox's own time zone (Outlook's "working hours" zone). */
    public final ZoneId timeZone;

    final Map<Long, Folder> folders = new HashMap<>();
    final Map<WellKnownFolder, Folder> wellKnown = new EnumMap<>(WellKnownFolder.class);
    final Map<Long, Item> items = new HashMap<>();
    final Journal journal = new Journal();
    long nextNumber = 1;
    volatile boolean populated;

    public Mailbox(int ordinal, String address, String displayName, MailboxType type, String backend,
            Set<String> delegates, ZoneId timeZone) {
        this.ordinal = ordinal;
        this.address = address.toLowerCase(Locale.ROOT);
        this.displayName = displayName;
        this.type = type;
        this.backend = backend;
        this.objectId = UUID.nameUUIDFromBytes(("sandbox-user:" + this.address).getBytes());
        this.delegates = Set.copyOf(delegates.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
        this.timeZone = timeZone;
    }

    public Recipient recipient() {
        return new Recipient(displayName, address);
    }

    /** Whether the user with that address may open this mailbox. */
    public boolean openableBy(String userAddress) {
        String lower = userAddress.toLowerCase(Locale.ROOT);
        return address.equals(lower) || delegates.contains(lower);
    }

    public Folder wellKnown(WellKnownFolder name) {
        return wellKnown.get(name);
    }

    public Folder folder(long number) {
        return folders.get(number);
    }

    public Item item(long number) {
        return items.get(number);
    }

    public Collection<Folder> folders() {
        return Collections.unmodifiableCollection(folders.values());
    }

    /** The folder under the message root whose display name matches, at any depth; for tests and seed code. */
    public Folder folderByPath(String path) {
        Folder current = wellKnown(WellKnownFolder.MSG_FOLDER_ROOT);
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            Folder next = null;
            for (Folder child : current.children) {
                if (child.displayName.equalsIgnoreCase(part)) {
                    next = child;
                }
            }
            if (next == null) {
                return null;
            }
            current = next;
        }
        return current;
    }

    /** The journal's current sequence number: the watermark of "now". */
    public long currentSeq() {
        return journal.seq;
    }

    public List<Change> changesAfter(long seq) {
        return journal.after(seq);
    }

    long allocate() {
        return nextNumber++;
    }

    List<Folder> allFolders() {
        return new ArrayList<>(folders.values());
    }
}
