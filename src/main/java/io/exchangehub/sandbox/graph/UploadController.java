package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.FileContent;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The upload URL of an attachment upload session, which like Outlook's carries its own
 * authority (no bearer token): {@code PUT} a chunk with {@code Content-Range}, {@code GET} the
 * session's state, {@code DELETE} to cancel. Chunks come in order; the last one makes the
 * attachment (201 with its URL in {@code Location}). Fault switches apply under the operation
 * name {@code uploadAttachmentChunk} and the session's mailbox.
 */
@RestController
class UploadController {

    static final String PATH = "/sandbox/graph/upload";
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");

    private final SandboxStore store;
    private final UploadSessions uploads;
    private final GraphFaults faults;

    UploadController(SandboxStore store, UploadSessions uploads, GraphFaults faults) {
        this.store = store;
        this.uploads = uploads;
        this.faults = faults;
    }

    private UploadSessions.Session session(HttpServletRequest request, HttpServletResponse response, String id, String token)
            throws IOException {
        GraphContext.start(request, response);
        UploadSessions.Session session = uploads.find(id, token);
        if (session == null) {
            throw new GraphException(404, "itemNotFound", "The upload session was not found or has expired.");
        }
        return session;
    }

    @PutMapping(PATH + "/{id}")
    ResponseEntity<JsonNode> put(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
            @RequestParam(name = "authtoken", required = false) String token) throws IOException {
        UploadSessions.Session session = session(request, response, id, token);
        if (!faults.apply(request, response, session.mailbox(), "uploadAttachmentChunk")) {
            return null;
        }
        String header = request.getHeader("Content-Range");
        Matcher range = header == null ? null : CONTENT_RANGE.matcher(header.strip());
        if (range == null || !range.matches()) {
            throw GraphException.badRequest("invalidRequest", "The Content-Range header is missing or malformed; "
                    + "it must be 'bytes {first}-{last}/{total}'.");
        }
        long start = Long.parseLong(range.group(1));
        long end = Long.parseLong(range.group(2));
        long total = Long.parseLong(range.group(3));
        if (total != session.size()) {
            throw GraphException.badRequest("invalidRequest", "The total size " + total
                    + " in Content-Range is not the size of the upload session (" + session.size() + ").");
        }
        if (end < start || end >= total) {
            throw new GraphException(416, "invalidRange", "The Content-Range " + start + "-" + end + " is not within the file.");
        }
        long length = end - start + 1;
        if (length > UploadSessions.MAX_CHUNK) {
            throw new GraphException(413, "requestEntityTooLarge", "A chunk may be at most 60 MiB.");
        }
        long declared = request.getContentLengthLong();
        if (declared >= 0 && declared != length) {
            throw GraphException.badRequest("invalidRequest", "The Content-Length " + declared
                    + " does not match the Content-Range, which spans " + length + " bytes.");
        }
        UploadSessions.Progress progress;
        try (InputStream body = request.getInputStream()) {
            progress = uploads.append(session, start, end, body);
        }
        if (!progress.complete()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(state(progress, session));
        }
        String location = attach(request, session);
        return ResponseEntity.status(201).header("Location", location).build();
    }

    /** Makes the spooled file the attachment; the session ends either way. */
    private String attach(HttpServletRequest request, UploadSessions.Session session) {
        try {
            Attachment attachment = store.write(() -> {
                Item owner = session.event() ? store.occurrence(session.ownerId()).master()
                        : store.item(session.ownerId(), Message.class);
                if (owner.folder == null) {
                    throw GraphException.notFound();
                }
                return store.addFileAttachment(owner, session.name(), session.contentType(),
                        new FileContent(session.file(), session.size()), a -> {
                            a.inline = session.inline();
                            a.contentId = session.contentId();
                        });
            });
            uploads.completed(session);
            return ServletUriComponentsBuilder.fromContextPath(request).path(GraphInterceptor.ROOT)
                    .path("/users/" + attachment.owner.mailbox.objectId + "/" + (session.event() ? "events" : "messages") + "/"
                            + attachment.owner.id + "/attachments/" + attachment.id).toUriString();
        } catch (StoreException | GraphException e) {
            uploads.cancel(session);
            throw e;
        }
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<JsonNode> status(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
            @RequestParam(name = "authtoken", required = false) String token) throws IOException {
        UploadSessions.Session session = session(request, response, id, token);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(state(uploads.progress(session), session));
    }

    @DeleteMapping(PATH + "/{id}")
    ResponseEntity<JsonNode> cancel(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
            @RequestParam(name = "authtoken", required = false) String token) throws IOException {
        uploads.cancel(session(request, response, id, token));
        return ResponseEntity.noContent().build();
    }

    private static ObjectNode state(UploadSessions.Progress progress, UploadSessions.Session session) {
        ObjectNode body = GraphJson.NODES.objectNode();
        body.put("expirationDateTime", GraphJson.instant(progress.expires()));
        body.putArray("nextExpectedRanges").add(progress.received() + "-" + (session.size() - 1));
        return body;
    }
}
