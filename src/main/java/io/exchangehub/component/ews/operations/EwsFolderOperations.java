package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.ews.EwsSession;
import io.exchangehub.component.ews.client.DistinguishedFolders;
import io.exchangehub.component.ews.client.EwsErrors;
import io.exchangehub.component.ews.mapper.FolderMapper;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;

/**
 * Folders: the mailbox's mail folders with paths and counts, and one folder's changes. The tree
 * costs two calls: one GetFolder for the distinguished folders (to name them, and to know the top
 * of the tree), then FindFolder with deep traversal, page by page.
 *
 * <p>{@code listFolders} gives what Graph's {@code mailFolders} gives of the same mailbox: mail
 * folders only (folder class {@code IPF.Note}, a subclass of it, or none; not search folders, not
 * hidden ones), each below the top or below another mail folder, and the well-known names Graph
 * has for them. Several of those ({@code archive}, {@code conversationhistory}) are distinguished
 * folder names of Exchange 2019 that ews-java-api 2.0 cannot send, so the GetFolder is the
 * component's own ({@link DistinguishedFolders}). The single-folder operations also find the
 * mailbox's other folders (calendars, contact folders), which they name the same way.
 */
public final class EwsFolderOperations {

    /** The top of the tree. */
    private static final String ROOT = "msgfolderroot";
    /** The well-known mail folders, as Graph names them (msgraph:'s listFolders asks Graph for the same). */
    private static final List<String> MAIL_NAMES = List.of("inbox", "drafts", "sentitems", "deleteditems", "junkemail", "outbox",
            "archive", "conversationhistory");
    /** Distinguished folders outside the mail tree, named when a single-folder operation finds one. */
    private static final List<String> OTHER_NAMES = List.of("calendar", "contacts", "tasks", "notes", "journal");
    private static final List<String> DISTINGUISHED = Stream.of(List.of(ROOT), MAIL_NAMES, OTHER_NAMES).flatMap(List::stream)
            .toList();
    private static final int TREE_PAGE = 500;

    private static final PropertySet FOLDER_PROPERTIES = new PropertySet(BasePropertySet.IdOnly, FolderSchema.DisplayName,
            FolderSchema.ParentFolderId, FolderSchema.FolderClass, FolderSchema.TotalCount, FolderSchema.UnreadCount,
            FolderSchema.ChildFolderCount, FolderMapper.HIDDEN);

    private EwsFolderOperations() {}

    public static EwsResult list(EwsSession session) {
        return EwsResult.of(tree(session, true));
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
        FolderId folderId = session.folder(id);
        String renamed = session.call(id, service -> {
            Folder folder = Folder.bind(service, folderId, PropertySet.getIdOnly());
            folder.setDisplayName(name);
            folder.update();
            return folder.getId().getUniqueId();
        });
        return EwsResult.of(find(session, renamed));
    }

    public static EwsResult move(EwsSession session) {
        String id = session.required(EwsConstants.FOLDER_ID);
        FolderId folder = session.folder(id);
        FolderId destination = session.folder(session.required(EwsConstants.DESTINATION_FOLDER_ID));
        String moved = session.call(id, service -> service.moveFolder(folder, destination).getId().getUniqueId());
        return EwsResult.of(find(session, moved));
    }

    public static EwsResult delete(EwsSession session) {
        String id = session.required(EwsConstants.FOLDER_ID);
        DeleteMode mode = session.header(EwsConstants.DELETE_MODE, DeleteMode.MOVE_TO_DELETED_ITEMS, DeleteMode.class);
        FolderId folder = session.folder(id);
        session.call(id, service -> {
            service.deleteFolder(folder, EwsMessageOperations.deleteMode(mode));
            return null;
        });
        return EwsResult.of(null);
    }

    /** A folder id as EWS ids it: a well-known name is looked up, an id checked. */
    private static String resolveId(EwsSession session, String idOrName) {
        FolderId folder = session.folder(idOrName);
        return session.call(idOrName, service -> Folder.bind(service, folder, PropertySet.getIdOnly()).getId().getUniqueId());
    }

    private static MailFolder find(EwsSession session, String id) {
        return tree(session, false).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("The folder is not in the mailbox's folder tree", "ErrorFolderNotFound", id));
    }

    /**
     * The mailbox's folders under the top of its tree, each with its display path, in the order EWS
     * lists them.
     *
     * @param mailOnly whether to keep only the mail folders Graph's {@code mailFolders} would list
     */
    static List<MailFolder> tree(EwsSession session, boolean mailOnly) {
        List<DistinguishedFolders.Outcome> outcomes = DistinguishedFolders.ids(session.client(), session.access(),
                session.credentials(), session.mailbox(), DISTINGUISHED);
        if (outcomes.get(0).error() != null) {
            throw EwsErrors.of(outcomes.get(0).error(), null, null, null);
        }
        session.client().rememberDistinguished(session.mailbox(), outcomes);
        String rootId = outcomes.get(0).id();
        Map<String, String> wellKnown = new HashMap<>();
        for (DistinguishedFolders.Outcome outcome : outcomes.subList(1, outcomes.size())) {
            if (outcome.id() != null) {
                wellKnown.put(outcome.id(), outcome.name());
            }
        }
        return session.call(null, service -> walk(service, session.mailbox(), rootId, wellKnown, mailOnly));
    }

    /**
     * The mail folders {@code listFolders} lists, without their well-known names, in one FindFolder
     * (the top's id is known after the first time): where a search of the whole mailbox looks.
     */
    static List<MailFolder> mailFolders(EwsSession session) {
        FolderId root = new FolderId(WellKnownFolderName.MsgFolderRoot, new Mailbox(session.mailbox()));
        return session.call(null, service -> walk(service, session.mailbox(),
                session.client().distinguishedId(service, session.mailbox() + "/" + WellKnownFolderName.MsgFolderRoot, root), Map.of(),
                true));
    }

    private static List<MailFolder> walk(ExchangeService service, String mailbox, String rootId, Map<String, String> wellKnown,
            boolean mailOnly) throws Exception {
        Map<String, Folder> folders = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        FolderView view = new FolderView(TREE_PAGE);
        view.setTraversal(FolderTraversal.Deep);
        view.setPropertySet(FOLDER_PROPERTIES);
        FolderId root = new FolderId(WellKnownFolderName.MsgFolderRoot, new Mailbox(mailbox));
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
        Map<String, Boolean> listed = new HashMap<>();
        Map<String, String> paths = new HashMap<>();
        List<MailFolder> tree = new ArrayList<>();
        for (Map.Entry<String, Folder> entry : folders.entrySet()) {
            String id = entry.getKey();
            if (mailOnly && !inMailTree(id, folders, parents, rootId, listed)) {
                continue;
            }
            String parent = parents.get(id);
            String parentId = parent == null || parent.equals(rootId) ? null : parent;
            tree.add(FolderMapper.folder(entry.getValue(), parentId, path(id, folders, parents, paths, rootId), wellKnown.get(id)));
        }
        return List.copyOf(tree);
    }

    /** Whether Graph's mailFolders would reach the folder: a visible mail folder whose parents up to the top are too. */
    private static boolean inMailTree(String id, Map<String, Folder> folders, Map<String, String> parents, String rootId,
            Map<String, Boolean> known) {
        Boolean answer = known.get(id);
        if (answer == null) {
            String parent = parents.get(id);
            Folder folder = folders.get(id);
            answer = folder != null && FolderMapper.isVisibleMail(folder)
                    && (parent == null || parent.equals(rootId) || inMailTree(parent, folders, parents, rootId, known));
            known.put(id, answer);
        }
        return answer;
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
}
