package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Folders in EWS XML: {@code t:Folder}, {@code t:CalendarFolder}, {@code t:ContactsFolder} or
 * {@code t:TasksFolder}, with the properties a shape asks for in the order of BaseFolderType
 * and its extensions.
 */
final class FolderXml {

    /**
     * One folder property.
     *
     * @param uri       its FieldURI
     * @param inDefault whether the Default shape has it (AllProperties has all)
     * @param since     the first version that knows it
     * @param onlyMail  whether only FolderType (mail, tasks) has it, not calendar and contacts folders
     * @param writer    writes its element
     */
    private record Property(String uri, boolean inDefault, EwsVersion since, boolean onlyMail, BiConsumer<Folder, XmlOut> writer) {}

    /** PR_ATTR_HIDDEN, the one extended property the sandbox serves: Graph's isHidden, as Exchange keeps it. */
    private static final String HIDDEN = Shape.EXTENDED_TAG + "0x10f4";

    private static final List<Property> PROPERTIES = List.of(
            new Property("folder:FolderId", true, EwsVersion.Exchange2007, false, (f, x) -> x.add(id("t:FolderId", f))),
            new Property("folder:ParentFolderId", false, EwsVersion.Exchange2007, false,
                    (f, x) -> x.add(f.parent == null ? null : id("t:ParentFolderId", f.parent))),
            new Property("folder:FolderClass", false, EwsVersion.Exchange2007, false, (f, x) -> x.el("t:FolderClass", f.folderClass)),
            new Property("folder:DisplayName", true, EwsVersion.Exchange2007, false, (f, x) -> x.el("t:DisplayName", f.displayName)),
            new Property("folder:TotalCount", true, EwsVersion.Exchange2007, false, (f, x) -> x.el("t:TotalCount", f.totalCount())),
            new Property("folder:ChildFolderCount", true, EwsVersion.Exchange2007, false,
                    (f, x) -> x.el("t:ChildFolderCount", f.childFolderCount())),
            new Property(HIDDEN, false, EwsVersion.Exchange2007, false, (f, x) -> x.add(f.hidden ? hidden() : null)),
            new Property("folder:EffectiveRights", false, EwsVersion.Exchange2007, false, (f, x) -> x.add(effectiveRights())),
            new Property("folder:DistinguishedFolderId", false, EwsVersion.Exchange2013, false,
                    (f, x) -> x.el("t:DistinguishedFolderId", f.wellKnown == null ? null : f.wellKnown.ewsName())),
            new Property("folder:UnreadCount", true, EwsVersion.Exchange2007, true, (f, x) -> x.el("t:UnreadCount", f.unreadCount())));

    private FolderXml() {}

    /** PR_ATTR_HIDDEN of a hidden folder (Exchange returns an extended property only where it is set). */
    private static XmlOut hidden() {
        XmlOut property = XmlOut.t("ExtendedProperty");
        property.add(XmlOut.t("ExtendedFieldURI").attr("PropertyTag", "0x10f4").attr("PropertyType", "Boolean"));
        property.el("t:Value", "true");
        return property;
    }

    static XmlOut id(String elementName, Folder folder) {
        return new XmlOut(elementName).attr("Id", folder.id).attr("ChangeKey", folder.changeKey());
    }

    /** The element name of a folder's type. */
    static String elementName(Folder folder) {
        return switch (folder.kind) {
            case CALENDAR -> "t:CalendarFolder";
            case CONTACTS -> "t:ContactsFolder";
            case TASKS -> "t:TasksFolder";
            default -> "t:Folder";
        };
    }

    static XmlOut folder(EwsRequest request, Folder folder, Shape shape) {
        XmlOut element = new XmlOut(elementName(folder));
        boolean mailLike = folder.kind != FolderKind.CALENDAR && folder.kind != FolderKind.CONTACTS;
        for (Property property : PROPERTIES) {
            if (property.onlyMail && !mailLike || !request.atLeast(property.since)) {
                continue;
            }
            // as in Exchange, extended properties come only when asked for, never with AllProperties
            boolean extended = property.uri.startsWith(Shape.EXTENDED_TAG);
            boolean wanted = property.uri.equals("folder:FolderId")
                    || shape.base() == Shape.Base.ALL && !extended
                    || shape.base() == Shape.Base.DEFAULT && property.inDefault
                    || shape.asks(property.uri);
            if (wanted) {
                property.writer.accept(folder, element);
            }
        }
        return element;
    }

    /** The sandbox's users have full access to every mailbox they may open. */
    static XmlOut effectiveRights() {
        XmlOut rights = XmlOut.t("EffectiveRights");
        rights.el("t:CreateAssociated", "true").el("t:CreateContents", "true").el("t:CreateHierarchy", "true")
                .el("t:Delete", "true").el("t:Modify", "true").el("t:Read", "true").el("t:ViewPrivateItems", "true");
        return rights;
    }
}
