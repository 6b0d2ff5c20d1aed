package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.Flag;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.InternetHeader;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A message body of a create, update or send request, read completely before anything is
 * applied: the property changes, the read state (a change of its own in the journal), and the
 * attachments of a new message. Properties Graph lets only drafts change are marked so that an
 * update of a sent or received message can be refused before it touches the store.
 *
 * @param changes     what to do to the message
 * @param read        the new read state, or null
 * @param draftOnly   the first property that only a draft may change, or null
 * @param attachments file and item attachments to add (new messages only)
 */
record MessageInput(List<Consumer<Message>> changes, Boolean read, String draftOnly, List<AttachmentInput> attachments) {

    private static final Set<String> READ_ONLY = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime",
            "receivedDateTime", "sentDateTime", "hasAttachments", "bodyPreview", "parentFolderId", "conversationId",
            "conversationIndex", "isDraft", "webLink", "uniqueBody", "inferenceClassification");
    private static final Set<String> DRAFT_ONLY = Set.of("subject", "body", "toRecipients", "ccRecipients", "bccRecipients",
            "replyTo", "from", "sender", "internetMessageHeaders", "internetMessageId", "isDeliveryReceiptRequested");

    /**
     * @param creating whether the message is new (attachments and headers allowed)
     */
    static MessageInput parse(ObjectNode body, boolean creating) {
        List<Consumer<Message>> changes = new ArrayList<>();
        List<AttachmentInput> attachments = new ArrayList<>();
        Boolean read = null;
        String draftOnly = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (JsonIn.isAnnotation(name) || READ_ONLY.contains(name)) {
                continue;
            }
            if (!MessageJson.PROPERTIES.contains(name)) {
                throw JsonIn.unknownProperty(name, MessageJson.TYPE);
            }
            if (draftOnly == null && DRAFT_ONLY.contains(name)) {
                draftOnly = name;
            }
            switch (name) {
                case "subject" -> {
                    String subject = JsonIn.string(value);
                    changes.add(m -> m.subject = subject == null ? "" : subject);
                }
                case "body" -> {
                    Body newBody = JsonIn.body(value);
                    changes.add(m -> m.body(newBody));
                }
                case "toRecipients" -> {
                    List<Recipient> to = JsonIn.recipients(value);
                    changes.add(m -> m.to = new ArrayList<>(to));
                }
                case "ccRecipients" -> {
                    List<Recipient> cc = JsonIn.recipients(value);
                    changes.add(m -> m.cc = new ArrayList<>(cc));
                }
                case "bccRecipients" -> {
                    List<Recipient> bcc = JsonIn.recipients(value);
                    changes.add(m -> m.bcc = new ArrayList<>(bcc));
                }
                case "replyTo" -> {
                    List<Recipient> replyTo = JsonIn.recipients(value);
                    changes.add(m -> m.replyTo = new ArrayList<>(replyTo));
                }
                case "from" -> {
                    Recipient from = value.isNull() ? null : JsonIn.recipient(value);
                    changes.add(m -> m.from = from);
                }
                case "sender" -> {
                    Recipient sender = value.isNull() ? null : JsonIn.recipient(value);
                    changes.add(m -> m.sender = sender);
                }
                case "importance" -> {
                    Importance importance = JsonIn.enumeration(value, Importance.class, "microsoft.graph.importance");
                    changes.add(m -> m.importance = importance);
                }
                case "isRead" -> read = JsonIn.bool(value);
                case "isReadReceiptRequested" -> {
                    boolean requested = JsonIn.bool(value);
                    changes.add(m -> m.readReceiptRequested = requested);
                }
                case "isDeliveryReceiptRequested" -> {
                    boolean requested = JsonIn.bool(value);
                    changes.add(m -> m.deliveryReceiptRequested = requested);
                }
                case "categories" -> {
                    List<String> categories = JsonIn.strings(value);
                    changes.add(m -> m.categories = categories);
                }
                case "flag" -> {
                    Flag flag = flag(value);
                    changes.add(m -> m.flag = flag);
                }
                case "internetMessageId" -> {
                    String id = JsonIn.string(value);
                    requireCreating(creating, name);
                    changes.add(m -> m.internetMessageId = id);
                }
                case "internetMessageHeaders" -> {
                    requireCreating(creating, name);
                    List<InternetHeader> headers = headers(value);
                    changes.add(m -> m.headers = new ArrayList<>(headers));
                }
                case "attachments" -> {
                    requireCreating(creating, name);
                    if (!value.isArray()) {
                        throw GraphException.bodyRead("Cannot convert the literal to the expected type "
                                + "'Collection(microsoft.graph.attachment)'.");
                    }
                    for (JsonNode attachment : value) {
                        if (!attachment.isObject()) {
                            throw GraphException.bodyRead("An attachment must be a JSON object.");
                        }
                        attachments.add(AttachmentInput.parse((ObjectNode) attachment));
                    }
                }
                default -> throw GraphException.bodyRead("The property '" + name + "' cannot be set on a message.");
            }
        }
        return new MessageInput(List.copyOf(changes), read, draftOnly, List.copyOf(attachments));
    }

    private static void requireCreating(boolean creating, String name) {
        if (!creating) {
            throw GraphException.badRequest("ErrorInvalidPropertyUpdateSentMessage",
                    "The property '" + name + "' can only be set when the message is created.");
        }
    }

    static Flag flag(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw GraphException.bodyRead("Cannot convert the literal to the expected type 'microsoft.graph.followupFlag'.");
        }
        Flag.Status status = Flag.Status.NOT_FLAGGED;
        Instant start = null;
        Instant due = null;
        Instant completed = null;
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "flagStatus" -> status = JsonIn.enumeration(field.getValue(), Flag.Status.class,
                        "microsoft.graph.followupFlagStatus");
                case "startDateTime" -> start = field.getValue().isNull() ? null : JsonIn.dateTimeTimeZone(field.getValue()).toInstant();
                case "dueDateTime" -> due = field.getValue().isNull() ? null : JsonIn.dateTimeTimeZone(field.getValue()).toInstant();
                case "completedDateTime" -> completed = field.getValue().isNull() ? null
                        : JsonIn.dateTimeTimeZone(field.getValue()).toInstant();
                default -> {
                    if (!JsonIn.isAnnotation(field.getKey())) {
                        throw JsonIn.unknownProperty(field.getKey(), "microsoft.graph.followupFlag");
                    }
                }
            }
        }
        return new Flag(status, start, due, status == Flag.Status.COMPLETE ? completed : null);
    }

    private static List<InternetHeader> headers(JsonNode value) {
        if (!value.isArray()) {
            throw GraphException.bodyRead("Cannot convert the literal to the expected type "
                    + "'Collection(microsoft.graph.internetMessageHeader)'.");
        }
        List<InternetHeader> headers = new ArrayList<>();
        for (JsonNode header : value) {
            String name = JsonIn.requiredString(header.get("name"), "name");
            if (!name.regionMatches(true, 0, "x-", 0, 2)) {
                throw GraphException.badRequest("InvalidInternetMessageHeader",
                        "The internet message header name '" + name + "' should start with 'x-' or 'X-'.");
            }
            headers.add(new InternetHeader(name, JsonIn.string(header.get("value"))));
        }
        return headers;
    }

    /** Applies the property changes (not the read state or attachments). */
    void apply(Message message) {
        changes.forEach(change -> change.accept(message));
    }
}
