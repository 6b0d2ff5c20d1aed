package io.exchangehub.sandbox.store;

import java.time.Instant;

/** A file attached to an item; its bytes are an immutable {@link Content}. */
public final class FileAttachment extends Attachment {

    public final Content content;
    public boolean contactPhoto;

    public FileAttachment(long number, Item owner, String name, String contentType, Content content, Instant lastModified) {
        super(number, owner, name, contentType, lastModified);
        this.content = content;
    }

    @Override
    public long size() {
        return content.size();
    }

    @Override
    FileAttachment copyFor(long newNumber, Item newOwner) {
        FileAttachment copy = new FileAttachment(newNumber, newOwner, name, contentType, content, lastModified);
        copy.inline = inline;
        copy.contentId = contentId;
        copy.contentLocation = contentLocation;
        copy.contactPhoto = contactPhoto;
        return copy;
    }
}
