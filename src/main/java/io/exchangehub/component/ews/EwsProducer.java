package io.exchangehub.component.ews;

import io.exchangehub.component.ews.operations.EwsAttachmentOperations;
import io.exchangehub.component.ews.operations.EwsCalendarOperations;
import io.exchangehub.component.ews.operations.EwsContactOperations;
import io.exchangehub.component.ews.operations.EwsFolderOperations;
import io.exchangehub.component.ews.operations.EwsMessageOperations;
import io.exchangehub.component.ews.operations.EwsMessageSearchOperations;
import io.exchangehub.component.ews.operations.EwsResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Dispatches each exchange to the operation class of its resource; the operation is the
 * {@code CamelEwsOperation} header's, else the endpoint's. The access token header is removed
 * once the call is made, so that it travels no further down the route.
 */
public class EwsProducer extends DefaultProducer {

    public EwsProducer(EwsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public EwsEndpoint getEndpoint() {
        return (EwsEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        EwsOperation operation = operation(exchange);
        // an earlier page's outputs, so that a route paging one exchange by the cursor header ends
        exchange.getMessage().removeHeader(EwsConstants.NEXT_CURSOR);
        exchange.getMessage().removeHeader(EwsConstants.TOTAL_COUNT);
        try {
            EwsResult result = dispatch(operation, new EwsSession(getEndpoint(), exchange));
            Message message = exchange.getMessage();
            message.setBody(result.body());
            result.headers().forEach(message::setHeader);
        } finally {
            exchange.getMessage().removeHeader(EwsConstants.ACCESS_TOKEN);
        }
    }

    private EwsOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(EwsConstants.OPERATION);
        EwsOperation operation;
        if (header == null) {
            operation = getEndpoint().getConfiguration().getOperation();
        } else if (header instanceof EwsOperation given) {
            operation = given;
        } else {
            try {
                operation = EwsOperation.valueOf(header.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown ews: operation '" + header + "'", e);
            }
        }
        if (operation == null) {
            throw new IllegalArgumentException("No ews: operation: set the operation option or the CamelEwsOperation header");
        }
        if (operation.resource() != getEndpoint().getResource()) {
            throw new IllegalArgumentException("The operation " + operation + " is not one of ews:" + getEndpoint().getResource());
        }
        return operation;
    }

    private static EwsResult dispatch(EwsOperation operation, EwsSession session) {
        return switch (operation) {
            case listFolders -> EwsFolderOperations.list(session);
            case getFolder -> EwsFolderOperations.get(session);
            case createFolder -> EwsFolderOperations.create(session);
            case renameFolder -> EwsFolderOperations.rename(session);
            case moveFolder -> EwsFolderOperations.move(session);
            case deleteFolder -> EwsFolderOperations.delete(session);
            case listMessages -> EwsMessageOperations.list(session);
            case searchMessages -> EwsMessageSearchOperations.search(session);
            case getMessage -> EwsMessageOperations.get(session);
            case sendMessage -> EwsMessageOperations.send(session);
            case createDraft -> EwsMessageOperations.createDraft(session);
            case sendDraft -> EwsMessageOperations.sendDraft(session);
            case reply -> EwsMessageOperations.reply(session, false);
            case replyAll -> EwsMessageOperations.reply(session, true);
            case forward -> EwsMessageOperations.forward(session);
            case updateMessage -> EwsMessageOperations.update(session);
            case moveMessage -> EwsMessageOperations.move(session, false);
            case copyMessage -> EwsMessageOperations.move(session, true);
            case deleteMessage -> EwsMessageOperations.delete(session);
            case batchMessages -> EwsMessageOperations.batch(session);
            case listEvents -> EwsCalendarOperations.list(session);
            case getEvent -> EwsCalendarOperations.get(session);
            case createEvent -> EwsCalendarOperations.create(session);
            case updateEvent -> EwsCalendarOperations.update(session);
            case deleteEvent -> EwsCalendarOperations.delete(session);
            case cancelEvent -> EwsCalendarOperations.cancel(session);
            case respondToEvent -> EwsCalendarOperations.respond(session);
            case listContacts -> EwsContactOperations.list(session);
            case searchContacts -> EwsContactOperations.search(session);
            case getContact -> EwsContactOperations.get(session);
            case createContact -> EwsContactOperations.create(session);
            case updateContact -> EwsContactOperations.update(session);
            case deleteContact -> EwsContactOperations.delete(session);
            case listAttachments -> EwsAttachmentOperations.list(session);
            case getAttachment -> EwsAttachmentOperations.get(session);
            case downloadAttachment -> EwsAttachmentOperations.download(session);
            case addAttachment -> EwsAttachmentOperations.add(session);
            case deleteAttachment -> EwsAttachmentOperations.delete(session);
        };
    }
}
