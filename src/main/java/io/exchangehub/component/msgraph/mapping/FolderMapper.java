package io.exchangehub.component.msgraph.mapping;

import io.exchangehub.model.MailFolder;

/** Graph's mail folders as the model's {@link MailFolder}. */
public final class FolderMapper {

    /** What folder lists ask Graph for. */
    public static final String[] SELECT = {"id", "displayName", "parentFolderId", "childFolderCount", "unreadItemCount",
            "totalItemCount"};

    private FolderMapper() {}

    /**
     * @param folder        Graph's folder
     * @param parentId      its parent's id, null at the top of the tree
     * @param path          its display path from the top, {@code /Inbox/Clients}
     * @param wellKnownName its well-known name, or null
     */
    public static MailFolder toModel(com.microsoft.graph.models.MailFolder folder, String parentId, String path,
            String wellKnownName) {
        return new MailFolder(folder.getId(), parentId, folder.getDisplayName(), path, wellKnownName,
                count(folder.getTotalItemCount()), count(folder.getUnreadItemCount()), count(folder.getChildFolderCount()));
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
