package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.FileAttachment;
import io.exchangehub.sandbox.store.ItemAttachment;

/** Attachments in EWS XML: summaries inside items, and whole attachments for GetAttachment. */
final class AttachmentXml {

    private AttachmentXml() {}

    /**
     * An attachment's AttachmentType part (id, name, type, size, …), in schema order, without its content.
     *
     * @param request the request, for its version
     */
    static XmlOut summary(EwsRequest request, Attachment attachment) {
        boolean file = attachment instanceof FileAttachment;
        XmlOut element = XmlOut.t(file ? "FileAttachment" : "ItemAttachment");
        element.child("t:AttachmentId").attr("Id", attachment.id);
        element.el("t:Name", attachment.name);
        element.el("t:ContentType", attachment.contentType);
        element.el("t:ContentId", attachment.contentId);
        element.el("t:ContentLocation", attachment.contentLocation);
        if (request.atLeast(EwsVersion.Exchange2010)) {
            element.el("t:Size", (int) Math.min(Integer.MAX_VALUE, attachment.size()));
            element.el("t:LastModifiedTime", Xsd.dateTime(attachment.lastModified));
            element.el("t:IsInline", Xsd.bool(attachment.inline));
            if (attachment instanceof FileAttachment fileAttachment) {
                element.el("t:IsContactPhoto", Xsd.bool(fileAttachment.contactPhoto));
            }
        }
        return element;
    }

    /** A whole attachment: a file with its base64 Content (streamed when written), or an item with the item. */
    static XmlOut full(EwsRequest request, Attachment attachment, Shape shape) {
        XmlOut element = summary(request, attachment);
        if (attachment instanceof FileAttachment file) {
            element.child("t:Content").binary(file.content);
        } else {
            ItemAttachment itemAttachment = (ItemAttachment) attachment;
            element.add(ItemXml.render(new ItemXml.Context(request, shape, false), new ItemXml.View(itemAttachment.item, null)));
        }
        return element;
    }
}
