package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Message;

/**
 * New attachments from request XML ({@code t:FileAttachment} with its decoded Content,
 * {@code t:ItemAttachment} with a message), parsed before and added inside a store write.
 *
 * @param name         the attachment's name
 * @param contentType  its MIME type, or null to guess from the name
 * @param contentId    its Content-ID, or null
 * @param inline       whether it is shown in the body
 * @param contactPhoto whether it is a contact's photo
 * @param content      a file attachment's bytes, or null
 * @param item         an item attachment's message, or null
 */
record AttachmentReader(String name, String contentType, String contentId, boolean inline, boolean contactPhoto, Content content,
        ItemReader.Parsed item) {

    static AttachmentReader read(EwsRequest request, XmlIn element) {
        String name = element.childText("Name");
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new EwsError("ErrorRequiredPropertyMissing", "An attachment needs a Name of at most 255 characters.");
        }
        String contentType = element.childText("ContentType");
        String contentId = element.childText("ContentId");
        boolean inline = Xsd.bool(element.child("IsInline"), false);
        switch (element.name()) {
            case "FileAttachment" -> {
                XmlIn contentElement = element.child("Content");
                Content content = contentElement == null ? new BytesContent(new byte[0]) : contentElement.binary();
                return new AttachmentReader(name, contentType, contentId, inline, Xsd.bool(element.child("IsContactPhoto"), false),
                        content, null);
            }
            case "ItemAttachment" -> {
                XmlIn message = element.child("Message");
                if (message == null) {
                    throw new EwsError("ErrorInvalidItemForOperationCreateItemAttachment",
                            "The sandbox attaches messages only; the item attachment has none.");
                }
                return new AttachmentReader(name, contentType, contentId, inline, false, null, ItemReader.read(message));
            }
            default -> throw SoapFault.schema(element, "The element '" + element.name() + "' is not an attachment.");
        }
    }

    /** Adds the attachment to an item; call inside a store write. */
    Attachment addTo(EwsRequest request, Item owner) {
        if (content != null) {
            Attachment added = request.store().addFileAttachment(owner, name, contentType, content, a -> {
                a.inline = inline;
                a.contentId = contentId;
                a.contactPhoto = contactPhoto;
            });
            request.keep(content);
            return added;
        }
        Message attached = request.store().detachedMessage(owner.mailbox, item::applyTo);
        if (item.read() != null) {
            attached.read = item.read();
        }
        return request.store().addItemAttachment(owner, name, attached);
    }
}
