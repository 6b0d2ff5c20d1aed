package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.SyncChange;
import io.exchangehub.sandbox.store.SyncResult;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * SyncFolderHierarchy and SyncFolderItems over the store's self-contained sync states: creates,
 * updates, deletes and read-flag changes since the state the client sends back, page by page.
 */
final class SyncOperations {

    /** MaxSyncChangesReturnedType: 1 to 512. */
    private static final int MAX_CHANGES = 512;

    private SyncOperations() {}

    private static String state(XmlIn operation) {
        XmlIn state = operation.child("SyncState");
        return state == null ? null : state.token();
    }

    @Component
    static final class SyncFolderHierarchy implements EwsOperation {
        @Override
        public String name() {
            return "SyncFolderHierarchy";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn operation = request.operation();
            Shape shape = Shape.parse(operation.require("FolderShape"));
            XmlIn folderId = operation.child("SyncFolderId");
            String state = state(operation);
            return request.store().read(() -> Responses.single(name(), message -> {
                Folder root = folderId != null ? Ids.folderIn(request, folderId)
                        : request.store().wellKnown(Ids.own(request), WellKnownFolder.ROOT);
                SyncResult result = request.store().syncFolders(root, state);
                message.el("m:SyncState", result.state());
                message.el("m:IncludesLastFolderInRange", Xsd.bool(result.lastInRange()));
                XmlOut changes = message.child("m:Changes");
                for (SyncChange change : result.changes()) {
                    switch (change.type()) {
                        case CREATE -> changes.child("t:Create").add(FolderXml.folder(request, (Folder) change.object(), shape));
                        case UPDATE -> changes.child("t:Update").add(FolderXml.folder(request, (Folder) change.object(), shape));
                        default -> changes.child("t:Delete").child("t:FolderId").attr("Id", change.id());
                    }
                }
            }, null));
        }
    }

    @Component
    static final class SyncFolderItems implements EwsOperation {
        @Override
        public String name() {
            return "SyncFolderItems";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn operation = request.operation();
            Shape shape = Shape.parse(operation.require("ItemShape"));
            XmlIn folderId = operation.require("SyncFolderId");
            XmlIn maxElement = operation.require("MaxChangesReturned");
            int max = Xsd.integer(maxElement);
            if (max < 1 || max > MAX_CHANGES) {
                throw SoapFault.schema(maxElement, "The 'MaxChangesReturned' element is invalid - The value '" + max
                        + "' is invalid according to its datatype "
                        + "'http://schemas.microsoft.com/exchange/services/2006/types:MaxSyncChangesReturnedType' - The "
                        + (max < 1 ? "MinInclusive" : "MaxInclusive") + " constraint failed.");
            }
            Xsd.enumAttr(operation, "SyncScope", "SyncFolderItemsScopeType", Set.of("NormalItems", "NormalAndAssociatedItems"),
                    null);
            Set<String> ignored = new HashSet<>();
            XmlIn ignore = operation.child("Ignore");
            if (ignore != null) {
                ignore.children("ItemId").forEach(id -> ignored.add(id.attr("Id")));
            }
            String state = state(operation);
            ItemXml.Context context = new ItemXml.Context(request, shape, true);
            return request.store().read(() -> Responses.single(name(), message -> {
                Folder folder = Ids.folderIn(request, folderId);
                // ignored items do not count against MaxChangesReturned: read on until the page is full
                List<SyncChange> reported = new ArrayList<>();
                SyncResult result;
                String current = state;
                do {
                    result = request.store().syncItems(folder, current, max - reported.size());
                    result.changes().stream().filter(c -> !ignored.contains(c.id())).forEach(reported::add);
                    current = result.state();
                } while (!result.lastInRange() && reported.size() < max);
                message.el("m:SyncState", result.state());
                message.el("m:IncludesLastItemInRange", Xsd.bool(result.lastInRange()));
                XmlOut changes = message.child("m:Changes");
                for (SyncChange change : reported) {
                    switch (change.type()) {
                        case CREATE -> changes.child("t:Create").add(ItemXml.render(context,
                                new ItemXml.View((Item) change.object(), null)));
                        case UPDATE -> changes.child("t:Update").add(ItemXml.render(context,
                                new ItemXml.View((Item) change.object(), null)));
                        case DELETE -> changes.child("t:Delete").child("t:ItemId").attr("Id", change.id());
                        case READ_FLAG_CHANGE -> changes.child("t:ReadFlagChange")
                                .add(new XmlOut("t:ItemId").attr("Id", change.id()))
                                .el("t:IsRead", Xsd.bool(change.read()));
                    }
                }
            }, null));
        }
    }
}
