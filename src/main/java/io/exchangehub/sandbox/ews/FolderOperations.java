package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.DeleteMode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.StoreError;
import io.exchangehub.sandbox.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The folder operations: GetFolder, FindFolder, CreateFolder, UpdateFolder, DeleteFolder, MoveFolder. */
final class FolderOperations {

    private static final Set<String> FOLDER_TRAVERSALS = Set.of("Shallow", "Deep", "SoftDeleted");
    private static final Set<String> DELETE_TYPES = Set.of("HardDelete", "SoftDelete", "MoveToDeletedItems");

    private FolderOperations() {}

    /** Searchable folder properties. */
    static final Restrictions.Fields<Folder> FIELDS = new Restrictions.Fields<>() {
        @Override
        public boolean supports(String fieldUri) {
            return Set.of("folder:DisplayName", "folder:FolderClass", "folder:TotalCount", "folder:ChildFolderCount",
                    "folder:UnreadCount").contains(fieldUri);
        }

        @Override
        public Object value(Folder folder, String fieldUri) {
            return switch (fieldUri) {
                case "folder:DisplayName" -> folder.displayName;
                case "folder:FolderClass" -> folder.folderClass;
                case "folder:TotalCount" -> (long) folder.totalCount();
                case "folder:ChildFolderCount" -> (long) folder.childFolderCount();
                default -> (long) folder.unreadCount();
            };
        }
    };

    /** Resolves a parent folder, answering "not found" as ErrorParentFolderNotFound, as Exchange does for parents. */
    static Folder parent(EwsRequest request, XmlIn container) {
        try {
            return Ids.folderIn(request, container);
        } catch (EwsError e) {
            if (e.code().equals("ErrorItemNotFound") || e.code().equals("ErrorFolderNotFound")) {
                throw EwsError.of(new StoreException(StoreError.PARENT_FOLDER_NOT_FOUND, e.getMessage()));
            }
            throw e;
        }
    }

    static DeleteMode deleteMode(XmlIn operation) {
        String type = Xsd.enumAttr(operation, "DeleteType", "DisposalType", DELETE_TYPES, null);
        if (type == null) {
            throw SoapFault.schema(operation, "The required attribute 'DeleteType' is missing.");
        }
        return switch (type) {
            case "HardDelete" -> DeleteMode.HARD;
            case "SoftDelete" -> DeleteMode.SOFT;
            default -> DeleteMode.MOVE_TO_DELETED_ITEMS;
        };
    }

    @Component
    static final class GetFolder implements EwsOperation {
        @Override
        public String name() {
            return "GetFolder";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            Shape shape = Shape.parse(request.operation().require("FolderShape"));
            List<XmlIn> ids = request.operation().require("FolderIds").children();
            return request.store().read(() -> Responses.each(name(), ids,
                    (id, message) -> message.child("m:Folders").add(FolderXml.folder(request, Ids.folder(request, id), shape)),
                    Responses.empty("m:Folders")));
        }
    }

    @Component
    static final class FindFolder implements EwsOperation {
        @Override
        public String name() {
            return "FindFolder";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn operation = request.operation();
            String traversal = Xsd.enumAttr(operation, "Traversal", "FolderQueryTraversalType", FOLDER_TRAVERSALS, null);
            if (traversal == null) {
                throw SoapFault.schema(operation, "The required attribute 'Traversal' is missing.");
            }
            Shape shape = Shape.parse(operation.require("FolderShape"));
            List<XmlIn> parents = operation.require("ParentFolderIds").children();
            return request.store().read(() -> Responses.each(name(), parents, (parentId, message) -> {
                Paging paging = Paging.parse(operation.child("IndexedPageFolderView"));
                Predicate<Folder> filter = Restrictions.compile(operation.child("Restriction"), FIELDS);
                Folder parent = Ids.folder(request, parentId);
                List<Folder> found = new ArrayList<>();
                if (!traversal.equals("SoftDeleted")) {
                    List<Folder> candidates = traversal.equals("Deep") ? request.store().descendants(parent)
                            : sortedChildren(parent);
                    for (Folder folder : candidates) {
                        if (filter == null || filter.test(folder)) {
                            found.add(folder);
                        }
                    }
                }
                List<Folder> page = paging.page(found);
                XmlOut root = message.child("m:RootFolder");
                paging.describe(root, page.size(), found.size());
                XmlOut folders = root.child("t:Folders");
                page.forEach(folder -> folders.add(FolderXml.folder(request, folder, shape)));
            }, null));
        }

        private static List<Folder> sortedChildren(Folder parent) {
            List<Folder> children = new ArrayList<>(parent.children());
            children.sort(Comparator.comparing(f -> f.displayName.toLowerCase(Locale.ROOT)));
            return children;
        }
    }

    @Component
    static final class CreateFolder implements EwsOperation {
        @Override
        public String name() {
            return "CreateFolder";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn parentId = request.operation().require("ParentFolderId");
            List<XmlIn> folders = request.operation().require("Folders").children();
            for (XmlIn folder : folders) {
                folder.require("DisplayName");
            }
            return Responses.each(name(), folders, (folder, message) -> request.store().write(() -> {
                Folder parent = parent(request, parentId);
                FolderKind kind = switch (folder.name()) {
                    case "CalendarFolder" -> FolderKind.CALENDAR;
                    case "ContactsFolder" -> FolderKind.CONTACTS;
                    case "TasksFolder" -> FolderKind.TASKS;
                    default -> FolderKind.ofFolderClass(folder.childText("FolderClass"));
                };
                Folder created = request.store().createFolder(parent, folder.childText("DisplayName"), kind,
                        folder.childText("FolderClass"));
                message.child("m:Folders").child(FolderXml.elementName(created)).add(FolderXml.id("t:FolderId", created));
            }), Responses.empty("m:Folders"));
        }
    }

    @Component
    static final class UpdateFolder implements EwsOperation {
        @Override
        public String name() {
            return "UpdateFolder";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            List<XmlIn> changes = request.operation().require("FolderChanges").children();
            for (XmlIn change : changes) {
                change.require("Updates");
            }
            return Responses.each(name(), changes, (change, message) -> request.store().write(() -> {
                Folder folder = Ids.folder(request, change.first());
                String newName = null;
                for (XmlIn update : change.require("Updates").children()) {
                    XmlIn path = update.first();
                    String uri = path == null ? null : path.attr("FieldURI");
                    if (!update.name().equals("SetFolderField") || !"folder:DisplayName".equals(uri)) {
                        throw new EwsError("ErrorInvalidPropertyUpdate",
                                "The sandbox can only rename folders (SetFolderField folder:DisplayName).");
                    }
                    XmlIn value = update.children().size() > 1 ? update.children().get(1).child("DisplayName") : null;
                    if (value == null) {
                        throw new EwsError("ErrorIncorrectUpdatePropertyCount",
                                "An object within a change description must contain one and only one property to modify.");
                    }
                    newName = value.text();
                }
                if (newName != null) {
                    request.store().renameFolder(folder, newName);
                }
                message.child("m:Folders").child(FolderXml.elementName(folder)).add(FolderXml.id("t:FolderId", folder));
            }), Responses.empty("m:Folders"));
        }
    }

    @Component
    static final class DeleteFolder implements EwsOperation {
        @Override
        public String name() {
            return "DeleteFolder";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            DeleteMode mode = deleteMode(request.operation());
            List<XmlIn> ids = request.operation().require("FolderIds").children();
            return Responses.each(name(), ids, (id, message) -> request.store().write(() -> {
                request.store().deleteFolder(Ids.folder(request, id), mode);
            }), null);
        }
    }

    @Component
    static final class MoveFolder implements EwsOperation {
        @Override
        public String name() {
            return "MoveFolder";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn destinationId = request.operation().require("ToFolderId");
            List<XmlIn> ids = request.operation().require("FolderIds").children();
            return Responses.each(name(), ids, (id, message) -> request.store().write(() -> {
                Folder destination = Ids.folderIn(request, destinationId);
                Folder folder = Ids.folder(request, id);
                if (folder.wellKnown != null) {
                    throw new EwsError("ErrorMoveDistinguishedFolder", "Distinguished folders cannot be moved.");
                }
                try {
                    request.store().moveFolder(folder, destination);
                } catch (StoreException e) {
                    if (e.error() == StoreError.FOLDER_EXISTS) {
                        throw new EwsError("ErrorMoveCopyFailed", "The move or copy operation failed.");
                    }
                    throw e;
                }
                message.child("m:Folders").child(FolderXml.elementName(folder)).add(FolderXml.id("t:FolderId", folder));
            }), Responses.empty("m:Folders"));
        }
    }
}
