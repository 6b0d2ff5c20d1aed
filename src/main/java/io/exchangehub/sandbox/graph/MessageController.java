package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.exchangehub.sandbox.graph.GraphOperation.Permission;
import io.exchangehub.sandbox.mime.MimeRenderer;
import io.exchangehub.sandbox.store.ChangeKeys;
import io.exchangehub.sandbox.store.DeleteMode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.ItemOrder;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Page;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.WellKnownFolder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * {@code /messages} (the whole mailbox) and {@code /mailFolders/{id}/messages}: list with the
 * OData query options, get, create drafts, update (with {@code If-Match}), delete, and the
 * MIME content ({@code $value}).
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class MessageController {

    static final String ME = "/me/messages";
    static final String USER = "/users/{user}/messages";
    static final String ME_IN_FOLDER = "/me/mailFolders/{folderId}/messages";
    static final String USER_IN_FOLDER = "/users/{user}/mailFolders/{folderId}/messages";
    private static final int DEFAULT_PAGE = 10;
    /** Graph's {@code $search} on messages "returns up to 1,000 results" (search-query-parameter.md): no page goes past them. */
    static final int MAX_SEARCH_RESULTS = 1000;
    /** Graph sorts {@code $search} results "by the date and time that the message was sent", newest first. */
    private static final Comparator<Item> SEARCH_ORDER = ItemOrder.of(ItemOrder.Property.SENT, true);

    private final SandboxStore store;

    MessageController(SandboxStore store) {
        this.store = store;
    }

    @GetMapping({ME, USER, ME_IN_FOLDER, USER_IN_FOLDER})
    @GraphOperation(value = "listMessages", permission = Permission.MAIL)
    ResponseEntity<JsonNode> list(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String folderId) {
        ODataQuery<Message> query = ODataQuery.parse(request, Models.MESSAGE);
        Projection projection = query.projection(context);
        int offset = query.search != null ? SkipTokens.offset(query.skipToken) : query.skip;
        int size = query.pageSize(context, DEFAULT_PAGE);
        int limit = query.search != null ? MAX_SEARCH_RESULTS : Integer.MAX_VALUE;
        int pageSize = Math.max(0, Math.min(size, limit - offset));
        Predicate<Item> filter = filter(query);
        Comparator<Item> order = query.search != null ? SEARCH_ORDER
                : query.orderBy == null ? ItemOrder.NEWEST_FIRST : ItemOrder.of(query.orderBy.keys());
        JsonNode body = store.read(() -> {
            Mailbox mailbox = context.mailbox();
            List<Folder> folders = folderId == null ? Lookup.mailFolders(mailbox)
                    : List.of(Lookup.mailFolder(store, mailbox, folderId));
            Page<Item> page = ItemQuery.page(store, folders, filter, order, offset, pageSize, query.count);
            ArrayNode values = GraphJson.NODES.arrayNode();
            page.items().forEach(item -> values.add(MessageJson.write((Message) item, projection)));
            String next = null;
            int nextOffset = page.offset() + page.items().size();
            if (!page.last() && nextOffset < limit) {
                next = query.search != null
                        ? Links.self(request, Map.of("$skiptoken", SkipTokens.of(nextOffset)))
                        : Links.self(request, Map.of("$skip", Integer.toString(nextOffset)), "$skiptoken");
            }
            String fragment = context.contextUser() + (folderId == null ? "/messages" : "/mailFolders('" + folderId + "')/messages");
            return GraphResponses.collection(context, fragment, values, next, query.count ? (long) page.total() : null);
        });
        return GraphResponses.ok(context, body);
    }

    private static Predicate<Item> filter(ODataQuery<Message> query) {
        Predicate<Message> test = query.filter != null ? query.filter.predicate()
                : query.search != null ? query.search.matcher(Models.MESSAGE.search(), Models.MESSAGE.freeText()) : null;
        if (test == null) {
            return item -> item instanceof Message;
        }
        return item -> item instanceof Message message && test.test(message);
    }

    @GetMapping({ME + "/{id}", USER + "/{id}", ME_IN_FOLDER + "/{id}", USER_IN_FOLDER + "/{id}"})
    @GraphOperation(value = "getMessage", permission = Permission.MAIL)
    ResponseEntity<JsonNode> get(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        ODataQuery<Message> query = ODataQuery.parse(request, Models.MESSAGE);
        Projection projection = query.projection(context);
        JsonNode body = store.read(() -> GraphResponses.entity(context, context.contextUser() + "/messages/$entity",
                MessageJson.write(Lookup.item(store, context.mailbox(), id, Message.class), projection)));
        return GraphResponses.ok(context, body);
    }

    @PostMapping({ME, USER, ME_IN_FOLDER, USER_IN_FOLDER})
    @GraphOperation(value = "createMessage", permission = Permission.MAIL)
    ResponseEntity<JsonNode> create(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String folderId) {
        MessageInput input = MessageInput.parse(JsonIn.object(request), true);
        Projection projection = new Projection(null, context.preferences().bodyType(), context.preferences().zone(), false,
                false, false);
        JsonNode body = store.write(() -> {
            Mailbox mailbox = context.mailbox();
            Folder folder = folderId == null ? store.wellKnown(mailbox, WellKnownFolder.DRAFTS)
                    : Lookup.mailFolder(store, mailbox, folderId);
            Message message = store.createMessage(folder, m -> {
                input.apply(m);
                if (input.read() != null) {
                    m.read = input.read();
                }
            });
            input.attachments().forEach(attachment -> attachment.addTo(store, message));
            return GraphResponses.entity(context, context.contextUser() + "/messages/$entity", MessageJson.write(message, projection));
        });
        return GraphResponses.created(context, body);
    }

    @PatchMapping({ME + "/{id}", USER + "/{id}", ME_IN_FOLDER + "/{id}", USER_IN_FOLDER + "/{id}"})
    @GraphOperation(value = "updateMessage", permission = Permission.MAIL)
    ResponseEntity<JsonNode> update(GraphContext context, HttpServletRequest request, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        MessageInput input = MessageInput.parse(JsonIn.object(request), false);
        String changeKey = GraphJson.changeKeyOf(ifMatch);
        Projection projection = new Projection(null, context.preferences().bodyType(), context.preferences().zone(), false,
                false, false);
        JsonNode body = store.write(() -> {
            Message message = Lookup.item(store, context.mailbox(), id, Message.class);
            if (!message.draft && input.draftOnly() != null) {
                throw GraphException.badRequest("ErrorInvalidPropertyUpdateSentMessage", "Update operation is not allowed on the "
                        + "property '" + input.draftOnly() + "' of a message that is not a draft.");
            }
            String expected = changeKey;
            if (!input.changes().isEmpty()) {
                store.update(message, expected, input::apply);
                expected = null;
            }
            if (input.read() != null) {
                store.setRead(message, input.read(), expected);
            } else if (input.changes().isEmpty()) {
                ChangeKeys.check(expected, message.changeKey());
            }
            return GraphResponses.entity(context, context.contextUser() + "/messages/$entity", MessageJson.write(message, projection));
        });
        return GraphResponses.ok(context, body);
    }

    @DeleteMapping({ME + "/{id}", USER + "/{id}", ME_IN_FOLDER + "/{id}", USER_IN_FOLDER + "/{id}"})
    @GraphOperation(value = "deleteMessage", permission = Permission.MAIL)
    ResponseEntity<JsonNode> delete(GraphContext context, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String changeKey = GraphJson.changeKeyOf(ifMatch);
        store.write(() -> {
            Message message = Lookup.item(store, context.mailbox(), id, Message.class);
            ChangeKeys.check(changeKey, message.changeKey());
            store.delete(message, DeleteMode.MOVE_TO_DELETED_ITEMS);
        });
        return GraphResponses.noContent();
    }

    /** The message as RFC 822 MIME, attachments streamed from their content. */
    @GetMapping({ME + "/{id}/$value", USER + "/{id}/$value", ME_IN_FOLDER + "/{id}/$value", USER_IN_FOLDER + "/{id}/$value"})
    @GraphOperation(value = "getMessageContent", permission = Permission.MAIL)
    void content(GraphContext context, @PathVariable String id, HttpServletResponse response) throws IOException {
        MimeRenderer.Rendered mime = store.read(() -> MimeRenderer.render(Lookup.item(store, context.mailbox(), id, Message.class)));
        response.setStatus(200);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (OutputStream out = response.getOutputStream()) {
            mime.writeTo(out);
        }
    }
}
