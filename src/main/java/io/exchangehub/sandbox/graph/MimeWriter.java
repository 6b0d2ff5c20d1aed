package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileAttachment;
import io.exchangehub.sandbox.store.InternetHeader;
import io.exchangehub.sandbox.store.ItemAttachment;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Recipient;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A message as RFC 822 MIME ({@code GET …/messages/{id}/$value}), built under the store lock
 * and written after it: attachment bytes are streamed from their immutable content as the
 * MIME goes out, so a 25 MB attachment is never held whole.
 */
final class MimeWriter {

    /** Headers the MIME builder writes itself from the message's properties. */
    private static final Set<String> OWN_HEADERS = Set.of("from", "to", "cc", "subject", "date", "message-id", "mime-version",
            "content-type", "content-transfer-encoding", "in-reply-to", "references");

    private final MimeMessage mime;

    private MimeWriter(MimeMessage mime) {
        this.mime = mime;
    }

    /** Call inside {@code store.read}. */
    static MimeWriter of(Message message) {
        try {
            return new MimeWriter(build(message));
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("The message cannot be written as MIME", e);
        }
    }

    void writeTo(OutputStream out) throws IOException {
        try {
            mime.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("The message cannot be written as MIME", e);
        }
    }

    private static MimeMessage build(Message message) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = new MimeMessage((Session) null);
        for (InternetHeader header : message.headers) {
            if (!OWN_HEADERS.contains(header.name().toLowerCase(Locale.ROOT))) {
                mime.addHeader(header.name(), header.value());
            }
        }
        if (message.from != null) {
            mime.setFrom(address(message.from));
        }
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, addresses(message.to));
        if (!message.cc.isEmpty()) {
            mime.setRecipients(jakarta.mail.Message.RecipientType.CC, addresses(message.cc));
        }
        mime.setSubject(message.subject, "UTF-8");
        mime.setSentDate(Date.from(message.sent != null ? message.sent : message.created));
        if (message.inReplyTo != null) {
            mime.setHeader("In-Reply-To", message.inReplyTo);
        }
        if (message.references != null) {
            mime.setHeader("References", message.references);
        }
        Body body = message.body();
        String subtype = body.type() == Body.BodyType.HTML ? "html" : "plain";
        if (message.attachments.isEmpty()) {
            mime.setText(body.content(), "UTF-8", subtype);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body.content(), "UTF-8", subtype);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(text);
            for (Attachment attachment : message.attachments) {
                mixed.addBodyPart(part(attachment));
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        if (message.internetMessageId != null) {
            mime.setHeader("Message-ID", message.internetMessageId);
        }
        return mime;
    }

    private static MimeBodyPart part(Attachment attachment) throws MessagingException, UnsupportedEncodingException {
        MimeBodyPart part = new MimeBodyPart();
        if (attachment instanceof FileAttachment file) {
            part.setDataHandler(new DataHandler(new ContentSource(file.content, attachment.contentType, attachment.name)));
            part.setHeader("Content-Transfer-Encoding", "base64");
            part.setFileName(attachment.name);
            part.setDisposition(attachment.inline ? Part.INLINE : Part.ATTACHMENT);
            if (attachment.contentId != null) {
                part.setContentID("<" + attachment.contentId + ">");
            }
        } else if (((ItemAttachment) attachment).item instanceof Message embedded) {
            part.setContent(build(embedded), "message/rfc822");
            part.setDisposition(Part.ATTACHMENT);
        } else {
            part.setText(attachment.name, "UTF-8");
            part.setDisposition(Part.ATTACHMENT);
        }
        return part;
    }

    private static InternetAddress address(Recipient recipient) throws UnsupportedEncodingException {
        return new InternetAddress(recipient.address(), recipient.name().isEmpty() ? null : recipient.name(), "UTF-8");
    }

    private static InternetAddress[] addresses(List<Recipient> recipients) throws UnsupportedEncodingException {
        List<InternetAddress> addresses = new ArrayList<>();
        for (Recipient recipient : recipients) {
            addresses.add(address(recipient));
        }
        return addresses.toArray(new InternetAddress[0]);
    }

    /** An attachment's bytes as a data source, opened afresh on each read. */
    private record ContentSource(Content content, String contentType, String name) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            return content.open();
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("Attachment content is immutable");
        }

        @Override
        public String getContentType() {
            return contentType == null ? "application/octet-stream" : contentType;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
