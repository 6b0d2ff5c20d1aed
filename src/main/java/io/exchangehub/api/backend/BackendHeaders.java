package io.exchangehub.api.backend;

import io.exchangehub.api.backend.MailboxCall.Param;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.msgraph.MsGraphConstants;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The bean {@code backendHeaders}: writes a {@link MailboxCall} as the headers of the component
 * that serves the mailbox. The two components take the same parameters under their own prefixes;
 * this is the one place that knows both sets of names.
 */
public final class BackendHeaders {

    /** How each component names what the API's routes set. */
    public record Names(String prefix, String operation, String mailbox, Map<Param, String> params, String contentType,
            String contentLength, String fileName) {}

    static final Names EWS = new Names("CamelEws", EwsConstants.OPERATION, EwsConstants.MAILBOX, params(
            EwsConstants.FOLDER_ID, EwsConstants.ITEM_ID, EwsConstants.ATTACHMENT_ID, EwsConstants.DESTINATION_FOLDER_ID,
            EwsConstants.DISPLAY_NAME, EwsConstants.TOP, EwsConstants.CURSOR, EwsConstants.SORT, EwsConstants.FILTER_UNREAD,
            EwsConstants.FILTER_FROM, EwsConstants.FILTER_SUBJECT, EwsConstants.RECEIVED_AFTER, EwsConstants.RECEIVED_BEFORE,
            EwsConstants.QUERY, EwsConstants.BODY_TYPE, EwsConstants.DELETE_MODE, EwsConstants.START, EwsConstants.END,
            EwsConstants.TIME_ZONE, EwsConstants.COMMENT, EwsConstants.CHANGE_KEY, EwsConstants.PARTICIPANT),
            EwsConstants.CONTENT_TYPE, EwsConstants.CONTENT_LENGTH, EwsConstants.FILE_NAME);

    static final Names MS_GRAPH = new Names("CamelMsGraph", MsGraphConstants.OPERATION, MsGraphConstants.MAILBOX, params(
            MsGraphConstants.FOLDER_ID, MsGraphConstants.ITEM_ID, MsGraphConstants.ATTACHMENT_ID,
            MsGraphConstants.DESTINATION_FOLDER_ID, MsGraphConstants.DISPLAY_NAME, MsGraphConstants.TOP, MsGraphConstants.CURSOR,
            MsGraphConstants.SORT, MsGraphConstants.FILTER_UNREAD, MsGraphConstants.FILTER_FROM, MsGraphConstants.FILTER_SUBJECT,
            MsGraphConstants.RECEIVED_AFTER, MsGraphConstants.RECEIVED_BEFORE, MsGraphConstants.QUERY, MsGraphConstants.BODY_TYPE,
            MsGraphConstants.DELETE_MODE, MsGraphConstants.START, MsGraphConstants.END, MsGraphConstants.TIME_ZONE,
            MsGraphConstants.COMMENT, MsGraphConstants.CHANGE_KEY, MsGraphConstants.PARTICIPANT),
            MsGraphConstants.CONTENT_TYPE, MsGraphConstants.CONTENT_LENGTH, MsGraphConstants.FILE_NAME);

    /** Sets the {@code CamelEws…} headers of the exchange's call. */
    public void ews(Exchange exchange) {
        apply(exchange, EWS);
    }

    /** Sets the {@code CamelMsGraph…} headers of the exchange's call. */
    public void msGraph(Exchange exchange) {
        apply(exchange, MS_GRAPH);
    }

    /** The names of the component that served the exchange's mailbox, to read its answer's headers. */
    public static Names of(Exchange exchange) {
        return MailboxRef.of(exchange).backend() == HubId.Backend.EWS ? EWS : MS_GRAPH;
    }

    private static void apply(Exchange exchange, Names names) {
        MailboxCall call = MailboxCall.of(exchange);
        Message message = exchange.getMessage();
        // a route may call the backend more than once: nothing of an earlier call may carry over
        // (the delegated token is set after this, right before the call)
        message.removeHeaders(names.prefix() + "*");
        message.setHeader(names.operation(), call.operation());
        message.setHeader(names.mailbox(), MailboxRef.of(exchange).address());
        call.params().forEach((param, value) -> message.setHeader(names.params().get(param), value));
    }

    /** The header names, in the order of {@link Param}. */
    private static Map<Param, String> params(String... names) {
        Param[] params = Param.values();
        if (names.length != params.length) {
            throw new IllegalStateException("Every parameter needs a header name");
        }
        Map<Param, String> map = new EnumMap<>(Param.class);
        for (int i = 0; i < params.length; i++) {
            map.put(params[i], names[i]);
        }
        return map;
    }
}
