package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.graph.GraphOperation.Permission;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.StoreException;
import io.exchangehub.sandbox.store.SyncChange;
import io.exchangehub.sandbox.store.SyncResult;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delta queries (the SDK calls them as functions, {@code delta()}): {@code /mailFolders/{id}/messages/delta} on the store's ICS sync (the token
 * is self-contained) and {@code /calendarView/delta} on {@link CalendarDeltas}. Pages end with
 * {@code @odata.nextLink} ({@code $skiptoken}) until the last, which carries
 * {@code @odata.deltaLink} ({@code $deltatoken}); removed objects come as {@code @removed}.
 * A token that is unknown, corrupt or of another folder is 410 {@code SyncStateNotFound}:
 * the client starts over, as with Graph.
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class DeltaController {

    private static final int DEFAULT_PAGE = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxStore store;
    private final CalendarDeltas calendarDeltas;

    DeltaController(SandboxStore store, CalendarDeltas calendarDeltas) {
        this.store = store;
        this.calendarDeltas = calendarDeltas;
    }

    /**
     * What a message delta token carries besides the store's sync state: the query of the
     * first request, which later pages repeat.
     *
     * @param state      the store's sync state, null at the start
     * @param select     the {@code $select}, or null
     * @param changeType {@code created}, {@code updated} or {@code deleted}, or null for all
     */
    record MessageToken(String state, String select, String changeType) {

        String encode() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("s", state);
            fields.put("q", select);
            fields.put("c", changeType);
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(fields));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static MessageToken decode(String token) {
            try {
                Map<String, String> fields = JSON.readValue(Base64.getUrlDecoder().decode(token), new TypeReference<>() {});
                if (fields.get("s") == null) {
                    throw GraphErrors.syncStateNotFound();
                }
                return new MessageToken(fields.get("s"), fields.get("q"), fields.get("c"));
            } catch (IOException | IllegalArgumentException e) {
                throw GraphErrors.syncStateNotFound();
            }
        }
    }

    @GetMapping({"/me/mailFolders/{folderId}/messages/delta", "/users/{user}/mailFolders/{folderId}/messages/delta",
            "/me/mailFolders/{folderId}/messages/delta()", "/users/{user}/mailFolders/{folderId}/messages/delta()"})
    @GraphOperation(value = "messageDelta", permission = Permission.MAIL)
    ResponseEntity<JsonNode> messages(GraphContext context, HttpServletRequest request, @PathVariable String folderId) {
        String token = token(request);
        MessageToken start;
        if (token == null) {
            String changeType = request.getParameter("changeType");
            if (changeType != null && !Set.of("created", "updated", "deleted").contains(changeType.toLowerCase(Locale.ROOT))) {
                throw GraphException.badRequest("BadRequest", "The changeType '" + changeType
                        + "' is not supported; use created, updated or deleted.");
            }
            Set<String> select = ODataQuery.parse(request, Models.MESSAGE).select;
            start = new MessageToken(null, select == null ? null : String.join(",", select),
                    changeType == null ? null : changeType.toLowerCase(Locale.ROOT));
        } else {
            start = MessageToken.decode(token);
        }
        Projection projection = new Projection(selectOf(start.select()), context.preferences().bodyType(),
                context.preferences().zone(), false, false, true);
        int size = pageSize(context);
        JsonNode body = store.read(() -> {
            Folder folder = Lookup.mailFolder(store, context.mailbox(), folderId);
            SyncResult result;
            try {
                result = store.syncItems(folder, start.state(), size);
            } catch (StoreException e) {
                throw GraphErrors.syncStateNotFound();
            }
            ArrayNode values = GraphJson.NODES.arrayNode();
            for (SyncChange change : result.changes()) {
                if (!wanted(change.type(), start.changeType())) {
                    continue;
                }
                if (change.type() == SyncChange.Type.DELETE) {
                    values.add(removed(MessageJson.TYPE, change.id()));
                } else if (change.object() instanceof Message message) {
                    values.add(MessageJson.write(message, projection));
                }
            }
            String next = new MessageToken(result.state(), start.select(), start.changeType()).encode();
            return page(context, request, context.contextUser() + "/mailFolders('" + folderId + "')/messages/delta", values,
                    result.lastInRange(), next);
        });
        return GraphResponses.ok(context, body);
    }

    /** The {@code $select} a token carries, in canonical names (the first request checked them). */
    private static Set<String> selectOf(String select) {
        return select == null || select.isBlank() ? null : Set.of(select.split(","));
    }

    private static boolean wanted(SyncChange.Type type, String changeType) {
        if (changeType == null) {
            return true;
        }
        return switch (type) {
            case CREATE -> changeType.equals("created");
            case DELETE -> changeType.equals("deleted");
            default -> changeType.equals("updated");
        };
    }

    @GetMapping({"/me/calendarView/delta", "/users/{user}/calendarView/delta", "/me/calendarView/delta()",
            "/users/{user}/calendarView/delta()"})
    @GraphOperation(value = "eventDelta", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> calendarView(GraphContext context, HttpServletRequest request) {
        String deltaToken = request.getParameter("$deltatoken");
        String skipToken = request.getParameter("$skiptoken");
        Projection projection = new Projection(null, context.preferences().bodyType(), context.preferences().zone(), false, false,
                true);
        int size = pageSize(context);
        JsonNode body = store.read(() -> {
            CalendarDeltas.Page page;
            if (skipToken != null) {
                page = calendarDeltas.next(skipToken, context.mailbox(), size);
            } else {
                Folder calendar = Lookup.calendar(store, context.mailbox(), null);
                if (deltaToken != null) {
                    page = calendarDeltas.since(deltaToken, calendar, size);
                } else {
                    EventController.Window window = EventController.Window.of(request);
                    page = calendarDeltas.start(calendar, window.from(), window.to(), size);
                }
            }
            ArrayNode values = GraphJson.NODES.arrayNode();
            for (String id : page.ids()) {
                Occurrence occurrence = calendarDeltas.current(id, context.mailbox());
                values.add(occurrence == null ? removed(EventJson.TYPE, id) : EventJson.write(occurrence, false, projection));
            }
            return page(context, request, context.contextUser() + "/calendarView/delta", values, page.last(), page.token());
        });
        return GraphResponses.ok(context, body);
    }

    private static ObjectNode removed(String type, String id) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("@odata.type", "#" + type);
        node.put("id", id);
        node.putObject("@removed").put("reason", "deleted");
        return node;
    }

    private static ObjectNode page(GraphContext context, HttpServletRequest request, String fragment, ArrayNode values,
            boolean last, String token) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("@odata.context", context.metadata(fragment));
        if (last) {
            node.put("@odata.deltaLink", Links.withOnly(request, "$deltatoken", token));
        } else {
            node.put("@odata.nextLink", Links.withOnly(request, "$skiptoken", token));
        }
        node.set("value", values);
        return node;
    }

    private static String token(HttpServletRequest request) {
        String delta = request.getParameter("$deltatoken");
        return delta != null ? delta : request.getParameter("$skiptoken");
    }

    private static int pageSize(GraphContext context) {
        int preferred = context.preferences().maxPageSize();
        return preferred > 0 ? Math.min(preferred, ODataQuery.MAX_TOP) : DEFAULT_PAGE;
    }
}
