package io.exchangehub.component.msgraph;

import io.exchangehub.component.msgraph.operations.AttachmentOperations;
import io.exchangehub.component.msgraph.operations.CalendarOperations;
import io.exchangehub.component.msgraph.operations.ContactOperations;
import io.exchangehub.component.msgraph.operations.FolderOperations;
import io.exchangehub.component.msgraph.operations.MessageOperations;
import io.exchangehub.component.msgraph.operations.MsGraphRequest;
import io.exchangehub.component.msgraph.operations.MsGraphResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/** Runs the exchange's operation: it only picks the operation and dispatches to the class of its resource. */
public class MsGraphProducer extends DefaultProducer {

    private final FolderOperations folders = new FolderOperations();
    private final AttachmentOperations attachments = new AttachmentOperations();
    private final MessageOperations messages = new MessageOperations(attachments);
    private final CalendarOperations calendar = new CalendarOperations();
    private final ContactOperations contacts = new ContactOperations();

    public MsGraphProducer(MsGraphEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MsGraphEndpoint getEndpoint() {
        return (MsGraphEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        MsGraphOperation operation = operation(exchange);
        MsGraphRequest request = getEndpoint().request(exchange);
        MsGraphResponse response = switch (operation.resource()) {
            case folders -> folders.process(operation, request);
            case messages -> messages.process(operation, request);
            case calendar -> calendar.process(operation, request);
            case contacts -> contacts.process(operation, request);
            case attachments -> attachments.process(operation, request);
            case notifications -> throw new IllegalArgumentException("notifications has no producer operations");
        };
        Message message = exchange.getMessage();
        // the token has done its work: it travels no further down the route
        message.removeHeader(MsGraphConstants.ACCESS_TOKEN);
        // a page's cursor and count are absent on purpose on the last page: an earlier page's must not stay on the message
        message.removeHeader(MsGraphConstants.NEXT_CURSOR);
        message.removeHeader(MsGraphConstants.TOTAL_COUNT);
        message.setBody(response.body());
        response.headers().forEach(message::setHeader);
    }

    /** The header's operation, else the endpoint's; it must belong to the endpoint's resource. */
    private MsGraphOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(MsGraphConstants.OPERATION);
        MsGraphOperation operation = header instanceof MsGraphOperation given ? given
                : header != null ? MsGraphOperation.valueOf(header.toString().strip()) : null;
        if (operation == null) {
            operation = getEndpoint().getConfiguration().getOperation();
        }
        if (operation == null) {
            throw new IllegalArgumentException("No operation: set the endpoint's operation or the header " + MsGraphConstants.OPERATION);
        }
        MsGraphResource resource = getEndpoint().getConfiguration().getResource();
        if (operation.resource() != resource) {
            throw new IllegalArgumentException("The operation " + operation + " is not an operation of msgraph:" + resource);
        }
        return operation;
    }
}
