package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import io.exchangehub.component.msgraph.MsGraphConfiguration;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.client.MsGraphBatch;
import io.exchangehub.component.msgraph.client.MsGraphCall;
import io.exchangehub.component.msgraph.client.MsGraphClient;
import io.exchangehub.component.msgraph.mapping.TimeZones;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.camel.Exchange;

/**
 * One exchange as the operations see it: its headers read with the endpoint's options as
 * defaults, its body, and the Graph call (mailbox and token) it is made for.
 */
public final class MsGraphRequest {

    private final Exchange exchange;
    private final MsGraphConfiguration configuration;
    private final MsGraphClient client;
    private final MsGraphBatch batch;
    private final MsGraphCall call;

    /**
     * @param exchange      the exchange
     * @param configuration the endpoint's options
     * @param client        the endpoint's SDK client
     * @param batch         the endpoint's {@code $batch} sender
     * @param call          the mailbox and token of this exchange
     */
    public MsGraphRequest(Exchange exchange, MsGraphConfiguration configuration, MsGraphClient client, MsGraphBatch batch,
            MsGraphCall call) {
        this.exchange = exchange;
        this.configuration = configuration;
        this.client = client;
        this.batch = batch;
        this.call = call;
    }

    public MsGraphCall call() {
        return call;
    }

    public MsGraphClient client() {
        return client;
    }

    public MsGraphBatch batch() {
        return batch;
    }

    public MsGraphConfiguration configuration() {
        return configuration;
    }

    /** The mailbox's request builder: {@code /users/{upn}}. */
    public UserItemRequestBuilder user(GraphServiceClient graph) {
        return graph.users().byUserId(call.mailbox());
    }

    /** Runs SDK requests for this exchange's mailbox within its bulkhead. */
    public <T> T graph(String id, Function<UserItemRequestBuilder, T> request) {
        return client.call(call, id, graph -> request.apply(user(graph)));
    }

    /** {@link #graph(String, Function)} without a result. */
    public void run(String id, Consumer<UserItemRequestBuilder> request) {
        client.run(call, id, graph -> request.accept(user(graph)));
    }

    public String header(String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    /** A header the operation cannot do without. */
    public String required(String name) {
        String value = header(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The header " + name + " is required for this operation");
        }
        return value;
    }

    public Boolean flag(String name) {
        return exchange.getMessage().getHeader(name, Boolean.class);
    }

    /** An instant header: an {@link Instant}, {@link OffsetDateTime}, {@link Date} or ISO-8601 text. */
    public Instant instant(String name) {
        Object value = exchange.getMessage().getHeader(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        try {
            return OffsetDateTime.parse(value.toString().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("The header " + name + " is not an ISO-8601 date and time.", null, null, e);
        }
    }

    /** The page size: {@code CamelMsGraphTop}, else the endpoint's; Graph takes 1 to 1000. */
    public int top() {
        Integer top = exchange.getMessage().getHeader(MsGraphConstants.TOP, Integer.class);
        int size = top != null ? top : configuration.getPageSize();
        if (size < 1 || size > 1000) {
            throw new InvalidRequestException("The page size must be between 1 and 1000.", null, null);
        }
        return size;
    }

    /** The zone calendar times are told in. */
    public ZoneId zone() {
        String zone = header(MsGraphConstants.TIME_ZONE);
        try {
            return TimeZones.zone(zone != null ? zone : configuration.getTimeZone());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The time zone is not an IANA zone id.", null, null, e);
        }
    }

    /** {@code html} or {@code text}. */
    public String bodyType() {
        String type = header(MsGraphConstants.BODY_TYPE);
        return type != null ? type : configuration.getBodyType();
    }

    /** The body as a model record the operation needs. */
    public <T> T body(Class<T> type) {
        T body = exchange.getMessage().getBody(type);
        if (body == null) {
            throw new IllegalArgumentException("This operation needs a body of type " + type.getSimpleName());
        }
        return body;
    }

    /** The body as text, when there is one. */
    public String bodyText() {
        return exchange.getMessage().getBody(String.class);
    }

    /** How to delete; Graph has no soft delete of its own: both SOFT and HARD are {@code permanentDelete}. */
    public DeleteMode deleteMode() {
        Object mode = exchange.getMessage().getHeader(MsGraphConstants.DELETE_MODE);
        if (mode == null) {
            return DeleteMode.MOVE_TO_DELETED_ITEMS;
        }
        if (mode instanceof DeleteMode given) {
            return given;
        }
        try {
            return DeleteMode.valueOf(mode.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("The delete mode must be MOVE_TO_DELETED_ITEMS, SOFT or HARD.", null, null, e);
        }
    }

    /** The If-Match value for a change key, or null. */
    public String ifMatch() {
        String changeKey = header(MsGraphConstants.CHANGE_KEY);
        if (changeKey == null || changeKey.isBlank()) {
            return null;
        }
        return changeKey.startsWith("W/\"") || changeKey.startsWith("\"") ? changeKey : "W/\"" + changeKey + "\"";
    }
}
