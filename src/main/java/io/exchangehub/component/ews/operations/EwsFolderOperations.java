package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.ews.EwsSession;
import io.exchangehub.component.ews.mapper.FolderMapper;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.enumeration.service.error.ServiceErrorHandling;
import microsoft.exchange.webservices.data.core.request.GetFolderRequest;
import microsoft.exchange.webservices.data.core.response.GetFolderResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;

/**
 * Folders: the whole tree of a mailbox with paths and counts, and one folder's changes. The
 * tree costs two kinds of call: one GetFolder for the distinguished folders (to name them, and
 * to know the top of the tree), then FindFolder with deep traversal, page by page.
 */
public final class EwsFolderOperations {

    /** The distinguished folders a mail client names; the top of the tree comes first. */
    private static final List<WellKnownFolderName> DISTINGUISHED = List.of(WellKnownFolderName.MsgFolderRoot,
            WellKnownFolderName.Inbox, WellKnownFolderName.Drafts, WellKnownFolderName.SentItems, WellKnownFolderName.DeletedItems,
            WellKnownFolderName.JunkEmail, WellKnownFolderName.Outbox, WellKnownFolderName.Calendar, WellKnownFolderName.Contacts,
            WellKnownFolderName.Tasks, WellKnownFolderName.Notes, WellKnownFolderName.Journal);
    private static final int TREE_PAGE = 500;

    private static final PropertySet FOLDER_PROPERTIES = new PropertySet(BasePropertySet.IdOnly, FolderSchema.DisplayName,
            FolderSchema.ParentFolderId, FolderSchema.TotalCount, FolderSchema.UnreadCount, FolderSchema.ChildFolderCount);

    private EwsFolderOperations() {}

    public static EwsResult list(EwsSession session) {
        return EwsResult.of(tree(session));
    }

    public static EwsResult get(EwsSession session) {
        return EwsResult.of(find(session, resolveId(session, session.required(EwsConstants.FOLDER_ID))));
    }

    public static EwsResult create(EwsSession session) {
        String name = session.required(EwsConstants.DISPLAY_NAME);
        FolderId parent = session.folderOf(EwsConstants.FOLDER_ID, "msgfolderroot");
        String id = session.call(null, service -> {
            Folder folder = new Folder(service);
            folder.setDisplayName(name);
            folder.save(parent);
            return folder.getId().getUniqueId();
        });
        return EwsResult.of(find(session, id));
    }

    public static EwsResult rename(EwsSession session) {
        String id = session.required(EwsConstants.FOLDER_ID);
        String name = session.required(EwsConstants.DISPLAY_NAME);
        String folderId = session.call(id, service -> {
            Folder folder = Folder.bind(service, session.folder(id), PropertySet.getIdOnly());
            folder.setDisplayName(name);
            folder.update();
            return folder.getId().getUniqueId();
        });
        return EwsResult.of(find(session, folderId));
    }

    public static EwsResult move(EwsSession session) {
        String id = session.required(EwsConstants.FOLDER_ID);
        FolderId destination = session.folder(session.required(EwsConstants.DESTINATION_FOLDER_ID));
        String moved = session.call(id, service -> service.moveFolder(session.folder(id), destination).getId().getUniqueId());
        return EwsResult.of(find(session, moved));
    }

    public static EwsResult delete(EwsSession session) {
        String id = session.required(EwsConstants.FOLDER_ID);
        DeleteMode mode = session.header(EwsConstants.DELETE_MODE, DeleteMode.MOVE_TO_DELETED_ITEMS, DeleteMode.class);
        session.call(id, service -> {
            service.deleteFolder(session.folder(id), EwsMessageOperations.deleteMode(mode));
            return null;
        });
        return EwsResult.of(null);
    }

    /** A folder id as EWS ids it: a well-known name is looked up. */
    private static String resolveId(EwsSession session, String idOrName) {
        return session.call(idOrName, service -> Folder.bind(service, session.folder(idOrName), PropertySet.getIdOnly())
                .getId().getUniqueId());
    }

    private static MailFolder find(EwsSession session, String id) {
        return tree(session).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("The folder is not in the mailbox's folder tree", "ErrorFolderNotFound", id));
    }

    /** The mailbox's folders under the top of its tree, each with its display path, in the order EWS lists them. */
    static List<MailFolder> tree(EwsSession session) {
        return session.call(null, service -> {
            Map<String, String> wellKnown = distinguished(service, session.mailbox());
            String rootId = null;
            for (Map.Entry<String, String> entry : wellKnown.entrySet()) {
                if (entry.getValue().equals("msgfolderroot")) {
                    rootId = entry.getKey();
                }
            }
            Map<String, Folder> folders = new LinkedHashMap<>();
            Map<String, String> parents = new HashMap<>();
            FolderView view = new FolderView(TREE_PAGE);
            view.setTraversal(FolderTraversal.Deep);
            view.setPropertySet(FOLDER_PROPERTIES);
            FolderId root = new FolderId(WellKnownFolderName.MsgFolderRoot, new Mailbox(session.mailbox()));
            FindFoldersResults page;
            do {
                page = service.findFolders(root, view);
                for (Folder folder : page) {
                    String id = folder.getId().getUniqueId();
                    folders.put(id, folder);
                    parents.put(id, folder.getParentFolderId() == null ? null : folder.getParentFolderId().getUniqueId());
                }
                if (page.getNextPageOffset() != null) {
                    view.setOffset(page.getNextPageOffset());
                }
            } while (page.isMoreAvailable() && page.getNextPageOffset() != null);
            Map<String, String> paths = new HashMap<>();
            List<MailFolder> tree = new ArrayList<>();
            for (Map.Entry<String, Folder> entry : folders.entrySet()) {
                String id = entry.getKey();
                String parent = parents.get(id);
                String parentId = parent == null || parent.equals(rootId) ? null : parent;
                tree.add(FolderMapper.folder(entry.getValue(), parentId, path(id, folders, parents, paths, rootId),
                        wellKnown.get(id)));
            }
            return List.copyOf(tree);
        });
    }

    private static String path(String id, Map<String, Folder> folders, Map<String, String> parents, Map<String, String> paths,
            String rootId) {
        String known = paths.get(id);
        if (known != null) {
            return known;
        }
        String parent = parents.get(id);
        String prefix = parent == null || parent.equals(rootId) || !folders.containsKey(parent) ? ""
                : path(parent, folders, parents, paths, rootId);
        String path = prefix + "/" + displayName(folders.get(id));
        paths.put(id, path);
        return path;
    }

    private static String displayName(Folder folder) {
        try {
            return folder.getDisplayName();
        } catch (Exception e) {
            return "";
        }
    }

    /** The ids of the mailbox's distinguished folders and their names, in one GetFolder (missing ones are left out). */
    private static Map<String, String> distinguished(ExchangeService service, String mailbox) throws Exception {
        GetFolderRequest request = new GetFolderRequest(service, ServiceErrorHandling.ReturnErrors);
        for (WellKnownFolderName name : DISTINGUISHED) {
            request.getFolderIds().add(new FolderId(name, new Mailbox(mailbox)));
        }
        request.setPropertySet(PropertySet.getIdOnly());
        ServiceResponseCollection<GetFolderResponse> responses = request.execute();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < responses.getCount(); i++) {
            GetFolderResponse response = responses.getResponseAtIndex(i);
            if (response.getResult() == ServiceResult.Success) {
                names.put(response.getFolder().getId().getUniqueId(), EwsSession.wellKnownName(DISTINGUISHED.get(i)));
            } else if (i == 0) {
                response.throwIfNecessary();
            }
        }
        return names;
    }
}
