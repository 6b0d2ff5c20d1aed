package io.exchangehub.api.attachments;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.ApiRequest;
import io.exchangehub.api.HttpRequests;
import io.exchangehub.api.Problems;
import io.exchangehub.api.backend.BackendOutcome;
import io.exchangehub.api.backend.MailboxCall;
import io.exchangehub.api.backend.MailboxCall.Param;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.ContentSource;
import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * The bean {@code attachmentUploads}: {@code POST /mail/messages/{id}/attachments} as an
 * {@link AttachmentUpload} whose content is the request body itself, read while the component
 * sends it on. Nothing of the file is kept: not in Camel (see {@link UploadBodyFilter}), not on disk.
 *
 * <p>The upload must declare its length ({@code Content-Length}): Microsoft Graph opens an upload
 * session for a given size before the first byte, and identity refuses a declared length over the
 * operation's limit (150 MB) before anything is read. When the body breaks off or is not what it
 * claimed, the failure is the caller's ({@link BackendOutcome#CALLER_FAILURE}): the backend's
 * circuit breaker does not count it, and the client gets a 400 (nothing is attached: the backend
 * never got the whole file).
 */
public final class AttachmentUploads {

    /** The largest file the API takes, as the {@code attachment-upload} access rule says. */
    static final DataSize MAX_SIZE = DataSize.ofMegabytes(150);

    private static final int BUFFER = 64 * 1024;

    /** Prepares the backend's {@code addAttachment} with the request's file. */
    public void prepare(Exchange exchange) throws IOException {
        MailboxRef mailbox = MailboxRef.of(exchange);
        String messageId = mailbox.read(ApiRequest.path(exchange, "messageId"), HubId.Kind.MESSAGE).nativeId();
        HttpServletRequest request = HttpRequests.of(exchange);
        InputStream body = request == null ? null : UploadBodyFilter.body(request);
        if (body == null) {
            throw new IllegalStateException("An upload reached its route without its body set aside");
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            throw ApiException.invalid("/header/Content-Length",
                    "An upload declares its length (Content-Length): the backend needs a file's size before its first byte.");
        }
        if (length > MAX_SIZE.toBytes()) {
            throw new ApiException(Problems.Kind.PAYLOAD_TOO_LARGE, "A file has at most " + MAX_SIZE.toMegabytes() + " MB.");
        }
        boolean inline = Boolean.TRUE.equals(ApiRequest.queryBoolean(exchange, "inline"));
        String contentId = contentId(ApiRequest.query(exchange, "contentId"));
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        exchange.setProperty(BackendOutcome.CALLER_FAILURE, failure);
        InputStream counted = new Counted(new BufferedInputStream(body, BUFFER), length, failure::set);
        MediaType type = mediaType(request.getContentType());
        AttachmentUpload upload;
        if (type != null && type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            String boundary = type.getParameter("boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw ApiException.invalid("/header/Content-Type", "multipart/form-data names its boundary.");
            }
            MultipartFile file = MultipartFile.read(counted, unquoted(boundary), length, failure::set);
            upload = new AttachmentUpload(AttachmentFiles.uploadName(file.name(), "/body/file"),
                    AttachmentFiles.uploadType(file.contentType()), file.size(), inline, contentId, once(file.content()));
        } else {
            String name = ApiRequest.query(exchange, "name");
            String pointer = "/query/name";
            if (name == null) {
                name = fileName(request.getHeader("Content-Disposition"));
                pointer = "/header/Content-Disposition";
            }
            upload = new AttachmentUpload(AttachmentFiles.uploadName(name, pointer), AttachmentFiles.uploadType(request.getContentType()),
                    length, inline, contentId, once(counted));
        }
        MailboxCall.start(exchange, "attachments", "addAttachment").with(Param.ITEM_ID, messageId);
        AttachmentApi.uploadingTo(exchange, messageId);
        exchange.getMessage().setBody(upload);
    }

    /**
     * The request body as a content source. It can be read once: a component that opens it again to
     * retry (EWS after ErrorServerBusy) fails, and the client, told the backend is unavailable, sends
     * the file again.
     */
    private static ContentSource once(InputStream content) {
        AtomicBoolean opened = new AtomicBoolean();
        return () -> {
            if (opened.getAndSet(true)) {
                throw new IOException("The request body of an upload can be read once");
            }
            return content;
        };
    }

    private static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("/header/Content-Type", "The Content-Type is not a media type.");
        }
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static String fileName(String disposition) {
        if (disposition == null) {
            return null;
        }
        try {
            return ContentDisposition.parse(disposition).getFilename();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("/header/Content-Disposition", "The Content-Disposition cannot be read.");
        }
    }

    private static String contentId(String contentId) {
        if (contentId != null && contentId.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw ApiException.invalid("/query/contentId", "A content id has no spaces or control characters.");
        }
        return contentId;
    }

    /**
     * The request body, counted against its declared length: a body that ends early, or a client
     * that goes away, is the caller's failure, whichever component reads it.
     */
    private static final class Counted extends FilterInputStream {
        private final long length;
        private final MultipartFile.FailureListener failure;
        private long read;

        Counted(InputStream in, long length, MultipartFile.FailureListener failure) {
            super(in);
            this.length = length;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, count);
            } catch (IOException e) {
                throw broken("The client stopped sending the request body after " + read + " of its " + length + " bytes.");
            }
            if (n < 0 && read < length) {
                throw broken("The request body ended after " + read + " of its " + length + " bytes.");
            }
            if (n > 0) {
                read += n;
            }
            return n;
        }

        private IOException broken(String detail) {
            failure.failed(ApiException.invalid("/body", detail));
            return new IOException(detail);
        }

        @Override
        public int read(byte[] b) throws IOException {
            return read(b, 0, b.length);
        }
    }
}
