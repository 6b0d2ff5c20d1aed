package io.exchangehub.sandbox.mime;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileAttachment;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.InternetHeader;
import io.exchangehub.sandbox.store.Item;
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
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Items as RFC 822 MIME, for every face that exports it (EWS MimeContent and item
 * attachments, Graph {@code $value}), built with Jakarta Mail: messages as mail, calendar items
 * with an iCalendar part, contacts with a vCard part. The item is copied into a snapshot of
 * immutable values while the store is locked; the MIME itself, attachments and all, is
 * produced while the response is written, streaming each attachment's {@link Content} through
 * a base64 transfer encoding, so a 25 MB attachment is never held whole.
 */
public final class MimeRenderer {

    /** MIME ready to be written, outside the store lock. */
    @FunctionalInterface
    public interface Rendered {
        void writeTo(OutputStream out) throws IOException;
    }


    private static final Session SESSION = Session.getInstance(new Properties());
    /** Headers the MIME writer makes itself from the item's properties. */
    private static final Set<String> GENERATED = Set.of("from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id",
            "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding", "importance");
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private MimeRenderer() {}

    /** A file or an attached item, as copied from the store. */
    private sealed interface PartSnapshot permits FilePart, ItemPart {}

    private record FilePart(String name, String contentType, Content content, boolean inline, String contentId)
            implements PartSnapshot {}

    private record ItemPart(String name, Snapshot item) implements PartSnapshot {}

    /** An item's MIME-relevant values, immutable, so the MIME can be written without the store lock. */
    private record Snapshot(String subject, Recipient from, List<Recipient> to, List<Recipient> cc, List<Recipient> bcc,
            List<Recipient> replyTo, Instant date, String messageId, String inReplyTo, String references, Importance importance,
            Body body, List<InternetHeader> extraHeaders, String calendar, String vcard, List<PartSnapshot> parts) {}

    /** The MIME of an item, to be written later; call inside the store lock. */
    public static Rendered render(Item item) {
        Snapshot snapshot = snapshot(item);
        return out -> write(snapshot, out);
    }

    private static Snapshot snapshot(Item item) {
        List<PartSnapshot> parts = new ArrayList<>();
        for (Attachment attachment : item.attachments) {
            if (attachment instanceof FileAttachment file) {
                parts.add(new FilePart(file.name, file.contentType, file.content, file.inline, file.contentId));
            } else {
                parts.add(new ItemPart(attachment.name, snapshot(((ItemAttachment) attachment).item)));
            }
        }
        if (item instanceof Message m) {
            List<InternetHeader> extra = m.headers.stream()
                    .filter(h -> !GENERATED.contains(h.name().toLowerCase(java.util.Locale.ROOT))).toList();
            return new Snapshot(m.subject, m.from, List.copyOf(m.to), List.copyOf(m.cc), m.draft ? List.copyOf(m.bcc) : List.of(),
                    List.copyOf(m.replyTo), m.sent != null ? m.sent : m.created, m.internetMessageId, m.inReplyTo, m.references,
                    m.importance, m.body(), List.copyOf(extra), null, null, List.copyOf(parts));
        }
        if (item instanceof CalendarEvent e) {
            Recipient organizer = e.organizer != null ? e.organizer : e.mailbox.recipient();
            return new Snapshot(e.subject, organizer, e.attendees.stream().map(Attendee::recipient).toList(), List.of(), List.of(),
                    List.of(), e.created, null, null, null, e.importance, e.body(), List.of(), icalendar(e, organizer), null,
                    List.copyOf(parts));
        }
        Contact c = (Contact) item;
        return new Snapshot(c.displayName, null, List.of(), List.of(), List.of(), List.of(), c.created, null, null, null,
                c.importance, c.body(), List.of(), null, vcard(c), List.copyOf(parts));
    }

    private static void write(Snapshot snapshot, OutputStream out) throws IOException {
        try {
            message(snapshot).writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("The item cannot be rendered as MIME", e);
        }
    }

    private static MimeMessage message(Snapshot s) throws MessagingException, IOException {
        MimeMessage message = new KeptIdMessage(s.messageId());
        if (s.from() != null) {
            message.setFrom(address(s.from()));
        }
        setRecipients(message, jakarta.mail.Message.RecipientType.TO, s.to());
        setRecipients(message, jakarta.mail.Message.RecipientType.CC, s.cc());
        setRecipients(message, jakarta.mail.Message.RecipientType.BCC, s.bcc());
        if (!s.replyTo().isEmpty()) {
            message.setReplyTo(s.replyTo().stream().map(MimeRenderer::address).toArray(InternetAddress[]::new));
        }
        message.setSubject(s.subject(), "UTF-8");
        message.setSentDate(Date.from(s.date()));
        if (s.inReplyTo() != null) {
            message.setHeader("In-Reply-To", s.inReplyTo());
        }
        if (s.references() != null) {
            message.setHeader("References", s.references());
        }
        if (s.importance() != Importance.NORMAL) {
            String importance = s.importance().name();
            message.setHeader("Importance", importance.charAt(0) + importance.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        for (InternetHeader header : s.extraHeaders()) {
            message.addHeader(header.name(), header.value());
        }
        fill(message, s);
        message.saveChanges();
        return message;
    }

    private static void fill(MimePart target, Snapshot s) throws MessagingException, IOException {
        if (s.vcard() != null && s.parts().isEmpty()) {
            target.setContent(s.vcard(), "text/directory; charset=utf-8; profile=vCard");
            return;
        }
        List<MimeBodyPart> parts = new ArrayList<>();
        parts.add(textPart(s.body()));
        if (s.calendar() != null) {
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setContent(s.calendar(), "text/calendar; charset=utf-8; method=PUBLISH");
            parts.add(calendar);
        }
        for (PartSnapshot part : s.parts()) {
            parts.add(attachmentPart(part));
        }
        if (parts.size() == 1) {
            Body body = s.body();
            target.setText(body.content(), "utf-8", body.type() == Body.BodyType.HTML ? "html" : "plain");
            return;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        for (MimeBodyPart part : parts) {
            mixed.addBodyPart(part);
        }
        target.setContent(mixed);
    }

    private static MimeBodyPart textPart(Body body) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body.content(), "utf-8", body.type() == Body.BodyType.HTML ? "html" : "plain");
        return part;
    }

    private static MimeBodyPart attachmentPart(PartSnapshot snapshot) throws MessagingException, IOException {
        MimeBodyPart part = new MimeBodyPart();
        if (snapshot instanceof ItemPart item) {
            part.setContent(message(item.item()), "message/rfc822");
            part.setDisposition(Part.ATTACHMENT);
            part.setFileName(encodedName(item.name() + ".eml"));
            return part;
        }
        FilePart file = (FilePart) snapshot;
        part.setDataHandler(new DataHandler(new ContentSource(file)));
        // set explicitly, so that Jakarta Mail does not read the whole content to choose an encoding
        part.setHeader("Content-Transfer-Encoding", "base64");
        part.setDisposition(file.inline() ? Part.INLINE : Part.ATTACHMENT);
        part.setFileName(encodedName(file.name()));
        if (file.contentId() != null) {
            part.setContentID("<" + file.contentId() + ">");
        }
        return part;
    }

    private static String encodedName(String name) throws UnsupportedEncodingException {
        return MimeUtility.encodeText(name, "UTF-8", null);
    }

    private static void setRecipients(MimeMessage message, jakarta.mail.Message.RecipientType type, List<Recipient> recipients)
            throws MessagingException {
        if (!recipients.isEmpty()) {
            message.setRecipients(type, recipients.stream().map(MimeRenderer::address).toArray(InternetAddress[]::new));
        }
    }

    private static InternetAddress address(Recipient recipient) {
        try {
            return new InternetAddress(recipient.address(), recipient.name().isEmpty() ? null : recipient.name(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static String icalendar(CalendarEvent event, Recipient organizer) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:Exchange Hub sandbox\r\nMETHOD:PUBLISH\r\n")
                .append("BEGIN:VEVENT\r\nUID:").append(event.uid).append("\r\n")
                .append("DTSTAMP:").append(ICS.format(event.lastModified)).append("\r\n")
                .append("DTSTART:").append(ICS.format(event.start)).append("\r\n")
                .append("DTEND:").append(ICS.format(event.end)).append("\r\n")
                .append("SUMMARY:").append(icsText(event.subject)).append("\r\n");
        if (!event.location.isEmpty()) {
            ics.append("LOCATION:").append(icsText(event.location)).append("\r\n");
        }
        ics.append("ORGANIZER:mailto:").append(organizer.address()).append("\r\n");
        for (Attendee attendee : event.attendees) {
            ics.append("ATTENDEE:mailto:").append(attendee.recipient().address()).append("\r\n");
        }
        return ics.append("END:VEVENT\r\nEND:VCALENDAR\r\n").toString();
    }

    private static String vcard(Contact contact) {
        StringBuilder vcard = new StringBuilder("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                .append("N:").append(icsText(contact.surname)).append(';').append(icsText(contact.givenName)).append("\r\n")
                .append("FN:").append(icsText(contact.displayName)).append("\r\n");
        if (!contact.companyName.isEmpty()) {
            vcard.append("ORG:").append(icsText(contact.companyName)).append("\r\n");
        }
        for (Recipient email : contact.emailAddresses) {
            vcard.append("EMAIL;TYPE=INTERNET:").append(email.address()).append("\r\n");
        }
        contact.phones.forEach((kind, number) -> vcard.append("TEL;TYPE=").append(kind.name()).append(':').append(number)
                .append("\r\n"));
        return vcard.append("END:VCARD\r\n").toString();
    }

    private static String icsText(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** Keeps the item's own Message-ID: Jakarta Mail would otherwise invent a new one on saveChanges. */
    private static final class KeptIdMessage extends MimeMessage {
        private final String messageId;

        KeptIdMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId != null) {
                setHeader("Message-ID", messageId);
            } else {
                super.updateMessageID();
            }
        }
    }

    /** An attachment's content as a data source, read afresh each time it is written. */
    private record ContentSource(FilePart file) implements DataSource {

        @Override
        public InputStream getInputStream() throws IOException {
            return file.content().open();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("attachment contents are immutable");
        }

        @Override
        public String getContentType() {
            return file.contentType() == null ? "application/octet-stream" : file.contentType();
        }

        @Override
        public String getName() {
            return file.name();
        }
    }
}
