package io.exchangehub.sandbox.store;

import java.time.Instant;

/** A file or an item attached to an item. */
public abstract sealed class Attachment permits FileAttachment, ItemAttachment {

    public final long number;
    /** The item it is attached to. */
    public final Item owner;
    public final String id;
    public String name;
    public String contentType;
    public boolean inline;
    public String contentId;
    public String contentLocation;
    public Instant lastModified;

    protected Attachment(long number, Item owner, String name, String contentType, Instant lastModified) {
        this.number = number;
        this.owner = owner;
        this.id = new StoreId(IdKind.ATTACHMENT, owner.mailbox.ordinal, number, owner.number).encode();
        this.name = name;
        this.contentType = contentType;
        this.lastModified = lastModified;
    }

    public abstract long size();

    /** The same attachment on another item (for copy, forward, send). */
    abstract Attachment copyFor(long newNumber, Item newOwner);
}
