package io.exchangehub.api.backend;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * One call of a mailbox backend as an API route prepares it, before it knows (or cares) which
 * backend serves the mailbox: the resource and operation, named as both components name them, and
 * its parameters. {@link BackendHeaders} turns it into the headers of {@code ews:} or
 * {@code msgraph:}; the request body, a canonical record, is the exchange's body.
 */
public final class MailboxCall {

    /** The exchange property that holds the call. */
    public static final String PROPERTY = "hubMailboxCall";

    /** The parameters a call can have; each is one header of either component. */
    public enum Param {
        FOLDER_ID, ITEM_ID, ATTACHMENT_ID, DESTINATION_FOLDER_ID, DISPLAY_NAME, TOP, CURSOR, SORT, FILTER_UNREAD, FILTER_FROM,
        FILTER_SUBJECT, RECEIVED_AFTER, RECEIVED_BEFORE, QUERY, BODY_TYPE, DELETE_MODE, START, END, TIME_ZONE, COMMENT,
        CHANGE_KEY, PARTICIPANT
    }

    private final String resource;
    private final String operation;
    private final Map<Param, Object> params = new EnumMap<>(Param.class);

    private MailboxCall(String resource, String operation) {
        this.resource = resource;
        this.operation = operation;
    }

    /**
     * Starts a call and keeps it on the exchange.
     *
     * @param resource  {@code folders}, {@code messages}, {@code calendar}, {@code contacts} or {@code attachments}
     * @param operation the operation, as both components name it ({@code listMessages}, …)
     */
    public static MailboxCall start(Exchange exchange, String resource, String operation) {
        MailboxCall call = new MailboxCall(resource, operation);
        exchange.setProperty(PROPERTY, call);
        return call;
    }

    public static MailboxCall of(Exchange exchange) {
        MailboxCall call = exchange.getProperty(PROPERTY, MailboxCall.class);
        if (call == null) {
            throw new IllegalStateException("The route prepared no mailbox call before calling the backend");
        }
        return call;
    }

    /** Sets a parameter; a null value leaves it unset. */
    public MailboxCall with(Param param, Object value) {
        if (value != null) {
            params.put(param, value);
        }
        return this;
    }

    public String resource() {
        return resource;
    }

    public String operation() {
        return operation;
    }

    public Map<Param, Object> params() {
        return Collections.unmodifiableMap(params);
    }
}
