package io.exchangehub.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What a folder holds: a message, a calendar item or a contact. */
public abstract sealed class Item permits Message, CalendarEvent, Contact {

    public final Mailbox mailbox;
    public final long number;
    public final String id;
    /** The folder holding it; null for an item that is the content of an item attachment. */
    public Folder folder;
    public String itemClass;
    public String subject = "";
    public List<String> categories = List.of();
    public Importance importance = Importance.NORMAL;
    public Sensitivity sensitivity = Sensitivity.NORMAL;
    public Instant created;
    public Instant lastModified;
    public String lastModifiedName = "";
    public boolean reminderSet;
    public int reminderMinutesBeforeStart = 15;
    public int version = 1;
    public final List<Attachment> attachments = new ArrayList<>();

    private Body body;
    /** Seeded items compute their body when asked instead of keeping it. */
    private Supplier<Body> bodySource;

    /** Journal sequence of creation, of the last change of any kind, and of the last change other than read state. */
    long createdSeq;
    long changeSeq;
    long contentChangeSeq;

    protected Item(Mailbox mailbox, long number, String itemClass, Instant created) {
        this.mailbox = mailbox;
        this.number = number;
        this.id = new StoreId(IdKind.ITEM, mailbox.ordinal, number, 0).encode();
        this.itemClass = itemClass;
        this.created = created;
        this.lastModified = created;
    }

    public String changeKey() {
        return ChangeKeys.of(number, version);
    }

    public Body body() {
        if (body != null) {
            return body;
        }
        return bodySource != null ? bodySource.get() : Body.empty();
    }

    public void body(Body newBody) {
        this.body = newBody;
        this.bodySource = null;
    }

    public void bodySource(Supplier<Body> source) {
        this.body = null;
        this.bodySource = source;
    }

    /** True when the item has an attachment a user would see (inline images don't count, as in Outlook and Graph). */
    public boolean hasAttachments() {
        for (Attachment attachment : attachments) {
            if (!attachment.inline) {
                return true;
            }
        }
        return false;
    }

    public Attachment attachment(long attachmentNumber) {
        for (Attachment attachment : attachments) {
            if (attachment.number == attachmentNumber) {
                return attachment;
            }
        }
        return null;
    }

    /** The size Exchange would report: properties, body and attachments. */
    public long size() {
        long size = 512L + subject.length() * 2L;
        size += body != null ? body.content().length() : 2048;
        for (Attachment attachment : attachments) {
            size += attachment.size();
        }
        return size;
    }

    /** A fresh copy of the item's own properties (not its id, folder or journal state) into {@code target}. */
    void copyCommonTo(Item target) {
        target.subject = subject;
        target.categories = categories;
        target.importance = importance;
        target.sensitivity = sensitivity;
        target.reminderSet = reminderSet;
        target.reminderMinutesBeforeStart = reminderMinutesBeforeStart;
        target.body = body;
        target.bodySource = bodySource;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + mailbox.address + " " + number + " '" + subject + "']";
    }
}
