package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.graph.GraphOperation.Permission;
import io.exchangehub.sandbox.mime.MimeRenderer;
import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileAttachment;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.ItemAttachment;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.SandboxStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpRange;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Attachments of messages and events: list, get ({@code contentBytes} streamed as base64; an
 * item attachment's item with {@code $expand}), the raw bytes ({@code $value}, with ranges),
 * add (up to 3 MB in one request), delete, and {@code createUploadSession} for larger files.
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class AttachmentController {

    private static final String M1 = MessageController.ME + "/{id}/attachments";
    private static final String M2 = MessageController.USER + "/{id}/attachments";
    private static final String M3 = MessageController.ME_IN_FOLDER + "/{id}/attachments";
    private static final String M4 = MessageController.USER_IN_FOLDER + "/{id}/attachments";
    private static final String E1 = "/me/events/{id}/attachments";
    private static final String E2 = "/users/{user}/events/{id}/attachments";
    /** Graph's limits for upload sessions of Outlook attachments. */
    static final long MIN_UPLOAD = 3L * 1024 * 1024;
    static final long MAX_UPLOAD = 150L * 1024 * 1024;

    private final SandboxStore store;
    private final UploadSessions uploads;

    AttachmentController(SandboxStore store, UploadSessions uploads) {
        this.store = store;
        this.uploads = uploads;
    }

    /** The message or event the URL names (an event occurrence's attachments are its series'). */
    private Item owner(GraphContext context, HttpServletRequest request, String id) {
        if (isEvent(request)) {
            return Lookup.event(store, context.mailbox(), id).master();
        }
        return Lookup.item(store, context.mailbox(), id, Message.class);
    }

    private static boolean isEvent(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).contains("/events/");
    }

    private static String collection(HttpServletRequest request) {
        return isEvent(request) ? "events" : "messages";
    }

    @GetMapping({M1, M2, M3, M4, E1, E2})
    @GraphOperation(value = "listAttachments", permission = Permission.MAIL)
    ResponseEntity<JsonNode> list(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        ODataQuery<Attachment> query = ODataQuery.parse(request, Models.ATTACHMENT);
        Projection projection = query.projection(context);
        JsonNode body = store.read(() -> {
            ArrayNode values = GraphJson.NODES.arrayNode();
            for (Attachment attachment : owner(context, request, id).attachments) {
                values.add(AttachmentJson.write(attachment, projection));
            }
            return GraphResponses.collection(context, context.contextUser() + "/" + collection(request) + "('" + id + "')/attachments",
                    values, null, null);
        });
        return GraphResponses.ok(context, body);
    }

    @GetMapping({M1 + "/{attachmentId}", M2 + "/{attachmentId}", M3 + "/{attachmentId}", M4 + "/{attachmentId}",
            E1 + "/{attachmentId}", E2 + "/{attachmentId}"})
    @GraphOperation(value = "getAttachment", permission = Permission.MAIL)
    ResponseEntity<JsonNode> get(GraphContext context, HttpServletRequest request, @PathVariable String id,
            @PathVariable String attachmentId) {
        ODataQuery<Attachment> query = ODataQuery.parse(request, Models.ATTACHMENT);
        Projection projection = query.projection(context);
        JsonNode body = store.read(() -> GraphResponses.entity(context,
                context.contextUser() + "/" + collection(request) + "('" + id + "')/attachments/$entity",
                AttachmentJson.write(Lookup.attachment(store, owner(context, request, id), attachmentId), projection)));
        return GraphResponses.ok(context, body);
    }

    /** The raw bytes of a file attachment (a single byte range if asked), or an item attachment as MIME. */
    @GetMapping({M1 + "/{attachmentId}/$value", M2 + "/{attachmentId}/$value", M3 + "/{attachmentId}/$value",
            M4 + "/{attachmentId}/$value", E1 + "/{attachmentId}/$value", E2 + "/{attachmentId}/$value"})
    @GraphOperation(value = "getAttachmentContent", permission = Permission.MAIL)
    void content(GraphContext context, HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
            @PathVariable String attachmentId) throws IOException {
        record Found(Content content, String contentType, MimeRenderer.Rendered mime) {}
        Found found = store.read(() -> {
            Attachment attachment = Lookup.attachment(store, owner(context, request, id), attachmentId);
            if (attachment instanceof FileAttachment file) {
                return new Found(file.content, file.contentType, null);
            }
            return new Found(null, "message/rfc822", MimeRenderer.render(((ItemAttachment) attachment).item));
        });
        if (found.mime() != null) {
            response.setContentType(found.contentType());
            try (OutputStream out = response.getOutputStream()) {
                found.mime().writeTo(out);
            }
            return;
        }
        stream(request, response, found.content(), found.contentType());
    }

    private static void stream(HttpServletRequest request, HttpServletResponse response, Content content, String contentType)
            throws IOException {
        long size = content.size();
        long start = 0;
        long length = size;
        String range = request.getHeader("Range");
        response.setHeader("Accept-Ranges", "bytes");
        if (range != null) {
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(range);
            } catch (IllegalArgumentException e) {
                ranges = List.of();
            }
            if (ranges.size() != 1 || size == 0 || !satisfiable(ranges.get(0), size)) {
                response.setHeader("Content-Range", "bytes */" + size);
                throw new GraphException(416, "RequestedRangeNotSatisfiable", "The requested range cannot be satisfied.");
            }
            start = ranges.get(0).getRangeStart(size);
            long end = ranges.get(0).getRangeEnd(size);
            length = end - start + 1;
            response.setStatus(206);
            response.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
        } else {
            response.setStatus(200);
        }
        response.setContentType(contentType == null ? "application/octet-stream" : contentType);
        response.setContentLengthLong(length);
        try (InputStream in = content.open(start, length); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static boolean satisfiable(HttpRange range, long size) {
        try {
            long start = range.getRangeStart(size);
            return start >= 0 && start < size && range.getRangeEnd(size) >= start;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @PostMapping({M1, M2, M3, M4, E1, E2})
    @GraphOperation(value = "addAttachment", permission = Permission.MAIL)
    ResponseEntity<JsonNode> add(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        AttachmentInput input = AttachmentInput.parse(JsonIn.object(request));
        JsonNode body = store.write(() -> {
            Attachment attachment = input.addTo(store, owner(context, request, id));
            return GraphResponses.entity(context, context.contextUser() + "/" + collection(request) + "('" + id
                    + "')/attachments/$entity", AttachmentJson.write(attachment, Projection.DEFAULT));
        });
        return GraphResponses.created(context, body);
    }

    @DeleteMapping({M1 + "/{attachmentId}", M2 + "/{attachmentId}", M3 + "/{attachmentId}", M4 + "/{attachmentId}",
            E1 + "/{attachmentId}", E2 + "/{attachmentId}"})
    @GraphOperation(value = "deleteAttachment", permission = Permission.MAIL)
    ResponseEntity<JsonNode> delete(GraphContext context, HttpServletRequest request, @PathVariable String id,
            @PathVariable String attachmentId) {
        store.write(() -> store.removeAttachment(Lookup.attachment(store, owner(context, request, id), attachmentId)));
        return GraphResponses.noContent();
    }

    /**
     * An upload session for an attachment of 3 to 150 MB: the client PUTs the bytes in chunks to
     * the returned {@code uploadUrl}, without a bearer token; the last chunk makes the attachment.
     */
    @PostMapping({M1 + "/createUploadSession", M2 + "/createUploadSession", M3 + "/createUploadSession",
            M4 + "/createUploadSession", E1 + "/createUploadSession", E2 + "/createUploadSession"})
    @GraphOperation(value = "createUploadSession", permission = Permission.MAIL)
    ResponseEntity<JsonNode> createUploadSession(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        Map<String, JsonNode> parameters = JsonIn.parameters(JsonIn.object(request), "createUploadSession", "AttachmentItem");
        JsonNode item = parameters.get("AttachmentItem");
        if (item == null || !item.isObject()) {
            throw GraphException.badRequest("ErrorInvalidRequest", "The parameter 'AttachmentItem' is required.");
        }
        JsonIn.checkProperties((ObjectNode) item, Set.of("attachmentType", "name", "size", "contentType", "isInline",
                "contentId"), "microsoft.graph.attachmentItem");
        String type = JsonIn.string(item.get("attachmentType"));
        if (type != null && !type.equalsIgnoreCase("file")) {
            throw GraphException.badRequest("ErrorInvalidRequest", "Only file attachments can be uploaded in a session.");
        }
        String name = JsonIn.requiredString(item.get("name"), "name");
        AttachmentInput.requireName(name);
        long size = JsonIn.int64(item.get("size"));
        if (size < MIN_UPLOAD) {
            throw GraphException.badRequest("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
                    "Attachment size must be greater than the minimum size.");
        }
        if (size > MAX_UPLOAD) {
            throw GraphException.badRequest("ErrorAttachmentSizeExceeded", "The attachment exceeds the maximum size of 150 MB.");
        }
        String contentType = JsonIn.string(item.get("contentType"));
        boolean inline = item.has("isInline") && JsonIn.bool(item.get("isInline"));
        String contentId = JsonIn.string(item.get("contentId"));
        boolean event = isEvent(request);
        String ownerId = store.read(() -> owner(context, request, id).id);
        UploadSessions.Session session = uploads.create(context.mailbox().address, ownerId, event, name, size, contentType, inline,
                contentId);
        String uploadUrl = ServletUriComponentsBuilder.fromContextPath(request).path(UploadController.PATH + "/" + session.id())
                .queryParam("authtoken", session.token()).toUriString();
        ObjectNode body = GraphJson.NODES.objectNode();
        body.put("@odata.context", context.metadata("microsoft.graph.uploadSession"));
        body.put("uploadUrl", uploadUrl);
        body.put("expirationDateTime", GraphJson.instant(uploads.progress(session).expires()));
        body.putArray("nextExpectedRanges").add("0-");
        return GraphResponses.created(context, body);
    }
}
