package io.exchangehub.model;

/**
 * A mail folder, as one entry of a mailbox's flat folder tree.
 *
 * @param id               the folder's id
 * @param parentId         its parent's id, null for the top of the tree
 * @param displayName      its name
 * @param path             the display path from the top, e.g. {@code /Inbox/Clients/ACME}
 * @param wellKnownName    {@code inbox}, {@code drafts}, {@code sentitems}, {@code deleteditems},
 *                         {@code junkemail}, {@code archive}, …, or null for a folder users made
 * @param totalCount       items in the folder (not below it)
 * @param unreadCount      unread items in the folder
 * @param childFolderCount direct subfolders
 */
public record MailFolder(String id, String parentId, String displayName, String path, String wellKnownName, int totalCount,
        int unreadCount, int childFolderCount) {}
