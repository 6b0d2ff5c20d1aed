package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.FileAttachment;
import io.exchangehub.sandbox.store.ItemAttachment;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Occurrence;
import java.util.Set;

/** {@code microsoft.graph.fileAttachment} and {@code microsoft.graph.itemAttachment}. */
final class AttachmentJson {

    static final String TYPE = "microsoft.graph.attachment";
    static final String FILE_TYPE = "microsoft.graph.fileAttachment";
    static final String ITEM_TYPE = "microsoft.graph.itemAttachment";

    /** Every property of attachment and its file and item kinds in v1.0. */
    static final Set<String> PROPERTIES = Set.of("id", "contentType", "isInline", "lastModifiedDateTime", "name", "size",
            "contentBytes", "contentId", "contentLocation", "item");

    private AttachmentJson() {}

    static ObjectNode write(Attachment attachment, Projection p) {
        ObjectNode node = GraphJson.NODES.objectNode();
        boolean file = attachment instanceof FileAttachment;
        node.put("@odata.type", "#" + (file ? FILE_TYPE : ITEM_TYPE));
        if (file && p.select() == null) {
            node.put("@odata.mediaContentType", attachment.contentType);
        }
        node.put("id", attachment.id);
        if (p.wants("lastModifiedDateTime")) {
            node.put("lastModifiedDateTime", GraphJson.instant(attachment.lastModified));
        }
        if (p.wants("name")) {
            node.put("name", attachment.name);
        }
        if (p.wants("contentType")) {
            node.put("contentType", attachment.contentType);
        }
        if (p.wants("size")) {
            node.put("size", attachment.size());
        }
        if (p.wants("isInline")) {
            node.put("isInline", attachment.inline);
        }
        if (attachment instanceof FileAttachment fileAttachment) {
            if (p.wants("contentId")) {
                node.put("contentId", attachment.contentId);
            }
            if (p.wants("contentLocation")) {
                node.put("contentLocation", attachment.contentLocation);
            }
            if (p.wants("contentBytes")) {
                node.set("contentBytes", new POJONode(new ContentBytes(fileAttachment.content)));
            }
        } else if (p.expandItem()) {
            node.set("item", item(((ItemAttachment) attachment).item));
        }
        return node;
    }

    private static ObjectNode item(io.exchangehub.sandbox.store.Item item) {
        Projection typed = Projection.DEFAULT.typed();
        if (item instanceof Message message) {
            return MessageJson.write(message, typed);
        }
        if (item instanceof CalendarEvent event) {
            return EventJson.write(new Occurrence(event, 0, event.start, event.start, event.end, null), true, typed);
        }
        return ContactJson.write((Contact) item, typed);
    }
}
