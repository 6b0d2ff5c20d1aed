package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileContent;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.InternetHeader;
import io.exchangehub.sandbox.store.Recipient;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * RFC 822 MIME (CreateItem's {@code t:MimeContent}) read with Jakarta Mail into the values of a
 * message. The MIME is parsed from a shared stream over its decoded bytes, and attachment
 * contents are copied out part by part, large ones into temporary files.
 */
final class MimeReader {

    private static final Session SESSION = Session.getInstance(new Properties());
    /** The longest attachment name the store takes. */
    private static final int MAX_NAME = 255;

    private MimeReader() {}

    /**
     * A file part.
     *
     * @param name        its file name
     * @param contentType its MIME type
     * @param content     its bytes
     * @param inline      whether it is shown in the body (an image with a Content-ID)
     * @param contentId   its Content-ID, without angle brackets
     */
    record MimeFile(String name, String contentType, Content content, boolean inline, String contentId) {}

    /**
     * A message's values as its MIME states them.
     *
     * @param messages attached messages (message/rfc822 parts)
     */
    record MimeItem(String subject, Recipient from, List<Recipient> to, List<Recipient> cc, List<Recipient> bcc,
            List<Recipient> replyTo, Instant date, String messageId, String inReplyTo, String references, Importance importance,
            Body body, List<InternetHeader> headers, List<MimeFile> files, List<MimeItem> messages) {}

    /**
     * Parses MIME.
     *
     * @param files where large attachment contents are copied to, for as long as the request lasts
     * @throws EwsError ErrorMimeContentConversionFailed when it is not MIME Jakarta Mail can read
     */
    static MimeItem read(Content mime, RequestReader files) {
        try (InputStream in = shared(mime)) {
            return item(new MimeMessage(SESSION, in), files);
        } catch (MessagingException | IOException e) {
            // Jakarta Mail's messages quote the headers and addresses they choke on: nothing of them reaches the answer
            throw new EwsError("ErrorMimeContentConversionFailed", "The MIME content could not be converted.");
        }
    }

    /** A shared stream lets Jakarta Mail refer to parts by position instead of copying them. */
    private static InputStream shared(Content mime) throws IOException {
        if (mime instanceof BytesContent bytes) {
            return new SharedByteArrayInputStream(bytes.bytes());
        }
        if (mime instanceof FileContent file) {
            return new SharedFileInputStream(file.path().toFile());
        }
        return mime.open();
    }

    private static MimeItem item(MimeMessage message, RequestReader copies) throws MessagingException, IOException {
        List<MimeFile> files = new ArrayList<>();
        List<MimeItem> messages = new ArrayList<>();
        Body[] body = new Body[1];
        walk(message, body, files, messages, copies);
        List<InternetHeader> headers = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            headers.add(new InternetHeader(header.getName(), decode(header.getValue())));
        }
        return new MimeItem(message.getSubject() == null ? "" : message.getSubject(), first(message.getFrom()),
                recipients(message.getRecipients(jakarta.mail.Message.RecipientType.TO)),
                recipients(message.getRecipients(jakarta.mail.Message.RecipientType.CC)),
                recipients(message.getRecipients(jakarta.mail.Message.RecipientType.BCC)), recipients(message.getReplyTo()),
                message.getSentDate() == null ? null : message.getSentDate().toInstant(), message.getMessageID(),
                message.getHeader("In-Reply-To", null), message.getHeader("References", " "), importance(message),
                body[0] == null ? Body.empty() : body[0], List.copyOf(headers), List.copyOf(files), List.copyOf(messages));
    }

    private static void walk(Part part, Body[] body, List<MimeFile> files, List<MimeItem> messages, RequestReader copies)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (alternative && body[0] != null && child.isMimeType("text/html") && body[0].type() == Body.BodyType.TEXT) {
                    body[0] = Body.html((String) child.getContent());
                } else {
                    walk(child, body, files, messages, copies);
                }
            }
            return;
        }
        if (part.isMimeType("message/rfc822") && part.getContent() instanceof MimeMessage attached) {
            messages.add(item(attached, copies));
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attachment && body[0] == null && part.isMimeType("text/*")) {
            String text = (String) part.getContent();
            body[0] = part.isMimeType("text/html") ? Body.html(text) : Body.text(text);
            return;
        }
        String contentId = part instanceof jakarta.mail.internet.MimePart mimePart ? mimePart.getContentID() : null;
        String name = attachmentName(part.getFileName() == null ? null : decode(part.getFileName()), "attachment");
        String type = part.getContentType() == null ? "application/octet-stream"
                : part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        try (InputStream in = part.getInputStream()) {
            files.add(new MimeFile(name, type, copies.copy(in), Part.INLINE.equalsIgnoreCase(part.getDisposition()) && contentId != null,
                    contentId == null ? null : contentId.replaceAll("^<|>$", "")));
        }
    }

    /**
     * A name the store takes for an attachment (not blank, at most 255 characters), so that MIME the
     * parser accepted cannot fail half-way through making the item.
     */
    static String attachmentName(String name, String fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static Importance importance(MimeMessage message) throws MessagingException {
        String importance = message.getHeader("Importance", null);
        String priority = message.getHeader("X-Priority", null);
        if (importance != null) {
            String value = importance.strip().toLowerCase(Locale.ROOT);
            return value.startsWith("high") ? Importance.HIGH : value.startsWith("low") ? Importance.LOW : Importance.NORMAL;
        }
        if (priority != null && !priority.isBlank()) {
            char level = priority.strip().charAt(0);
            return level < '3' ? Importance.HIGH : level > '3' ? Importance.LOW : Importance.NORMAL;
        }
        return Importance.NORMAL;
    }

    private static Recipient first(Address[] addresses) {
        List<Recipient> list = recipients(addresses);
        return list.isEmpty() ? null : list.get(0);
    }

    private static List<Recipient> recipients(Address[] addresses) {
        List<Recipient> list = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet) {
                    list.add(new Recipient(internet.getPersonal(), internet.getAddress()));
                }
            }
        }
        return List.copyOf(list);
    }

    private static String decode(String text) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(text));
        } catch (UnsupportedEncodingException e) {
            return text;
        }
    }
}
