package io.exchangehub.model;

import java.time.Instant;

/**
 * One change in a mailbox, normalised from EWS notifications and sync, or Graph notifications
 * and delta.
 *
 * @param mailbox      the mailbox's SMTP address
 * @param resourceType what changed
 * @param changeType   how it changed
 * @param id           the object's id (after a move, its new id)
 * @param oldId        before a move, its old id; else null
 * @param folderId     the folder holding it (for a folder: its parent), or null when unknown
 * @param time         when the change happened (or was seen, when the backend does not say)
 */
public record ChangeEvent(String mailbox, ResourceType resourceType, ChangeType changeType, String id, String oldId,
        String folderId, Instant time) {

    public enum ResourceType { MESSAGE, EVENT, CONTACT, FOLDER }

    public enum ChangeType { CREATED, UPDATED, DELETED, MOVED }
}
