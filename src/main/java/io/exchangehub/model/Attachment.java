package io.exchangehub.model;

import java.time.Instant;

/**
 * An attachment's metadata (its content is downloaded separately, as a stream).
 *
 * @param id           the attachment's id
 * @param name         its file name (or the attached item's subject)
 * @param contentType  its MIME type
 * @param size         its size in bytes
 * @param isInline     whether it is shown inside the body (an inline image)
 * @param contentId    the {@code cid:} it is referenced by, or null
 * @param kind         a file, an attached item, or a link
 * @param lastModified when it last changed, or null
 */
public record Attachment(String id, String name, String contentType, long size, boolean isInline, String contentId, Kind kind,
        Instant lastModified) {

    public enum Kind { FILE, ITEM, REFERENCE }
}
