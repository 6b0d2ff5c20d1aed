package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.SandboxStore;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A file attachment ({@code contentBytes} in base64, at most 3 MB as Graph allows in one
 * request) or an item attachment (an embedded message) to add, read before anything is stored.
 *
 * @param name        the file or item name
 * @param contentType the file's MIME type, or null to guess from the name
 * @param bytes       the file's bytes; null for an item attachment
 * @param inline      whether it is shown in the body
 * @param contentId   the Content-ID the body refers to, or null
 * @param item        the embedded message of an item attachment, or null
 */
record AttachmentInput(String name, String contentType, byte[] bytes, boolean inline, String contentId, MessageInput item) {

    /** Graph's limit for an attachment sent in one request; larger ones go through an upload session. */
    static final int MAX_BYTES = 3 * 1024 * 1024;
    /** The longest attachment name the store takes. */
    static final int MAX_NAME = 255;

    private static final Set<String> IGNORED = Set.of("id", "size", "lastModifiedDateTime", "contentLocation");

    static AttachmentInput parse(ObjectNode body) {
        JsonNode typeNode = body.get("@odata.type");
        String type = typeNode == null ? "" : typeNode.asText().replace("#", "").toLowerCase(Locale.ROOT);
        boolean file = type.equals("microsoft.graph.fileattachment");
        if (!file && !type.equals("microsoft.graph.itemattachment")) {
            throw GraphException.bodyRead("An attachment needs '@odata.type' '#microsoft.graph.fileAttachment' or "
                    + "'#microsoft.graph.itemAttachment'.");
        }
        String name = null;
        String contentType = null;
        byte[] bytes = null;
        boolean inline = false;
        String contentId = null;
        MessageInput item = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String property = field.getKey();
            JsonNode value = field.getValue();
            if (JsonIn.isAnnotation(property) || IGNORED.contains(property)) {
                continue;
            }
            switch (property) {
                case "name" -> name = JsonIn.string(value);
                case "contentType" -> contentType = JsonIn.string(value);
                case "isInline" -> inline = JsonIn.bool(value);
                case "contentId" -> contentId = JsonIn.string(value);
                case "contentBytes" -> {
                    if (!file) {
                        throw JsonIn.unknownProperty(property, AttachmentJson.ITEM_TYPE);
                    }
                    bytes = decode(value);
                }
                case "item" -> {
                    if (file) {
                        throw JsonIn.unknownProperty(property, AttachmentJson.FILE_TYPE);
                    }
                    if (!value.isObject() || !value.path("@odata.type").asText().replace("#", "")
                            .equalsIgnoreCase(MessageJson.TYPE)) {
                        throw GraphException.badRequest("ErrorInvalidRequest", "The sandbox attaches messages as items; "
                                + "the item needs '@odata.type' '#microsoft.graph.message'.");
                    }
                    item = MessageInput.parse((ObjectNode) value, true);
                }
                default -> throw JsonIn.unknownProperty(property, file ? AttachmentJson.FILE_TYPE : AttachmentJson.ITEM_TYPE);
            }
        }
        requireName(name);
        if (file && bytes == null) {
            throw GraphException.badRequest("ErrorInvalidRequest", "The file attachment needs contentBytes.");
        }
        if (!file && item == null) {
            throw GraphException.badRequest("ErrorInvalidRequest", "The item attachment needs an item.");
        }
        return new AttachmentInput(name, contentType, bytes, inline, contentId, item);
    }

    /** The store's rule for names, checked before anything is stored: a message must not be left without its attachment. */
    static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw GraphException.badRequest("ErrorInvalidRequest", "The attachment needs a name of at most " + MAX_NAME
                    + " characters.");
        }
    }

    private static byte[] decode(JsonNode value) {
        String text = JsonIn.string(value);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw GraphException.bodyRead("Cannot convert the literal to the expected type 'Edm.Binary'.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new GraphException(413, "RequestEntityTooLarge",
                    "The attachment is larger than 3 MB; attach it through an upload session (createUploadSession).");
        }
        return bytes;
    }

    /** Adds the attachment to an item; inside {@link SandboxStore#write}. */
    Attachment addTo(SandboxStore store, Item owner) {
        if (bytes != null) {
            return store.addFileAttachment(owner, name, contentType, new BytesContent(bytes), a -> {
                a.inline = inline;
                a.contentId = contentId;
            });
        }
        Message embedded = store.detachedMessage(owner.mailbox, m -> {
            m.draft = false;
            m.read = true;
            item.apply(m);
        });
        return store.addItemAttachment(owner, name, embedded);
    }
}
