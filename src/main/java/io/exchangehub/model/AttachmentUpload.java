package io.exchangehub.model;

/**
 * A file to attach.
 *
 * @param name        its file name
 * @param contentType its MIME type, or null to guess from the name
 * @param size        its size in bytes (components choose a streamed upload above their threshold)
 * @param isInline    whether it is shown inside the body
 * @param contentId   the {@code cid:} the body refers to it by, or null
 * @param content     its bytes
 */
public record AttachmentUpload(String name, String contentType, long size, boolean isInline, String contentId,
        ContentSource content) {}
