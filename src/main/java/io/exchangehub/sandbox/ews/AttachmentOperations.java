package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.FileAttachment;
import io.exchangehub.sandbox.store.Item;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * GetAttachment (file contents streamed as base64 after the store lock is released; attached
 * items with their MIME on request), CreateAttachment (contents decoded while the request
 * streams in), DeleteAttachment.
 */
final class AttachmentOperations {

    private AttachmentOperations() {}

    @Component
    static final class GetAttachment implements EwsOperation {
        @Override
        public String name() {
            return "GetAttachment";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            Shape shape = Shape.parse(request.operation().child("AttachmentShape"));
            Shape itemShape = shape.base() == Shape.Base.ID_ONLY ? new Shape(Shape.Base.ALL, shape.additional(), shape.bodyType(),
                    shape.includeMime()) : shape;
            List<XmlIn> ids = request.operation().require("AttachmentIds").children();
            return request.store().read(() -> Responses.each(name(), ids, (id, message) -> {
                Attachment attachment = Ids.attachment(request, id);
                message.child("m:Attachments").add(AttachmentXml.full(request, attachment, itemShape));
            }, Responses.empty("m:Attachments")));
        }
    }

    @Component
    static final class CreateAttachment implements EwsOperation {
        @Override
        public String name() {
            return "CreateAttachment";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn parentId = request.operation().require("ParentItemId");
            List<AttachmentReader> attachments = new ArrayList<>();
            List<EwsError> errors = new ArrayList<>();
            for (XmlIn element : request.operation().require("Attachments").children()) {
                try {
                    attachments.add(AttachmentReader.read(request, element));
                    errors.add(null);
                } catch (EwsError e) {
                    attachments.add(null);
                    errors.add(e);
                }
            }
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < attachments.size(); i++) {
                positions.add(i);
            }
            return Responses.each(name(), positions, (position, message) -> {
                if (errors.get(position) != null) {
                    throw errors.get(position);
                }
                request.store().write(() -> {
                    Item owner = Ids.target(request, parentId).stored();
                    Attachment created = attachments.get(position).addTo(request, owner);
                    message.child("m:Attachments").child(created instanceof FileAttachment
                            ? "t:FileAttachment" : "t:ItemAttachment").child("t:AttachmentId").attr("Id", created.id)
                            .attr("RootItemId", owner.id).attr("RootItemChangeKey", owner.changeKey());
                });
            }, Responses.empty("m:Attachments"));
        }
    }

    @Component
    static final class DeleteAttachment implements EwsOperation {
        @Override
        public String name() {
            return "DeleteAttachment";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            List<XmlIn> ids = request.operation().require("AttachmentIds").children();
            return Responses.each(name(), ids, (id, message) -> request.store().write(() -> {
                Attachment attachment = Ids.attachment(request, id);
                Item owner = attachment.owner;
                request.store().removeAttachment(attachment);
                message.child("m:RootItemId").attr("RootItemId", owner.id).attr("RootItemChangeKey", owner.changeKey());
            }), null);
        }
    }
}
