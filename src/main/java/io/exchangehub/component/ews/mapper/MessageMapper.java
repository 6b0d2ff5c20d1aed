package io.exchangehub.component.ews.mapper;

import io.exchangehub.component.ews.client.EwsTimes;
import io.exchangehub.component.ews.client.ItemDetails;
import io.exchangehub.model.Body;
import io.exchangehub.model.Importance;
import io.exchangehub.model.MailMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.property.complex.InternetMessageHeaderCollection;
import microsoft.exchange.webservices.data.property.complex.MessageBody;

/**
 * EWS messages as the model's {@link MailMessage}.
 *
 * <p>What ews-java-api cannot give comes from {@link ItemDetails} and is added by
 * {@link #with}: FindItem returns no recipient lists (they are not even asked of ews-java-api,
 * which throws for every property a request did not load), and the follow-up flag
 * ({@code item:Flag}) and preview ({@code item:Preview}) are Exchange 2013 schema, newer than the
 * Exchange 2010 SP2 level ews-java-api speaks. Until then a list view's {@code toRecipients} and
 * {@code ccRecipients} are empty and its {@code flag} and {@code preview} null.
 */
public final class MessageMapper {

    static final int PREVIEW_LENGTH = 255;

    private MessageMapper() {}

    /**
     * @param whole whether the message was fetched whole (body, bcc, reply-to, attachments), not for a list
     */
    public static MailMessage message(Item item, boolean whole) {
        EmailMessage mail = item instanceof EmailMessage message ? message : null;
        Body body = whole ? body(Values.get(item::getBody)) : null;
        return new MailMessage(
                Values.get(() -> item.getId().getUniqueId()),
                Values.get(() -> item.getId().getChangeKey()),
                whole ? Values.get(() -> item.getParentFolderId().getUniqueId()) : null,
                Values.get(() -> item.getConversationId() == null ? null : item.getConversationId().getUniqueId()),
                Values.get(item::getSubject),
                mail == null ? null : RecipientMapper.recipient(Values.get(mail::getFrom)),
                mail == null || !whole ? List.of() : RecipientMapper.recipients(Values.get(mail::getToRecipients)),
                mail == null || !whole ? List.of() : RecipientMapper.recipients(Values.get(mail::getCcRecipients)),
                whole ? mail == null ? List.of() : RecipientMapper.recipients(Values.get(mail::getBccRecipients)) : null,
                whole ? mail == null ? List.of() : RecipientMapper.recipients(Values.get(mail::getReplyTo)) : null,
                Values.flag(item::getIsDraft) ? null : EwsTimes.instant(Values.get(item::getDateTimeReceived)),
                Values.flag(item::getIsDraft) ? null : EwsTimes.instant(Values.get(item::getDateTimeSent)),
                mail != null && Values.flag(mail::getIsRead),
                Values.flag(item::getIsDraft),
                importance(Values.get(item::getImportance)),
                null,
                Values.strings(item::getCategories),
                Values.flag(item::getHasAttachments),
                body == null ? null : preview(body),
                body,
                whole && mail != null ? Values.get(mail::getInternetMessageId) : null,
                whole ? AttachmentMapper.attachments(Values.get(item::getAttachments)) : null);
    }

    /**
     * A message with its folder set (a list view's is the listed one: FindItem does not return it)
     * and completed by the details read at the Exchange 2013 level: each field Exchange answered
     * replaces the message's; without details (not read, or that item failed) the message keeps
     * its own.
     */
    public static MailMessage with(MailMessage m, String folderId, ItemDetails.Details details) {
        boolean ok = details != null && details.ok();
        return new MailMessage(m.id(), m.changeKey(), folderId, m.conversationId(), m.subject(), m.from(),
                ok && details.to() != null ? details.to() : m.toRecipients(),
                ok && details.cc() != null ? details.cc() : m.ccRecipients(), m.bccRecipients(), m.replyTo(), m.receivedAt(),
                m.sentAt(), m.isRead(), m.isDraft(), m.importance(), ok && details.flag() != null ? details.flag() : m.flag(),
                m.categories(), m.hasAttachments(), ok && details.preview() != null ? details.preview() : m.preview(), m.body(),
                m.internetMessageId(), m.attachments());
    }

    public static Body body(MessageBody body) {
        if (body == null) {
            return null;
        }
        Body.ContentType type = body.getBodyType() == BodyType.Text ? Body.ContentType.TEXT : Body.ContentType.HTML;
        String text = body.toString();
        return new Body(type, text == null ? "" : text);
    }

    public static MessageBody body(Body body) {
        return body == null ? null
                : new MessageBody(body.contentType() == Body.ContentType.TEXT ? BodyType.Text : BodyType.HTML, body.content());
    }

    /**
     * The first characters of a body's text, for what has no {@code item:Preview} read (an event
     * fetched whole, a message whose preview could not be read). An HTML body's markup is dropped
     * crudely (tags, style and script blocks, the commonest entities): a preview is a hint for a
     * list line.
     */
    static String preview(Body body) {
        String text = body.content();
        if (body.contentType() == Body.ContentType.HTML) {
            text = text.replaceAll("(?is)<(style|script|head)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ")
                    .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&");
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= PREVIEW_LENGTH ? text : text.substring(0, PREVIEW_LENGTH);
    }

    public static Importance importance(microsoft.exchange.webservices.data.core.enumeration.property.Importance importance) {
        if (importance == null) {
            return Importance.NORMAL;
        }
        return switch (importance) {
            case Low -> Importance.LOW;
            case High -> Importance.HIGH;
            default -> Importance.NORMAL;
        };
    }

    public static microsoft.exchange.webservices.data.core.enumeration.property.Importance importance(Importance importance) {
        return switch (importance) {
            case LOW -> microsoft.exchange.webservices.data.core.enumeration.property.Importance.Low;
            case HIGH -> microsoft.exchange.webservices.data.core.enumeration.property.Importance.High;
            case NORMAL -> microsoft.exchange.webservices.data.core.enumeration.property.Importance.Normal;
        };
    }

    /** The message's internet headers in their order, as name and value pairs. */
    public static List<Map.Entry<String, String>> headers(Item item) {
        InternetMessageHeaderCollection headers = Values.get(item::getInternetMessageHeaders);
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        if (headers != null) {
            headers.forEach(header -> entries.add(Map.entry(header.getName(), header.getValue() == null ? "" : header.getValue())));
        }
        return List.copyOf(entries);
    }
}
