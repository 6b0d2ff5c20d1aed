package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finding what a URL names inside the mailbox it names: an id of another mailbox's object is
 * "not found" here, as in Graph, and well-known folder names stand for their folders.
 * Called inside the store lock.
 */
final class Lookup {

    private Lookup() {}

    static Folder mailFolder(SandboxStore store, Mailbox mailbox, String idOrName) {
        Folder folder = folder(store, mailbox, idOrName);
        if (folder.kind != FolderKind.MAIL && folder.kind != FolderKind.ROOT) {
            throw GraphException.notFound();
        }
        return folder;
    }

    static Folder calendar(SandboxStore store, Mailbox mailbox, String id) {
        Folder folder = id == null ? store.wellKnown(mailbox, WellKnownFolder.CALENDAR) : folder(store, mailbox, id);
        if (folder.kind != FolderKind.CALENDAR) {
            throw GraphException.notFound();
        }
        return folder;
    }

    static Folder contactFolder(SandboxStore store, Mailbox mailbox, String id) {
        Folder folder = id == null ? store.wellKnown(mailbox, WellKnownFolder.CONTACTS) : folder(store, mailbox, id);
        if (folder.kind != FolderKind.CONTACTS) {
            throw GraphException.notFound();
        }
        return folder;
    }

    private static Folder folder(SandboxStore store, Mailbox mailbox, String idOrName) {
        WellKnownFolder wellKnown = WellKnownFolder.ofGraphName(idOrName);
        if (wellKnown == null) {
            wellKnown = WellKnownFolder.ofEwsName(idOrName);
            if (wellKnown != null && wellKnown.graphName() == null && wellKnown != WellKnownFolder.CALENDAR
                    && wellKnown != WellKnownFolder.CONTACTS) {
                wellKnown = null;
            }
        }
        Folder folder = wellKnown != null ? store.wellKnown(mailbox, wellKnown) : store.folder(idOrName);
        if (folder.mailbox != mailbox) {
            throw GraphException.notFound();
        }
        return folder;
    }

    static <T extends Item> T item(SandboxStore store, Mailbox mailbox, String id, Class<T> kind) {
        T item = store.item(id, kind);
        if (item.mailbox != mailbox || item.folder == null) {
            throw GraphException.notFound();
        }
        return item;
    }

    /** An event or one occurrence of a series, by either id. */
    static Occurrence event(SandboxStore store, Mailbox mailbox, String id) {
        Occurrence occurrence = store.occurrence(id);
        CalendarEvent master = occurrence.master();
        if (master.mailbox != mailbox || master.folder == null) {
            throw GraphException.notFound();
        }
        return occurrence;
    }

    static Attachment attachment(SandboxStore store, Item owner, String id) {
        Attachment attachment = store.attachment(id);
        if (attachment.owner != owner) {
            throw GraphException.notFound();
        }
        return attachment;
    }

    /** The mailbox's folders holding mail, for collections over the whole mailbox. */
    static List<Folder> mailFolders(Mailbox mailbox) {
        List<Folder> folders = new ArrayList<>();
        for (Folder folder : mailbox.folders()) {
            if (folder.kind == FolderKind.MAIL) {
                folders.add(folder);
            }
        }
        return folders;
    }

    /** Child folders of a kind, by display name as Outlook lists them. */
    static List<Folder> children(Folder parent, FolderKind kind, boolean includeHidden) {
        List<Folder> children = new ArrayList<>();
        for (Folder child : parent.children()) {
            if (child.kind == kind && (includeHidden || !child.hidden)) {
                children.add(child);
            }
        }
        children.sort(Comparator.comparing((Folder f) -> f.displayName.toLowerCase(Locale.ROOT)).thenComparing(f -> f.number));
        return children;
    }
}
