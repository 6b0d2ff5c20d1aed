package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.graph.GraphOperation.Permission;
import io.exchangehub.sandbox.store.ChangeKeys;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.DeleteMode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.ItemOrder;
import io.exchangehub.sandbox.store.Page;
import io.exchangehub.sandbox.store.SandboxStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /contacts} (the default contacts folder) and {@code /contactFolders}: list with the
 * OData query options, get, create, update and delete contacts; list, get and create folders.
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class ContactController {

    private static final String ME = "/me/contacts";
    private static final String USER = "/users/{user}/contacts";
    private static final String ME_FOLDERS = "/me/contactFolders";
    private static final String USER_FOLDERS = "/users/{user}/contactFolders";
    private static final int DEFAULT_PAGE = 10;

    private final SandboxStore store;

    ContactController(SandboxStore store) {
        this.store = store;
    }

    @GetMapping({ME, USER, ME_FOLDERS + "/{folderId}/contacts", USER_FOLDERS + "/{folderId}/contacts"})
    @GraphOperation(value = "listContacts", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> list(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String folderId) {
        ODataQuery<Contact> query = ODataQuery.parse(request, Models.CONTACT);
        Projection projection = query.projection(context);
        int size = query.pageSize(context, DEFAULT_PAGE);
        int offset = query.search != null ? SkipTokens.offset(query.skipToken) : query.skip;
        Predicate<Contact> test = query.filter != null ? query.filter.predicate()
                : query.search != null ? query.search.matcher(Models.CONTACT.search(), Models.CONTACT.freeText()) : null;
        Predicate<Item> filter = item -> item instanceof Contact contact && (test == null || test.test(contact));
        Comparator<Item> order = query.orderBy == null ? ItemOrder.of(ItemOrder.Property.DISPLAY_NAME, false)
                : ItemOrder.of(query.orderBy.keys());
        JsonNode body = store.read(() -> {
            Folder folder = Lookup.contactFolder(store, context.mailbox(), folderId);
            Page<Item> page = store.find(folder, filter, order, offset, size);
            ArrayNode values = GraphJson.NODES.arrayNode();
            page.items().forEach(item -> values.add(ContactJson.write((Contact) item, projection)));
            String next = null;
            if (!page.last()) {
                int nextOffset = page.offset() + page.items().size();
                next = query.search != null
                        ? Links.self(request, Map.of("$skiptoken", SkipTokens.of(nextOffset)))
                        : Links.self(request, Map.of("$skip", Integer.toString(nextOffset)), "$skiptoken");
            }
            return GraphResponses.collection(context, context.contextUser() + "/contacts", values, next,
                    query.count ? (long) page.total() : null);
        });
        return GraphResponses.ok(context, body);
    }

    @GetMapping({ME + "/{id}", USER + "/{id}", ME_FOLDERS + "/{folderId}/contacts/{id}", USER_FOLDERS + "/{folderId}/contacts/{id}"})
    @GraphOperation(value = "getContact", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> get(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        Projection projection = ODataQuery.parse(request, Models.CONTACT).projection(context);
        JsonNode body = store.read(() -> GraphResponses.entity(context, context.contextUser() + "/contacts/$entity",
                ContactJson.write(Lookup.item(store, context.mailbox(), id, Contact.class), projection)));
        return GraphResponses.ok(context, body);
    }

    @PostMapping({ME, USER, ME_FOLDERS + "/{folderId}/contacts", USER_FOLDERS + "/{folderId}/contacts"})
    @GraphOperation(value = "createContact", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> create(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String folderId) {
        ContactInput input = ContactInput.parse(JsonIn.object(request));
        JsonNode body = store.write(() -> {
            Contact contact = store.createContact(Lookup.contactFolder(store, context.mailbox(), folderId), input::apply);
            return GraphResponses.entity(context, context.contextUser() + "/contacts/$entity",
                    ContactJson.write(contact, Projection.DEFAULT));
        });
        return GraphResponses.created(context, body);
    }

    @PatchMapping({ME + "/{id}", USER + "/{id}"})
    @GraphOperation(value = "updateContact", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> update(GraphContext context, HttpServletRequest request, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ContactInput input = ContactInput.parse(JsonIn.object(request));
        String changeKey = GraphJson.changeKeyOf(ifMatch);
        JsonNode body = store.write(() -> {
            Contact contact = Lookup.item(store, context.mailbox(), id, Contact.class);
            store.update(contact, changeKey, input::apply);
            return GraphResponses.entity(context, context.contextUser() + "/contacts/$entity",
                    ContactJson.write(contact, Projection.DEFAULT));
        });
        return GraphResponses.ok(context, body);
    }

    @DeleteMapping({ME + "/{id}", USER + "/{id}"})
    @GraphOperation(value = "deleteContact", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> delete(GraphContext context, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String changeKey = GraphJson.changeKeyOf(ifMatch);
        store.write(() -> {
            Contact contact = Lookup.item(store, context.mailbox(), id, Contact.class);
            ChangeKeys.check(changeKey, contact.changeKey());
            store.delete(contact, DeleteMode.MOVE_TO_DELETED_ITEMS);
        });
        return GraphResponses.noContent();
    }

    /** Into the recoverable items (the store's hard delete), as Graph's {@code permanentDelete} of a contact. */
    @PostMapping({ME + "/{id}/permanentDelete", USER + "/{id}/permanentDelete"})
    @GraphOperation(value = "permanentDeleteContact", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> permanentDelete(GraphContext context, @PathVariable String id) {
        store.write(() -> store.delete(Lookup.item(store, context.mailbox(), id, Contact.class), DeleteMode.HARD));
        return GraphResponses.noContent();
    }

    // ------------------------------------------------------------------ folders

    @GetMapping({ME_FOLDERS, USER_FOLDERS, ME_FOLDERS + "/{folderId}/childFolders", USER_FOLDERS + "/{folderId}/childFolders"})
    @GraphOperation(value = "listContactFolders", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> folders(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String folderId) {
        ODataQuery<Folder> query = ODataQuery.parse(request, Models.CONTACT_FOLDER);
        Projection projection = query.projection(context);
        JsonNode body = store.read(() -> {
            List<Folder> folders = Lookup.children(Lookup.contactFolder(store, context.mailbox(), folderId), FolderKind.CONTACTS,
                    true);
            ArrayNode values = GraphJson.NODES.arrayNode();
            for (Folder folder : folders) {
                if (query.filter == null || query.filter.predicate().test(folder)) {
                    values.add(FolderJson.contactFolder(folder, projection));
                }
            }
            return GraphResponses.collection(context, context.contextUser() + "/contactFolders", values, null, null);
        });
        return GraphResponses.ok(context, body);
    }

    @GetMapping({ME_FOLDERS + "/{folderId}", USER_FOLDERS + "/{folderId}"})
    @GraphOperation(value = "getContactFolder", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> folder(GraphContext context, HttpServletRequest request, @PathVariable String folderId) {
        Projection projection = ODataQuery.parse(request, Models.CONTACT_FOLDER).projection(context);
        JsonNode body = store.read(() -> GraphResponses.entity(context, context.contextUser() + "/contactFolders/$entity",
                FolderJson.contactFolder(Lookup.contactFolder(store, context.mailbox(), folderId), projection)));
        return GraphResponses.ok(context, body);
    }

    @PostMapping({ME_FOLDERS, USER_FOLDERS, ME_FOLDERS + "/{folderId}/childFolders", USER_FOLDERS + "/{folderId}/childFolders"})
    @GraphOperation(value = "createContactFolder", permission = Permission.CONTACTS)
    ResponseEntity<JsonNode> createFolder(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String folderId) {
        ObjectNode input = JsonIn.object(request);
        JsonIn.checkProperties(input, FolderJson.CONTACT_PROPERTIES, FolderJson.CONTACT_TYPE);
        String displayName = JsonIn.requiredString(input.get("displayName"), "displayName");
        JsonNode body = store.write(() -> {
            Folder created = store.createFolder(Lookup.contactFolder(store, context.mailbox(), folderId), displayName,
                    FolderKind.CONTACTS, null);
            return GraphResponses.entity(context, context.contextUser() + "/contactFolders/$entity",
                    FolderJson.contactFolder(created, Projection.DEFAULT));
        });
        return GraphResponses.created(context, body);
    }
}
