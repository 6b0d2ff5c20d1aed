package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.Flag;
import io.exchangehub.sandbox.store.InternetHeader;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.MessageKind;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** {@code microsoft.graph.message} (and its meeting-message subtypes) from a store message. */
final class MessageJson {

    static final String TYPE = "microsoft.graph.message";

    /** Every property of the type in v1.0, for {@code $select} and PATCH validation. */
    static final Set<String> PROPERTIES = Set.of("id", "categories", "changeKey", "createdDateTime", "lastModifiedDateTime",
            "bccRecipients", "body", "bodyPreview", "ccRecipients", "conversationId", "conversationIndex", "flag", "from",
            "hasAttachments", "importance", "inferenceClassification", "internetMessageHeaders", "internetMessageId",
            "isDeliveryReceiptRequested", "isDraft", "isRead", "isReadReceiptRequested", "parentFolderId", "receivedDateTime",
            "replyTo", "sender", "sentDateTime", "subject", "toRecipients", "uniqueBody", "webLink", "attachments",
            "extensions", "multiValueExtendedProperties", "singleValueExtendedProperties");

    private MessageJson() {}

    static ObjectNode write(Message m, Projection p) {
        ObjectNode node = GraphJson.NODES.objectNode();
        if (p.withType() || m.kind != MessageKind.NOTE) {
            node.put("@odata.type", "#" + odataType(m.kind));
        }
        node.put("@odata.etag", GraphJson.etag(m.changeKey()));
        node.put("id", m.id);
        if (p.wants("createdDateTime")) {
            node.put("createdDateTime", GraphJson.instant(m.created));
        }
        if (p.wants("lastModifiedDateTime")) {
            node.put("lastModifiedDateTime", GraphJson.instant(m.lastModified));
        }
        if (p.wants("changeKey")) {
            node.put("changeKey", m.changeKey());
        }
        if (p.wants("categories")) {
            node.set("categories", GraphJson.strings(m.categories));
        }
        if (p.wants("receivedDateTime")) {
            node.put("receivedDateTime", GraphJson.instant(m.received != null ? m.received : m.created));
        }
        if (p.wants("sentDateTime")) {
            node.put("sentDateTime", GraphJson.instant(m.sent != null ? m.sent : m.created));
        }
        if (p.wants("hasAttachments")) {
            node.put("hasAttachments", m.hasAttachments());
        }
        if (p.wants("internetMessageId")) {
            node.put("internetMessageId", m.internetMessageId);
        }
        if (p.wants("subject")) {
            node.put("subject", m.subject);
        }
        if (p.wants("bodyPreview")) {
            node.put("bodyPreview", m.body().preview());
        }
        if (p.wants("importance")) {
            node.put("importance", GraphJson.camel(m.importance));
        }
        if (p.wants("parentFolderId") && m.folder != null) {
            node.put("parentFolderId", m.folder.id);
        }
        if (p.wants("conversationId")) {
            node.put("conversationId", m.conversationId);
        }
        if (p.wants("conversationIndex") && m.conversationIndex != null) {
            node.put("conversationIndex", Base64.getEncoder().encodeToString(m.conversationIndex));
        }
        if (p.wants("isDeliveryReceiptRequested")) {
            node.put("isDeliveryReceiptRequested", m.deliveryReceiptRequested);
        }
        if (p.wants("isReadReceiptRequested")) {
            node.put("isReadReceiptRequested", m.readReceiptRequested);
        }
        if (p.wants("isRead")) {
            node.put("isRead", m.read);
        }
        if (p.wants("isDraft")) {
            node.put("isDraft", m.draft);
        }
        if (p.wants("webLink")) {
            node.put("webLink", GraphJson.webLink(m.id, "ReadMessageItem"));
        }
        if (p.wants("inferenceClassification")) {
            node.put("inferenceClassification", "focused");
        }
        if (p.wants("body")) {
            node.set("body", GraphJson.body(m.body(), p.bodyType()));
        }
        if (p.selected("uniqueBody")) {
            node.set("uniqueBody", GraphJson.body(m.body(), p.bodyType()));
        }
        if (p.wants("sender") && m.sender != null) {
            node.set("sender", GraphJson.recipient(m.sender));
        }
        if (p.wants("from") && m.from != null) {
            node.set("from", GraphJson.recipient(m.from));
        }
        if (p.wants("toRecipients")) {
            node.set("toRecipients", GraphJson.recipients(m.to));
        }
        if (p.wants("ccRecipients")) {
            node.set("ccRecipients", GraphJson.recipients(m.cc));
        }
        if (p.wants("bccRecipients")) {
            node.set("bccRecipients", GraphJson.recipients(m.bcc));
        }
        if (p.wants("replyTo")) {
            node.set("replyTo", GraphJson.recipients(m.replyTo));
        }
        if (p.wants("flag")) {
            node.set("flag", flag(m.flag));
        }
        if (p.selected("internetMessageHeaders")) {
            node.set("internetMessageHeaders", headers(m.headers));
        }
        if (m.kind != MessageKind.NOTE && p.select() == null) {
            meeting(node, m, p);
        }
        if (p.expandAttachments()) {
            ArrayNode attachments = node.putArray("attachments");
            for (Attachment attachment : m.attachments) {
                attachments.add(AttachmentJson.write(attachment, p.withSelect(null)));
            }
        }
        return node;
    }

    private static String odataType(MessageKind kind) {
        return switch (kind) {
            case NOTE -> TYPE;
            case MEETING_REQUEST -> "microsoft.graph.eventMessageRequest";
            case MEETING_ACCEPTED, MEETING_TENTATIVE, MEETING_DECLINED -> "microsoft.graph.eventMessageResponse";
            case MEETING_CANCELLATION -> "microsoft.graph.eventMessage";
        };
    }

    /** The eventMessage properties of a meeting request, response or cancellation. */
    private static void meeting(ObjectNode node, Message m, Projection p) {
        node.put("meetingMessageType", switch (m.kind) {
            case MEETING_REQUEST -> "meetingRequest";
            case MEETING_CANCELLATION -> "meetingCancelled";
            case MEETING_ACCEPTED -> "meetingAccepted";
            case MEETING_TENTATIVE -> "meetingTenativelyAccepted";
            default -> "meetingDeclined";
        });
        if (m.meetingStart != null && m.meetingEnd != null) {
            node.set("startDateTime", GraphJson.dateTimeTimeZone(m.meetingStart, p.zone()));
            node.set("endDateTime", GraphJson.dateTimeTimeZone(m.meetingEnd, p.zone()));
        }
        if (m.meetingLocation != null) {
            node.set("location", EventJson.location(m.meetingLocation));
        }
        if (m.kind.isMeetingResponse()) {
            node.put("responseType", switch (m.kind) {
                case MEETING_ACCEPTED -> "accepted";
                case MEETING_TENTATIVE -> "tentativelyAccepted";
                default -> "declined";
            });
        }
    }

    static ObjectNode flag(Flag flag) {
        ObjectNode node = GraphJson.NODES.objectNode();
        node.put("flagStatus", GraphJson.camel(flag.status()));
        Preferences.OutputZone utc = Preferences.OutputZone.UTC;
        if (flag.start() != null) {
            node.set("startDateTime", GraphJson.dateTimeTimeZone(flag.start(), utc));
        }
        if (flag.due() != null) {
            node.set("dueDateTime", GraphJson.dateTimeTimeZone(flag.due(), utc));
        }
        if (flag.completed() != null) {
            node.set("completedDateTime", GraphJson.dateTimeTimeZone(flag.completed(), utc));
        }
        return node;
    }

    private static ArrayNode headers(List<InternetHeader> headers) {
        ArrayNode array = GraphJson.NODES.arrayNode();
        for (InternetHeader header : headers) {
            array.addObject().put("name", header.name()).put("value", header.value());
        }
        return array;
    }
}
