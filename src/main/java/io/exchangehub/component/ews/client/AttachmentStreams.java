package io.exchangehub.component.ews.client;

import io.exchangehub.model.Attachment;
import io.exchangehub.model.AttachmentUpload;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Base64;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import org.apache.http.client.methods.CloseableHttpResponse;

/**
 * Attachments as streams, over the component's own SOAP path: ews-java-api reads an attachment's
 * whole base64 text into a String and decodes it into a byte array (a 150 MB file would cost some
 * 350 MB of heap), and encodes uploads the same way.
 *
 * <p>Download: GetAttachment's answer is read with StAX, which hands over the {@code t:Content}
 * text in chunks of a few kilobytes; the chunks feed a base64 decoder stream, so the caller reads
 * decoded bytes straight off the connection. An attachment's metadata precede its content in the
 * answer (schema order), so its size is known before the content: at most {@code threshold} bytes
 * are read whole and the connection is released at once; larger ones stay a live stream that
 * releases the connection when closed.
 *
 * <p>Upload: CreateAttachment's envelope is written while it is sent, the file's bytes encoded to
 * base64 on the way from its {@link io.exchangehub.model.ContentSource}.
 */
public final class AttachmentStreams {

    /**
     * A downloaded attachment.
     *
     * @param metadata what the answer said about it
     * @param content  its bytes (for an attached item: its MIME); the caller closes it
     */
    public record Download(Attachment metadata, InputStream content) {}

    private AttachmentStreams() {}

    public static Download download(EwsClient client, EwsAccess access, ExchangeCredentials credentials, String attachmentId,
            long threshold) {
        return client.retrying(attachmentId, () -> {
            CloseableHttpResponse response = RawSoap.post(client, access, credentials, "GetAttachment", (xml, raw) -> {
                xml.writeStartElement("m", "GetAttachment", RawSoap.MESSAGES);
                xml.writeStartElement("m", "AttachmentShape", RawSoap.MESSAGES);
                RawSoap.element(xml, "IncludeMimeContent", "true");
                xml.writeEndElement();
                xml.writeStartElement("m", "AttachmentIds", RawSoap.MESSAGES);
                xml.writeEmptyElement("t", "AttachmentId", RawSoap.TYPES);
                xml.writeAttribute("Id", attachmentId);
                xml.writeEndElement();
                xml.writeEndElement();
            });
            try {
                InputStream body = response.getEntity().getContent();
                XMLStreamReader xml = RawSoap.reader(body);
                RawSoap.expectSuccess(xml);
                Attachment metadata = readUntilContent(xml);
                InputStream content = new CloseOnEnd(Base64.getMimeDecoder().wrap(new TextStream(xml)), response);
                if (metadata.size() <= threshold) {
                    try (InputStream whole = content) {
                        content = new ByteArrayInputStream(whole.readAllBytes());
                    }
                }
                return new Download(metadata, content);
            } catch (IOException | XMLStreamException | SoapFaultException | RuntimeException e) {
                response.close();
                throw e;
            }
        });
    }

    /** Reads the attachment's properties up to the start of its Content (a file) or MimeContent (an item). */
    private static Attachment readUntilContent(XMLStreamReader xml) throws XMLStreamException {
        String id = null;
        String name = null;
        String contentType = null;
        String contentId = null;
        long size = 0;
        boolean inline = false;
        Instant modified = null;
        Attachment.Kind kind = Attachment.Kind.FILE;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "ItemAttachment" -> kind = Attachment.Kind.ITEM;
                case "AttachmentId" -> id = id == null ? xml.getAttributeValue(null, "Id") : id;
                case "Name" -> name = name == null ? RawSoap.text(xml) : name;
                case "ContentType" -> contentType = contentType == null ? RawSoap.text(xml) : contentType;
                case "ContentId" -> contentId = RawSoap.text(xml);
                case "Size" -> size = Long.parseLong(xml.getElementText().strip());
                case "LastModifiedTime" -> modified = modified == null ? EwsTimes.instant(xml.getElementText()) : modified;
                case "IsInline" -> inline = Boolean.parseBoolean(xml.getElementText().strip());
                case "Content", "MimeContent" -> {
                    if (kind == Attachment.Kind.ITEM) {
                        contentType = "message/rfc822";
                    }
                    return new Attachment(id, name, contentType, size, inline, contentId, kind, modified);
                }
                default -> {
                    // properties the download does not report
                }
            }
        }
        throw new XMLStreamException("The GetAttachment answer carries no content");
    }

    /** The text of the current element as ASCII bytes, chunk by chunk as StAX reports it, ending at the element's end. */
    private static final class TextStream extends InputStream {
        private final XMLStreamReader xml;
        private final char[] chars = new char[8192];
        private int length;
        private int position;
        private boolean ended;
        /** Where in the current StAX text event the next copy starts; -1 when no event is current. */
        private int sourceOffset = -1;

        TextStream(XMLStreamReader xml) {
            this.xml = xml;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chars[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            if (count == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) chars[position + i];
            }
            position += n;
            return n;
        }

        /** Whether there are characters to hand out; reads StAX text events (a few kilobytes each) as needed. */
        private boolean fill() throws IOException {
            try {
                while (position >= length) {
                    if (ended) {
                        return false;
                    }
                    if (sourceOffset >= 0) {
                        int copied = xml.getTextCharacters(sourceOffset, chars, 0, chars.length);
                        if (copied > 0) {
                            sourceOffset += copied;
                            length = copied;
                            position = 0;
                            return true;
                        }
                        sourceOffset = -1;
                    }
                    int event = xml.next();
                    if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                        sourceOffset = 0;
                    } else if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                        ended = true;
                    }
                }
                return true;
            } catch (XMLStreamException e) {
                throw new IOException("The attachment's content could not be read", e);
            }
        }
    }

    /** Releases the HTTP connection when the reader closes the stream (or reads it to its end). */
    private static final class CloseOnEnd extends java.io.FilterInputStream {
        private final CloseableHttpResponse response;
        private boolean closed;

        CloseOnEnd(InputStream in, CloseableHttpResponse response) {
            super(in);
            this.response = response;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                response.close();
            }
        }
    }

    /**
     * Adds a file to an item, its content streamed from the upload's source.
     *
     * @return the new attachment's id
     */
    public static String upload(EwsClient client, EwsAccess access, ExchangeCredentials credentials, String itemId,
            AttachmentUpload upload) {
        return client.retrying(itemId, () -> {
            try (CloseableHttpResponse response = RawSoap.post(client, access, credentials, "CreateAttachment", (xml, raw) -> {
                xml.writeStartElement("m", "CreateAttachment", RawSoap.MESSAGES);
                xml.writeEmptyElement("m", "ParentItemId", RawSoap.MESSAGES);
                xml.writeAttribute("Id", itemId);
                xml.writeStartElement("m", "Attachments", RawSoap.MESSAGES);
                xml.writeStartElement("t", "FileAttachment", RawSoap.TYPES);
                RawSoap.element(xml, "Name", upload.name());
                RawSoap.element(xml, "ContentType", upload.contentType());
                RawSoap.element(xml, "ContentId", upload.contentId());
                RawSoap.element(xml, "IsInline", Boolean.toString(upload.isInline()));
                xml.writeStartElement("t", "Content", RawSoap.TYPES);
                xml.writeCharacters("");
                xml.flush();
                try (InputStream in = upload.content().open();
                        OutputStream encoder = Base64.getEncoder().wrap(new KeepOpen(raw))) {
                    in.transferTo(encoder);
                }
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            })) {
                XMLStreamReader xml = RawSoap.reader(response.getEntity().getContent());
                RawSoap.expectSuccess(xml);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("AttachmentId")) {
                        return xml.getAttributeValue(null, "Id");
                    }
                }
                throw new XMLStreamException("The CreateAttachment answer names no attachment");
            }
        });
    }

    /** Lets the base64 encoder finish its padding without closing the request stream under the envelope. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
