package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Graph's error shape, {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}},
 * and how the store's errors map to Graph's codes and statuses.
 */
final class GraphErrors {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphErrors() {}

    /** The Graph answer to a store error. */
    static GraphException of(StoreException e) {
        return switch (e.error()) {
            case MALFORMED_ID -> new GraphException(400, "ErrorInvalidIdMalformed", "Id is malformed.");
            case ITEM_NOT_FOUND, FOLDER_NOT_FOUND, PARENT_FOLDER_NOT_FOUND, ATTACHMENT_NOT_FOUND -> GraphException.notFound();
            case MAILBOX_NOT_FOUND -> new GraphException(404, "ErrorInvalidUser", e.getMessage());
            case ACCESS_DENIED -> new GraphException(403, "ErrorAccessDenied", e.getMessage());
            case CONFLICT, INVALID_CHANGE_KEY -> new GraphException(412, "ErrorIrresolvableConflict",
                    "The send or update operation could not be performed because the change key passed in the request "
                            + "does not match the current change key for the item.");
            case FOLDER_EXISTS -> new GraphException(409, "ErrorFolderExists", e.getMessage());
            case CANNOT_DELETE_DISTINGUISHED_FOLDER -> GraphException.badRequest("ErrorDeleteDistinguishedFolder", e.getMessage());
            case MOVE_COPY_FAILED -> GraphException.badRequest("ErrorMoveCopyFailed", e.getMessage());
            case INVALID_RECIPIENTS -> GraphException.badRequest("ErrorInvalidRecipients", e.getMessage());
            case INVALID_SYNC_STATE, INVALID_WATERMARK -> syncStateNotFound();
            case ITEM_NOT_A_DRAFT -> GraphException.badRequest("ErrorInvalidOperation", "Only draft messages can be sent.");
            case ATTACHMENT_TOO_LARGE -> new GraphException(413, "RequestEntityTooLarge", e.getMessage());
            case INVALID_REQUEST, INVALID_MEETING_RESPONSE -> GraphException.badRequest("ErrorInvalidRequest", e.getMessage());
        };
    }

    /** What Graph answers to a delta token it no longer (or never) knew: restart the sync. */
    static GraphException syncStateNotFound() {
        return new GraphException(410, "SyncStateNotFound",
                "The sync state generation is not found or has expired. Please restart the sync without a token.");
    }

    static ObjectNode body(String code, String message, String requestId, String clientRequestId) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(DATE));
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId);
        return root;
    }

    /** Writes an error as the whole response (for answers given before or instead of a handler). */
    static void write(HttpServletRequest request, HttpServletResponse response, GraphException e) throws IOException {
        GraphContext context = GraphContext.of(request);
        String requestId = context == null ? "" : context.requestId();
        String clientRequestId = context == null ? requestId : context.clientRequestId();
        ObjectNode body = body(e.code(), e.getMessage(), requestId, clientRequestId);
        if (e.status() == 429) {
            ObjectNode inner = (ObjectNode) body.path("error").path("innerError");
            inner.put("code", "429");
            inner.put("message", "Please retry after");
            inner.put("status", "429");
        }
        response.setStatus(e.status());
        e.headers().forEach(response::setHeader);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = JSON.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
