package io.exchangehub.component.ews.mapper;

import io.exchangehub.model.MailFolder;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.folder.SearchFolder;
import microsoft.exchange.webservices.data.property.complex.ExtendedProperty;
import microsoft.exchange.webservices.data.property.complex.ExtendedPropertyCollection;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;

/** EWS folders as the model's {@link MailFolder}. */
public final class FolderMapper {

    /** PR_ATTR_HIDDEN: Outlook and Graph's {@code mailFolders} leave folders that have it set out of a folder list. */
    public static final ExtendedPropertyDefinition HIDDEN = new ExtendedPropertyDefinition(0x10F4, MapiPropertyType.Boolean);

    private FolderMapper() {}

    /**
     * Whether a folder is one Graph lists among {@code mailFolders}: a folder of mail (class
     * {@code IPF.Note}, a subclass of it, or none), not a search folder, not hidden (when the
     * folder was read with {@link #HIDDEN}).
     */
    public static boolean isVisibleMail(Folder folder) {
        if (folder instanceof SearchFolder) {
            return false;
        }
        String folderClass = Values.get(folder::getFolderClass);
        boolean mail = folderClass == null || folderClass.isBlank() || folderClass.equalsIgnoreCase("IPF.Note")
                || folderClass.regionMatches(true, 0, "IPF.Note.", 0, "IPF.Note.".length());
        return mail && !hidden(folder);
    }

    private static boolean hidden(Folder folder) {
        ExtendedPropertyCollection properties = Values.get(folder::getExtendedPropertiesForService);
        if (properties != null) {
            for (ExtendedProperty property : properties) {
                if (HIDDEN.equals(property.getPropertyDefinition())) {
                    return Boolean.parseBoolean(String.valueOf(property.getValue()));
                }
            }
        }
        return false;
    }

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
