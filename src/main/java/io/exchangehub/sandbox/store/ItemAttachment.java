package io.exchangehub.sandbox.store;

import java.time.Instant;

/** A message, meeting or contact attached to another item (a forwarded message as attachment). */
public final class ItemAttachment extends Attachment {

    /** The attached item; it lives in no folder. */
    public final Item item;

    public ItemAttachment(long number, Item owner, String name, Item item, Instant lastModified) {
        super(number, owner, name, "message/rfc822", lastModified);
        this.item = item;
    }

    @Override
    public long size() {
        return item.size();
    }

    @Override
    ItemAttachment copyFor(long newNumber, Item newOwner) {
        ItemAttachment copy = new ItemAttachment(newNumber, newOwner, name, item, lastModified);
        copy.inline = inline;
        copy.contentId = contentId;
        return copy;
    }
}
