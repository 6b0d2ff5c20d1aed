package io.exchangehub.component.ews.mapper;

import io.exchangehub.model.MailFolder;
import microsoft.exchange.webservices.data.core.service.folder.Folder;

/** EWS folders as the model's {@link MailFolder}. */
public final class FolderMapper {

    private FolderMapper() {}

    /**
     * @param path          the folder's display path from the top of the mailbox
     * @param wellKnownName its distinguished name, or null
     */
    public static MailFolder folder(Folder folder, String parentId, String path, String wellKnownName) {
        String id = Values.get(() -> folder.getId().getUniqueId());
        Integer total = Values.get(folder::getTotalCount);
        Integer unread = Values.get(folder::getUnreadCount);
        Integer children = Values.get(folder::getChildFolderCount);
        return new MailFolder(id, parentId, Values.get(folder::getDisplayName), path, wellKnownName, total == null ? 0 : total,
                unread == null ? 0 : unread, children == null ? 0 : children);
    }
}
