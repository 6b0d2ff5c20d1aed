package io.exchangehub.component.msgraph.mapping;

import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.ItemAttachment;
import com.microsoft.graph.models.ReferenceAttachment;
import io.exchangehub.model.Attachment;

/** Graph's attachments as the model's {@link Attachment} metadata. */
public final class AttachmentMapper {

    /** What attachment lists ask Graph for: never {@code contentBytes}, which would bring every file whole. */
    public static final String[] SELECT = {"id", "name", "contentType", "size", "isInline", "lastModifiedDateTime", "contentId"};

    private AttachmentMapper() {}

    /**
     * @param messageId  the message holding the attachment, part of the hub's attachment id
     * @param attachment Graph's attachment
     */
    public static Attachment toModel(String messageId, com.microsoft.graph.models.Attachment attachment) {
        Attachment.Kind kind = attachment instanceof ItemAttachment ? Attachment.Kind.ITEM
                : attachment instanceof ReferenceAttachment ? Attachment.Kind.REFERENCE : Attachment.Kind.FILE;
        String contentId = attachment instanceof FileAttachment file ? file.getContentId() : null;
        String contentType = attachment.getContentType();
        if (contentType == null && kind == Attachment.Kind.ITEM) {
            contentType = "message/rfc822";
        }
        return new Attachment(AttachmentIds.of(messageId, attachment.getId()), attachment.getName(), contentType,
                attachment.getSize() == null ? 0 : attachment.getSize(), Boolean.TRUE.equals(attachment.getIsInline()), contentId,
                kind, attachment.getLastModifiedDateTime() == null ? null : attachment.getLastModifiedDateTime().toInstant());
    }
}
