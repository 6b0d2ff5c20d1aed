package io.exchangehub.component.ews.mapper;

import io.exchangehub.component.ews.client.EwsTimes;
import io.exchangehub.model.Attachment;
import java.util.ArrayList;
import java.util.List;
import microsoft.exchange.webservices.data.property.complex.AttachmentCollection;
import microsoft.exchange.webservices.data.property.complex.FileAttachment;
import microsoft.exchange.webservices.data.property.complex.ItemAttachment;

/** EWS attachments (metadata only) as the model's {@link Attachment}. */
public final class AttachmentMapper {

    private AttachmentMapper() {}

    public static Attachment attachment(microsoft.exchange.webservices.data.property.complex.Attachment attachment) {
        Attachment.Kind kind = attachment instanceof ItemAttachment ? Attachment.Kind.ITEM : Attachment.Kind.FILE;
        String contentType = attachment.getContentType();
        if (kind == Attachment.Kind.ITEM && contentType == null) {
            contentType = "message/rfc822";
        }
        Integer size = Values.get(attachment::getSize);
        Boolean inline = Values.get(attachment::getIsInline);
        return new Attachment(attachment.getId(), attachment.getName(), contentType, size == null ? 0 : size,
                Boolean.TRUE.equals(inline), attachment.getContentId(), kind,
                EwsTimes.instant(Values.get(attachment::getLastModifiedTime)));
    }

    public static List<Attachment> attachments(AttachmentCollection collection) {
        List<Attachment> attachments = new ArrayList<>();
        if (collection != null) {
            for (microsoft.exchange.webservices.data.property.complex.Attachment attachment : collection) {
                if (attachment instanceof FileAttachment || attachment instanceof ItemAttachment) {
                    attachments.add(attachment(attachment));
                }
            }
        }
        return List.copyOf(attachments);
    }
}
