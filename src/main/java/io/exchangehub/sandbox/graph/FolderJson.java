package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.util.Set;

/** {@code microsoft.graph.mailFolder}, {@code contactFolder} and {@code calendar} from store folders. */
final class FolderJson {

    static final String MAIL_TYPE = "microsoft.graph.mailFolder";
    static final String CONTACT_TYPE = "microsoft.graph.contactFolder";
    static final String CALENDAR_TYPE = "microsoft.graph.calendar";

    /** Every property of mailFolder in v1.0. */
    static final Set<String> MAIL_PROPERTIES = Set.of("id", "childFolderCount", "displayName", "isHidden", "parentFolderId",
            "totalItemCount", "unreadItemCount", "childFolders", "messageRules", "messages", "multiValueExtendedProperties",
            "singleValueExtendedProperties");
    static final Set<String> CONTACT_PROPERTIES = Set.of("id", "displayName", "parentFolderId", "childFolders", "contacts",
            "multiValueExtendedProperties", "singleValueExtendedProperties");
    static final Set<String> CALENDAR_PROPERTIES = Set.of("id", "allowedOnlineMeetingProviders", "canEdit", "canShare",
            "canViewPrivateItems", "changeKey", "color", "defaultOnlineMeetingProvider", "hexColor", "isDefaultCalendar",
            "isRemovable", "isTallyingResponses", "name", "owner", "calendarPermissions", "calendarView", "events",
            "multiValueExtendedProperties", "singleValueExtendedProperties");

    private FolderJson() {}

    static ObjectNode mailFolder(Folder f, Projection p) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("id", f.id);
        if (p.wants("displayName")) {
            node.put("displayName", f.displayName);
        }
        if (p.wants("parentFolderId")) {
            node.put("parentFolderId", f.parent == null ? null : f.parent.id);
        }
        if (p.wants("childFolderCount")) {
            node.put("childFolderCount", f.childFolderCount());
        }
        if (p.wants("unreadItemCount")) {
            node.put("unreadItemCount", f.unreadCount());
        }
        if (p.wants("totalItemCount")) {
            node.put("totalItemCount", f.totalCount());
        }
        if (p.wants("isHidden")) {
            node.put("isHidden", f.hidden);
        }
        return node;
    }

    static ObjectNode contactFolder(Folder f, Projection p) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("id", f.id);
        if (p.wants("displayName")) {
            node.put("displayName", f.displayName);
        }
        if (p.wants("parentFolderId")) {
            node.put("parentFolderId", f.parent == null ? null : f.parent.id);
        }
        return node;
    }

    static ObjectNode calendar(Folder f, Projection p) {
        boolean primary = f.wellKnown == WellKnownFolder.CALENDAR;
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("@odata.etag", GraphJson.etag(f.changeKey()));
        node.put("id", f.id);
        if (p.wants("name")) {
            node.put("name", f.displayName);
        }
        if (p.wants("color")) {
            node.put("color", "auto");
        }
        if (p.wants("hexColor")) {
            node.put("hexColor", "");
        }
        if (p.wants("isDefaultCalendar")) {
            node.put("isDefaultCalendar", primary);
        }
        if (p.wants("changeKey")) {
            node.put("changeKey", f.changeKey());
        }
        if (p.wants("canShare")) {
            node.put("canShare", true);
        }
        if (p.wants("canViewPrivateItems")) {
            node.put("canViewPrivateItems", true);
        }
        if (p.wants("canEdit")) {
            node.put("canEdit", true);
        }
        if (p.wants("allowedOnlineMeetingProviders")) {
            node.putArray("allowedOnlineMeetingProviders").add("teamsForBusiness");
        }
        if (p.wants("defaultOnlineMeetingProvider")) {
            node.put("defaultOnlineMeetingProvider", "teamsForBusiness");
        }
        if (p.wants("isTallyingResponses")) {
            node.put("isTallyingResponses", true);
        }
        if (p.wants("isRemovable")) {
            node.put("isRemovable", !primary);
        }
        if (p.wants("owner")) {
            node.set("owner", GraphJson.emailAddress(f.mailbox.recipient()));
        }
        return node;
    }
}
