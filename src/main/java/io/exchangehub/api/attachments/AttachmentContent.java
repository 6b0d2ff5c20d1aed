package io.exchangehub.api.attachments;

import io.exchangehub.api.ApiRequest;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.Problems;
import io.exchangehub.api.backend.BackendHeaders;
import io.exchangehub.api.http.Etags;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mailbox.MailboxRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * The bean {@code attachmentContent}: {@code GET /attachments/{id}/content}, the component's stream
 * handed to the client as it is read, with one byte range when asked.
 *
 * <p>Neither backend can serve a range (EWS GetAttachment has none; Graph's {@code $value} of a
 * message attachment takes none), so a range is cut out of the stream: the bytes before it are
 * skipped as they arrive, never kept, and the stream is closed after its last byte. The entity tag
 * is a digest of the attachment's id: Exchange never changes an attachment (a new file is a new
 * attachment with a new id), so the tag is strong, and {@code If-None-Match} and {@code If-Range}
 * are answered from it.
 */
public final class AttachmentContent {

    private static final String ITEM_MIME = "message/rfc822";
    private static final String ETAG = "hubAttachmentEtag";
    private static final String RANGE = "hubRange";
    private static final String IF_RANGE = "hubIfRange";

    private final Problems problems;

    public AttachmentContent(Problems problems) {
        this.problems = problems;
    }

    /** Prepares the backend's {@code downloadAttachment}; keeps the request's range headers for {@link #respond}. */
    public void download(Exchange exchange) {
        HubId id = AttachmentApi.start(exchange, "downloadAttachment");
        exchange.setProperty(ETAG, Etags.strong((id.mailbox() + '\n' + id.nativeId()).getBytes(StandardCharsets.UTF_8)));
        keep(exchange, "Range", RANGE);
        keep(exchange, "If-Range", IF_RANGE);
    }

    /**
     * Answers with the stream: 200 with the whole file, 206 with one range, 304 when the client's copy
     * is current, 416 when the range lies outside the file. The stream is closed at once when none of
     * it is sent; else platform-http closes it when the response is written (or the client goes away).
     */
    public void respond(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        BackendHeaders.Names names = BackendHeaders.of(exchange);
        InputStream content = message.getBody(InputStream.class);
        String type = AttachmentFiles.mediaType(message.getHeader(names.contentType(), String.class));
        Long size = message.getHeader(names.contentLength(), Long.class);
        String disposition = AttachmentFiles.contentDisposition(message.getHeader(names.fileName(), String.class));
        String etag = exchange.getProperty(ETAG, String.class);
        String ifNoneMatch = exchange.getProperty(ApiResponses.IF_NONE_MATCH, String.class);
        message.removeHeaders("*");
        message.setHeader("ETag", etag);
        // on a 304 too: without a type of its own, the REST binding would set the contract's list of types
        message.setHeader(Exchange.CONTENT_TYPE, type);
        if (Etags.matchesNoneMatch(ifNoneMatch, etag)) {
            content.close();
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            message.setBody(null);
            return;
        }
        message.setHeader("Content-Disposition", disposition);
        if (size == null || ITEM_MIME.equals(type)) {
            // an attached item comes as its MIME, whose length the backend does not know (ews: reports the
            // item's Size, which is not the MIME's length): sent whole, chunked
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            message.setBody(new Download(content));
            return;
        }
        message.setHeader("Accept-Ranges", "bytes");
        ByteRange range;
        try {
            range = rangeWanted(exchange, etag) ? ByteRange.parse(exchange.getProperty(RANGE, String.class), size) : null;
        } catch (ByteRange.Unsatisfiable e) {
            content.close();
            unsatisfiable(exchange, size);
            return;
        }
        if (range == null) {
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            message.setHeader(Exchange.CONTENT_LENGTH, size);
            message.setBody(new Download(content));
            return;
        }
        try {
            content.skipNBytes(range.first());
        } catch (IOException e) {
            content.close();
            throw e;
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 206);
        message.setHeader("Content-Range", range.contentRange(size));
        message.setHeader(Exchange.CONTENT_LENGTH, range.length());
        message.setBody(new Download(BoundedInputStream.builder().setInputStream(content).setMaxCount(range.length()).get()));
    }

    /**
     * The file on its way to the client, as the answer's body. Not an {@code InputStream} itself: the
     * routes that carry an answer to platform-http cache stream bodies before each of their steps
     * (whole, on the heap); this one only becomes a stream when platform-http writes it
     * ({@link AttachmentApiConfiguration} registers the conversion).
     *
     * @param content the bytes to send; platform-http closes it once written
     */
    public record Download(InputStream content) {}

    /**
     * Whether to honour the range: always without {@code If-Range}; with it, only when it names the
     * current entity tag (strong comparison). A date never matches: no {@code Last-Modified} is sent.
     */
    private static boolean rangeWanted(Exchange exchange, String etag) {
        String ifRange = exchange.getProperty(IF_RANGE, String.class);
        return ifRange == null || ifRange.trim().equals(etag);
    }

    private void unsatisfiable(Exchange exchange, long size) {
        Message message = exchange.getMessage();
        String detail = "The file has " + size + " bytes; the range asked for lies outside it.";
        String uri = message.getHeader(Exchange.HTTP_URI, String.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, Problems.Kind.RANGE_NOT_SATISFIABLE.status());
        message.setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        message.setHeader("Content-Range", "bytes */" + size);
        message.setBody(problems.document(Problems.Kind.RANGE_NOT_SATISFIABLE, detail, uri, Problems.traceId(exchange), Map.of())
                .toString());
    }

    private static void keep(Exchange exchange, String header, String property) {
        String value = ApiRequest.header(exchange, header);
        if (value != null) {
            exchange.setProperty(property, value);
        }
    }
}
