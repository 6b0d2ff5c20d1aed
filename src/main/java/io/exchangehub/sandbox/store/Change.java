package io.exchangehub.sandbox.store;

import java.time.Instant;

/**
 * One entry of a mailbox's change journal; what EWS events and Graph notifications are made of.
 *
 * @param seq         the journal sequence number (EWS watermarks are made of it)
 * @param time        when it happened
 * @param type        what happened
 * @param objectKind  to what kind of object
 * @param id          the object's id (after a move, the new id)
 * @param oldId       before a move or copy, the source id; else null
 * @param folderId    the folder holding the object (for a folder: its parent) after the change
 * @param oldFolderId before a move: the folder it left; else null
 */
public record Change(long seq, Instant time, Type type, ObjectKind objectKind, String id, String oldId, String folderId,
        String oldFolderId) {

    public enum Type { CREATED, MODIFIED, DELETED, MOVED, COPIED, NEW_MAIL }

    public enum ObjectKind { MESSAGE, EVENT, CONTACT, FOLDER }

    public static ObjectKind kindOf(Item item) {
        if (item instanceof Message) {
            return ObjectKind.MESSAGE;
        }
        return item instanceof CalendarEvent ? ObjectKind.EVENT : ObjectKind.CONTACT;
    }
}
