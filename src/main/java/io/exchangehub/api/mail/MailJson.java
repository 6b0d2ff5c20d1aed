package io.exchangehub.api.mail;

import static io.exchangehub.api.ApiEnums.name;

import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.Attachment;
import io.exchangehub.model.Body;
import io.exchangehub.model.Flag;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Recipient;
import java.time.Instant;
import java.util.List;

/**
 * Mail as the API writes it (the schemas {@code MailFolder}, {@code MessageSummary} and
 * {@code MailMessage} of the contract): public ids, enums in lower camel case, instants in UTC.
 * The same JSON whichever backend served the mailbox.
 */
public final class MailJson {

    private MailJson() {}

    public record Folder(String id, String parentId, String displayName, String path, String wellKnownName, int totalCount,
            int unreadCount, int childFolderCount) {}

    public record FlagJson(String status, Instant startAt, Instant dueAt, Instant completedAt) {}

    public record BodyJson(String contentType, String content) {}

    public record AttachmentJson(String id, String name, String contentType, long size, boolean isInline, String contentId,
            String kind, Instant lastModified) {}

    /** A message in a list. */
    public record Summary(String id, String folderId, String conversationId, String subject, Recipient from,
            List<Recipient> toRecipients, List<Recipient> ccRecipients, Instant receivedAt, Instant sentAt, boolean isRead,
            boolean isDraft, String importance, FlagJson flag, List<String> categories, boolean hasAttachments, String preview) {}

    /** A message fetched whole. */
    public record Message(String id, String folderId, String conversationId, String subject, Recipient from,
            List<Recipient> toRecipients, List<Recipient> ccRecipients, List<Recipient> bccRecipients, List<Recipient> replyTo,
            Instant receivedAt, Instant sentAt, boolean isRead, boolean isDraft, String importance, FlagJson flag,
            List<String> categories, boolean hasAttachments, String preview, BodyJson body, String internetMessageId,
            List<AttachmentJson> attachments) {}

    public static Folder folder(MailFolder folder, MailboxRef mailbox) {
        return new Folder(mailbox.publicId(HubId.Kind.FOLDER, folder.id()), mailbox.publicId(HubId.Kind.FOLDER, folder.parentId()),
                folder.displayName(), folder.path(), folder.wellKnownName(), folder.totalCount(), folder.unreadCount(),
                folder.childFolderCount());
    }

    public static Summary summary(MailMessage m, MailboxRef mailbox) {
        return new Summary(mailbox.publicId(HubId.Kind.MESSAGE, m.id()), mailbox.publicId(HubId.Kind.FOLDER, m.folderId()),
                m.conversationId(), nullToEmpty(m.subject()), m.from(), list(m.toRecipients()), list(m.ccRecipients()),
                m.receivedAt(), m.sentAt(), m.isRead(), m.isDraft(), importance(m), flag(m.flag()), list(m.categories()),
                m.hasAttachments(), nullToEmpty(m.preview()));
    }

    /**
     * A whole message.
     *
     * @param html what an HTML body becomes for display: sanitised, or as sent when the caller asked for it raw
     */
    public static Message message(MailMessage m, MailboxRef mailbox, HtmlPolicy html) {
        List<AttachmentJson> attachments = list(m.attachments()).stream()
                .map(attachment -> attachment(attachment, m.id(), mailbox)).toList();
        return new Message(mailbox.publicId(HubId.Kind.MESSAGE, m.id()), mailbox.publicId(HubId.Kind.FOLDER, m.folderId()),
                m.conversationId(), nullToEmpty(m.subject()), m.from(), list(m.toRecipients()), list(m.ccRecipients()),
                list(m.bccRecipients()), list(m.replyTo()), m.receivedAt(), m.sentAt(), m.isRead(), m.isDraft(), importance(m),
                flag(m.flag()), list(m.categories()), m.hasAttachments(), nullToEmpty(m.preview()), body(m.body(), html),
                m.internetMessageId(), attachments);
    }

    public static AttachmentJson attachment(Attachment a, String itemNativeId, MailboxRef mailbox) {
        return new AttachmentJson(mailbox.attachmentId(a.id(), itemNativeId), a.name(), a.contentType(), a.size(), a.isInline(),
                a.contentId(), name(a.kind()), a.lastModified());
    }

    public static BodyJson body(Body body, HtmlPolicy html) {
        if (body == null) {
            return null;
        }
        String content = body.contentType() == Body.ContentType.HTML ? html.apply(body.content()) : body.content();
        return new BodyJson(name(body.contentType()), content == null ? "" : content);
    }

    static FlagJson flag(Flag flag) {
        Flag f = flag == null ? Flag.NONE : flag;
        return new FlagJson(name(f.status()), f.startAt(), f.dueAt(), f.completedAt());
    }

    private static String importance(MailMessage m) {
        return m.importance() == null ? "normal" : name(m.importance());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** What happens to an HTML body before it is shown. */
    @FunctionalInterface
    public interface HtmlPolicy {
        String apply(String html);

        HtmlPolicy RAW = html -> html;
    }
}
