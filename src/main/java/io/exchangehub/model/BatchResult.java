package io.exchangehub.model;

/**
 * The outcome of one id of a batch operation: success (with the item's new id after a move or
 * copy), or the failure of that id alone.
 *
 * @param id      the id as given
 * @param newId   after a move or copy, the id of the moved or copied item; else null
 * @param error   the failure of this id, or null on success
 */
public record BatchResult(String id, String newId, MailboxException error) {

    public boolean succeeded() {
        return error == null;
    }
}
