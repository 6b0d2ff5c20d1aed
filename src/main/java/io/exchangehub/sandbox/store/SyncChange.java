package io.exchangehub.sandbox.store;

/**
 * One change a sync reports.
 *
 * @param type   what the client must do
 * @param id     the object's id
 * @param object the object for creates and updates (an {@link Item} or a {@link Folder}); null for deletes
 * @param read   read-flag changes: the new state
 */
public record SyncChange(Type type, String id, Object object, boolean read) {

    public enum Type { CREATE, UPDATE, DELETE, READ_FLAG_CHANGE }
}
