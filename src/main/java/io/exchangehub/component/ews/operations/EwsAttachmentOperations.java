package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.ews.EwsSession;
import io.exchangehub.component.ews.client.AttachmentStreams;
import io.exchangehub.component.ews.client.RawSoap;
import io.exchangehub.component.ews.mapper.AttachmentMapper;
import io.exchangehub.model.Attachment;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.NotFoundException;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamReader;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import org.apache.http.client.methods.CloseableHttpResponse;

/**
 * Attachments of a message, event or contact: metadata through ews-java-api, content through the
 * component's streaming SOAP path ({@link AttachmentStreams}) both ways.
 */
public final class EwsAttachmentOperations {

    private static final PropertySet ATTACHMENTS = new PropertySet(BasePropertySet.IdOnly, ItemSchema.Attachments);

    private EwsAttachmentOperations() {}

    public static EwsResult list(EwsSession session) {
        return EwsResult.of(attachments(session, session.required(EwsConstants.ITEM_ID)));
    }

    public static EwsResult get(EwsSession session) {
        String attachmentId = session.required(EwsConstants.ATTACHMENT_ID);
        return EwsResult.of(find(session, session.required(EwsConstants.ITEM_ID), attachmentId));
    }

    /** The content as a stream (the caller closes it), with its type, size and name in headers. */
    public static EwsResult download(EwsSession session) {
        String attachmentId = session.required(EwsConstants.ATTACHMENT_ID);
        AttachmentStreams.Download download = AttachmentStreams.download(session.client(), session.access(),
                session.credentials(), attachmentId, session.config().getStreamingThreshold());
        Attachment metadata = download.metadata();
        Map<String, Object> headers = new java.util.HashMap<>();
        headers.put(EwsConstants.CONTENT_TYPE, metadata.contentType() == null ? "application/octet-stream" : metadata.contentType());
        headers.put(EwsConstants.CONTENT_LENGTH, metadata.size());
        if (metadata.name() != null) {
            headers.put(EwsConstants.FILE_NAME, metadata.name());
        }
        return new EwsResult(download.content(), headers);
    }

    /** Adds a file, streamed from its source; returns the new attachment's metadata. */
    public static EwsResult add(EwsSession session) {
        String itemId = session.required(EwsConstants.ITEM_ID);
        AttachmentUpload upload = session.body(AttachmentUpload.class);
        String attachmentId = AttachmentStreams.upload(session.client(), session.access(), session.credentials(), itemId, upload);
        return EwsResult.of(find(session, itemId, attachmentId));
    }

    public static EwsResult delete(EwsSession session) {
        String attachmentId = session.required(EwsConstants.ATTACHMENT_ID);
        session.client().retrying(attachmentId, () -> {
            try (CloseableHttpResponse response = RawSoap.post(session.client(), session.access(), session.credentials(),
                    "DeleteAttachment", (xml, raw) -> {
                        xml.writeStartElement("m", "DeleteAttachment", RawSoap.MESSAGES);
                        xml.writeStartElement("m", "AttachmentIds", RawSoap.MESSAGES);
                        xml.writeEmptyElement("t", "AttachmentId", RawSoap.TYPES);
                        xml.writeAttribute("Id", attachmentId);
                        xml.writeEndElement();
                        xml.writeEndElement();
                    })) {
                XMLStreamReader xml = RawSoap.reader(response.getEntity().getContent());
                RawSoap.expectSuccess(xml);
                return null;
            }
        });
        return EwsResult.of(null);
    }

    private static List<Attachment> attachments(EwsSession session, String itemId) {
        return session.call(itemId, service -> AttachmentMapper.attachments(Item.bind(service, EwsSession.itemId(itemId),
                ATTACHMENTS).getAttachments()));
    }

    private static Attachment find(EwsSession session, String itemId, String attachmentId) {
        return attachments(session, itemId).stream().filter(a -> attachmentId.equals(a.id())).findFirst()
                .orElseThrow(() -> new NotFoundException("The item has no such attachment", "ErrorAttachmentNotFound",
                        attachmentId));
    }
}
