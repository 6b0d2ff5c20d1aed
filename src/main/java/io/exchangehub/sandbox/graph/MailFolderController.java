package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.graph.GraphOperation.Permission;
import io.exchangehub.sandbox.store.DeleteMode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.WellKnownFolder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /mailFolders}: the mail folders below the message root and their child folders, by id
 * or well-known name; create, rename, delete (to Deleted Items, or permanently), move and copy.
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class MailFolderController {

    private static final String ME = "/me/mailFolders";
    private static final String USER = "/users/{user}/mailFolders";
    private static final int DEFAULT_PAGE = 10;

    private final SandboxStore store;

    MailFolderController(SandboxStore store) {
        this.store = store;
    }

    @GetMapping({ME, USER})
    @GraphOperation(value = "listMailFolders", permission = Permission.MAIL)
    ResponseEntity<JsonNode> list(GraphContext context, HttpServletRequest request,
            @RequestParam(name = "includeHiddenFolders", defaultValue = "false") boolean includeHidden) {
        return children(context, request, WellKnownFolder.MSG_FOLDER_ROOT.graphName(), includeHidden, "mailFolders");
    }

    @GetMapping({ME + "/{folderId}/childFolders", USER + "/{folderId}/childFolders"})
    @GraphOperation(value = "listChildFolders", permission = Permission.MAIL)
    ResponseEntity<JsonNode> listChildren(GraphContext context, HttpServletRequest request, @PathVariable String folderId,
            @RequestParam(name = "includeHiddenFolders", defaultValue = "false") boolean includeHidden) {
        return children(context, request, folderId, includeHidden, "mailFolders('" + folderId + "')/childFolders");
    }

    private ResponseEntity<JsonNode> children(GraphContext context, HttpServletRequest request, String parentId,
            boolean includeHidden, String fragment) {
        ODataQuery<Folder> query = ODataQuery.parse(request, Models.MAIL_FOLDER);
        Projection projection = query.projection(context);
        int size = query.pageSize(context, DEFAULT_PAGE);
        JsonNode body = store.read(() -> {
            Folder parent = Lookup.mailFolder(store, context.mailbox(), parentId);
            List<Folder> folders = new ArrayList<>();
            for (Folder child : Lookup.children(parent, FolderKind.MAIL, includeHidden)) {
                if (query.filter == null || query.filter.predicate().test(child)) {
                    folders.add(child);
                }
            }
            int from = Math.min(query.skip, folders.size());
            int to = Math.min(from + size, folders.size());
            ArrayNode values = GraphJson.NODES.arrayNode();
            folders.subList(from, to).forEach(f -> values.add(FolderJson.mailFolder(f, projection)));
            String next = to < folders.size() ? Links.self(request, Map.of("$skip", Integer.toString(to))) : null;
            return GraphResponses.collection(context, context.contextUser() + "/" + fragment, values, next,
                    query.count ? (long) folders.size() : null);
        });
        return GraphResponses.ok(context, body);
    }

    @GetMapping({ME + "/{folderId}", USER + "/{folderId}"})
    @GraphOperation(value = "getMailFolder", permission = Permission.MAIL)
    ResponseEntity<JsonNode> get(GraphContext context, HttpServletRequest request, @PathVariable String folderId) {
        ODataQuery<Folder> query = ODataQuery.parse(request, Models.MAIL_FOLDER);
        Projection projection = query.projection(context);
        JsonNode body = store.read(() -> GraphResponses.entity(context, context.contextUser() + "/mailFolders/$entity",
                FolderJson.mailFolder(Lookup.mailFolder(store, context.mailbox(), folderId), projection)));
        return GraphResponses.ok(context, body);
    }

    @PostMapping({ME, USER})
    @GraphOperation(value = "createMailFolder", permission = Permission.MAIL)
    ResponseEntity<JsonNode> create(GraphContext context, HttpServletRequest request) {
        return create(context, request, WellKnownFolder.MSG_FOLDER_ROOT.graphName());
    }

    @PostMapping({ME + "/{folderId}/childFolders", USER + "/{folderId}/childFolders"})
    @GraphOperation(value = "createChildFolder", permission = Permission.MAIL)
    ResponseEntity<JsonNode> createChild(GraphContext context, HttpServletRequest request, @PathVariable String folderId) {
        return create(context, request, folderId);
    }

    private ResponseEntity<JsonNode> create(GraphContext context, HttpServletRequest request, String parentId) {
        ObjectNode input = JsonIn.object(request);
        JsonIn.checkProperties(input, FolderJson.MAIL_PROPERTIES, FolderJson.MAIL_TYPE);
        String displayName = JsonIn.requiredString(input.get("displayName"), "displayName");
        boolean hidden = input.has("isHidden") && JsonIn.bool(input.get("isHidden"));
        Mailbox mailbox = context.mailbox();
        JsonNode body = store.write(() -> {
            Folder created = store.createFolder(Lookup.mailFolder(store, mailbox, parentId), displayName, FolderKind.MAIL, null);
            // Graph sets isHidden only when a folder is made; the new folder is not visible to anyone yet
            created.hidden = hidden;
            return GraphResponses.entity(context, context.contextUser() + "/mailFolders/$entity",
                    FolderJson.mailFolder(created, Projection.DEFAULT));
        });
        return GraphResponses.created(context, body);
    }

    @PatchMapping({ME + "/{folderId}", USER + "/{folderId}"})
    @GraphOperation(value = "updateMailFolder", permission = Permission.MAIL)
    ResponseEntity<JsonNode> update(GraphContext context, HttpServletRequest request, @PathVariable String folderId) {
        ObjectNode input = JsonIn.object(request);
        JsonIn.checkProperties(input, FolderJson.MAIL_PROPERTIES, FolderJson.MAIL_TYPE);
        String displayName = input.has("displayName") ? JsonIn.requiredString(input.get("displayName"), "displayName") : null;
        JsonNode body = store.write(() -> {
            Folder folder = Lookup.mailFolder(store, context.mailbox(), folderId);
            if (displayName != null && !displayName.equals(folder.displayName)) {
                store.renameFolder(folder, displayName);
            }
            return GraphResponses.entity(context, context.contextUser() + "/mailFolders/$entity",
                    FolderJson.mailFolder(folder, Projection.DEFAULT));
        });
        return GraphResponses.ok(context, body);
    }

    @DeleteMapping({ME + "/{folderId}", USER + "/{folderId}"})
    @GraphOperation(value = "deleteMailFolder", permission = Permission.MAIL)
    ResponseEntity<JsonNode> delete(GraphContext context, @PathVariable String folderId) {
        store.write(() -> store.deleteFolder(Lookup.mailFolder(store, context.mailbox(), folderId), DeleteMode.MOVE_TO_DELETED_ITEMS));
        return GraphResponses.noContent();
    }

    @PostMapping({ME + "/{folderId}/permanentDelete", USER + "/{folderId}/permanentDelete"})
    @GraphOperation(value = "permanentDeleteMailFolder", permission = Permission.MAIL)
    ResponseEntity<JsonNode> permanentDelete(GraphContext context, @PathVariable String folderId) {
        store.write(() -> store.deleteFolder(Lookup.mailFolder(store, context.mailbox(), folderId), DeleteMode.HARD));
        return GraphResponses.noContent();
    }

    @PostMapping({ME + "/{folderId}/move", USER + "/{folderId}/move"})
    @GraphOperation(value = "moveMailFolder", permission = Permission.MAIL)
    ResponseEntity<JsonNode> move(GraphContext context, HttpServletRequest request, @PathVariable String folderId) {
        String destinationId = destination(request, "move");
        JsonNode body = store.write(() -> {
            Folder folder = Lookup.mailFolder(store, context.mailbox(), folderId);
            store.moveFolder(folder, Lookup.mailFolder(store, context.mailbox(), destinationId));
            return GraphResponses.entity(context, context.contextUser() + "/mailFolders/$entity",
                    FolderJson.mailFolder(folder, Projection.DEFAULT));
        });
        return GraphResponses.ok(context, body);
    }

    /** A copy of the folder, its items and its subfolders below the destination. */
    @PostMapping({ME + "/{folderId}/copy", USER + "/{folderId}/copy"})
    @GraphOperation(value = "copyMailFolder", permission = Permission.MAIL)
    ResponseEntity<JsonNode> copy(GraphContext context, HttpServletRequest request, @PathVariable String folderId) {
        String destinationId = destination(request, "copy");
        JsonNode body = store.write(() -> {
            Folder folder = Lookup.mailFolder(store, context.mailbox(), folderId);
            Folder destination = Lookup.mailFolder(store, context.mailbox(), destinationId);
            if (folder.wellKnown != null || folder.isSelfOrAncestorOf(destination)) {
                throw GraphException.badRequest("ErrorMoveCopyFailed", "The folder cannot be copied there.");
            }
            Folder copy = copyTree(folder, destination);
            return GraphResponses.entity(context, context.contextUser() + "/mailFolders/$entity",
                    FolderJson.mailFolder(copy, Projection.DEFAULT));
        });
        return GraphResponses.ok(context, body);
    }

    private Folder copyTree(Folder folder, Folder destination) {
        Folder copy = store.createFolder(destination, folder.displayName, folder.kind, folder.folderClass);
        for (Item item : List.copyOf(folder.items())) {
            store.copy(item, copy);
        }
        for (Folder child : List.copyOf(folder.children())) {
            copyTree(child, copy);
        }
        return copy;
    }

    private static String destination(HttpServletRequest request, String action) {
        Map<String, JsonNode> parameters = JsonIn.parameters(JsonIn.object(request), action, "DestinationId");
        return JsonIn.requiredString(parameters.get("DestinationId"), "DestinationId");
    }
}
