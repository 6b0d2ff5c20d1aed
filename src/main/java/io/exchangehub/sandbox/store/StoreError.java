package io.exchangehub.sandbox.store;

/**
 * Protocol-neutral failures of store operations. Each face maps them to its own error codes
 * (EWS ResponseCodes, Graph error codes), the way Exchange maps its store errors.
 */
public enum StoreError {
    MALFORMED_ID,
    ITEM_NOT_FOUND,
    FOLDER_NOT_FOUND,
    PARENT_FOLDER_NOT_FOUND,
    ATTACHMENT_NOT_FOUND,
    MAILBOX_NOT_FOUND,
    ACCESS_DENIED,
    /** The ChangeKey the client sent is not the current one. */
    CONFLICT,
    FOLDER_EXISTS,
    CANNOT_DELETE_DISTINGUISHED_FOLDER,
    MOVE_COPY_FAILED,
    INVALID_CHANGE_KEY,
    INVALID_REQUEST,
    INVALID_RECIPIENTS,
    INVALID_SYNC_STATE,
    INVALID_WATERMARK,
    ITEM_NOT_A_DRAFT,
    ATTACHMENT_TOO_LARGE,
    /** Responding to a meeting one organises, or to an item that is no meeting. */
    INVALID_MEETING_RESPONSE
}
