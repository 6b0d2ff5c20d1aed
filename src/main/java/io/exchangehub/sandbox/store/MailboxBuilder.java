package io.exchangehub.sandbox.store;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Builds a mailbox's initial contents. Used only by a {@link MailboxPopulator} while the
 * mailbox is not yet visible to anyone, so it takes no lock and writes no journal: seeded
 * contents are the state every sync starts from.
 */
public final class MailboxBuilder {

    private final SandboxStore store;
    private final Mailbox mailbox;

    MailboxBuilder(SandboxStore store, Mailbox mailbox) {
        this.store = store;
        this.mailbox = mailbox;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public SandboxStore store() {
        return store;
    }

    /** The distinguished folder, created with its usual name under its usual parent if missing. */
    public Folder wellKnown(WellKnownFolder name) {
        return mailbox.wellKnown(name);
    }

    /** A folder made by the user (or the seed). */
    public Folder folder(Folder parent, String displayName, FolderKind kind) {
        return store.newFolder(mailbox, parent, null, displayName, kind, store.now());
    }

    public Message message(Folder folder, Consumer<Message> init) {
        Message message = new Message(mailbox, mailbox.allocate(), store.now());
        init.accept(message);
        return store.insert(folder, message);
    }

    public CalendarEvent event(Folder folder, Consumer<CalendarEvent> init) {
        CalendarEvent event = new CalendarEvent(mailbox, mailbox.allocate(), store.now());
        init.accept(event);
        return store.insert(folder, event);
    }

    public Contact contact(Folder folder, Consumer<Contact> init) {
        Contact contact = new Contact(mailbox, mailbox.allocate(), store.now());
        init.accept(contact);
        return store.insert(folder, contact);
    }

    /** A message that lives in no folder: the content of an item attachment. */
    public Message detachedMessage(Consumer<Message> init) {
        Message message = new Message(mailbox, mailbox.allocate(), store.now());
        init.accept(message);
        return message;
    }

    public FileAttachment file(Item owner, String name, String contentType, Content content, Consumer<FileAttachment> init) {
        FileAttachment attachment = new FileAttachment(mailbox.allocate(), owner, name, contentType, content, owner.created);
        init.accept(attachment);
        owner.attachments.add(attachment);
        return attachment;
    }

    public ItemAttachment itemAttachment(Item owner, String name, Item attached) {
        ItemAttachment attachment = new ItemAttachment(mailbox.allocate(), owner, name, attached, owner.created);
        owner.attachments.add(attachment);
        return attachment;
    }

    public Instant now() {
        return store.now();
    }
}
