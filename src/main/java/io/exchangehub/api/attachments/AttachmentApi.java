package io.exchangehub.api.attachments;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.ApiRequest;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.backend.MailboxCall;
import io.exchangehub.api.backend.MailboxCall.Param;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mail.MailJson;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.Attachment;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The bean {@code attachmentApi}: the attachment metadata operations of
 * {@code routes/attachments.camel.yaml} (list, get, delete) and the answer of an upload. A public
 * attachment id names its message too ({@link MailboxRef#attachmentId}), so every operation on one
 * attachment gives the backend both.
 */
public final class AttachmentApi {

    private static final String MESSAGE = "hubAttachmentMessage";

    private final ApiResponses responses;

    public AttachmentApi(ApiResponses responses) {
        this.responses = responses;
    }

    public void listAttachments(Exchange exchange) {
        String messageId = MailboxRef.of(exchange).read(ApiRequest.path(exchange, "messageId"), HubId.Kind.MESSAGE).nativeId();
        exchange.setProperty(MESSAGE, messageId);
        MailboxCall.start(exchange, "attachments", "listAttachments").with(Param.ITEM_ID, messageId);
    }

    public void getAttachment(Exchange exchange) {
        start(exchange, "getAttachment");
    }

    public void deleteAttachment(Exchange exchange) {
        start(exchange, "deleteAttachment");
    }

    /** Answers {@code GET /mail/messages/{id}/attachments}: every attachment, inline ones flagged {@code isInline}. */
    @SuppressWarnings("unchecked")
    public void attachments(Exchange exchange) {
        MailboxRef mailbox = MailboxRef.of(exchange);
        String messageId = exchange.getProperty(MESSAGE, String.class);
        List<Attachment> attachments = exchange.getMessage().getBody(List.class);
        responses.ok(exchange, Map.of("items", attachments.stream().map(a -> MailJson.attachment(a, messageId, mailbox)).toList()));
    }

    /** Answers {@code GET /attachments/{id}}. */
    public void attachment(Exchange exchange) {
        responses.ok(exchange, json(exchange));
    }

    /** Answers an upload: 201, where the new attachment is, and what it is. */
    public void created(Exchange exchange) {
        MailJson.AttachmentJson attachment = json(exchange);
        responses.created(exchange, attachment, "/attachments/" + attachment.id());
    }

    private static MailJson.AttachmentJson json(Exchange exchange) {
        return MailJson.attachment(exchange.getMessage().getBody(Attachment.class), exchange.getProperty(MESSAGE, String.class),
                MailboxRef.of(exchange));
    }

    /** Starts a call on the attachment the path names; remembers its message for the answer. */
    static HubId start(Exchange exchange, String operation) {
        HubId id = attachmentId(exchange);
        exchange.setProperty(MESSAGE, id.parentId());
        MailboxCall.start(exchange, "attachments", operation).with(Param.ITEM_ID, id.parentId())
                .with(Param.ATTACHMENT_ID, id.nativeId());
        return id;
    }

    /** The attachment the path names; one without its message is not an id the hub gave out. */
    static HubId attachmentId(Exchange exchange) {
        HubId id = MailboxRef.of(exchange).read(ApiRequest.path(exchange, "attachmentId"), HubId.Kind.ATTACHMENT);
        if (id.parentId() == null) {
            throw ApiException.invalid("/path/attachmentId", "The attachment id is malformed.");
        }
        return id;
    }

    /** Remembers the message an upload goes to, for {@link #created}. */
    static void uploadingTo(Exchange exchange, String messageId) {
        exchange.setProperty(MESSAGE, messageId);
    }
}
