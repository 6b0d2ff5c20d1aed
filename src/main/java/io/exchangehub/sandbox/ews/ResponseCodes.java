package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.StoreException;

/** The EWS ResponseCode and MessageText Exchange gives for each store failure. */
final class ResponseCodes {

    private ResponseCodes() {}

    static EwsError of(StoreException e) {
        return switch (e.error()) {
            case MALFORMED_ID -> EwsError.malformedId();
            case ITEM_NOT_FOUND, FOLDER_NOT_FOUND -> EwsError.itemNotFound();
            case ATTACHMENT_NOT_FOUND -> new EwsError("ErrorItemNotFound", "The specified object was not found in the store.");
            case PARENT_FOLDER_NOT_FOUND -> new EwsError("ErrorParentFolderNotFound", "The specified parent folder could not be found.");
            case MAILBOX_NOT_FOUND -> new EwsError("ErrorNonExistentMailbox", "The SMTP address has no mailbox associated with it.");
            case ACCESS_DENIED -> EwsError.accessDenied();
            case CONFLICT -> new EwsError("ErrorIrresolvableConflict",
                    "The send or update operation could not be performed because the change key passed in the request does not "
                            + "match the current change key for the item.");
            case FOLDER_EXISTS -> new EwsError("ErrorFolderExists", "A folder with the specified name already exists.");
            case CANNOT_DELETE_DISTINGUISHED_FOLDER -> new EwsError("ErrorDeleteDistinguishedFolder",
                    "Distinguished folders cannot be deleted.");
            case MOVE_COPY_FAILED -> new EwsError("ErrorMoveCopyFailed", "The move or copy operation failed.");
            case INVALID_CHANGE_KEY -> new EwsError("ErrorInvalidChangeKey", "The change key is invalid.");
            case INVALID_RECIPIENTS -> new EwsError("ErrorInvalidRecipients", "At least one recipient isn't valid.");
            case INVALID_SYNC_STATE -> new EwsError("ErrorInvalidSyncStateData",
                    "Synchronization state data is corrupt or otherwise invalid.");
            case INVALID_WATERMARK -> new EwsError("ErrorInvalidWatermark", "Watermark is invalid.");
            case ITEM_NOT_A_DRAFT -> new EwsError("ErrorInvalidItemForOperationSendItem",
                    "The item is not valid for the SendItem operation.");
            case ATTACHMENT_TOO_LARGE -> new EwsError("ErrorAttachmentSizeLimitExceeded",
                    "The attachment size exceeds the size limit.");
            case INVALID_MEETING_RESPONSE -> new EwsError("ErrorCalendarIsOrganizerForAccept", e.getMessage());
            case INVALID_REQUEST -> EwsError.invalidRequest(e.getMessage());
        };
    }
}
