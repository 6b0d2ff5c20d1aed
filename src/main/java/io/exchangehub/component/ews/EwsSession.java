package io.exchangehub.component.ews;

import io.exchangehub.component.ews.client.EwsAccess;
import io.exchangehub.component.ews.client.EwsCall;
import io.exchangehub.component.ews.client.DistinguishedFolders;
import io.exchangehub.component.ews.client.EwsClient;
import io.exchangehub.model.InvalidRequestException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One exchange's work with EWS, as the operation classes see it: the mailbox and credentials it
 * acts with, its headers read with the endpoint's options as defaults, and calls through the
 * endpoint's {@link EwsClient}.
 */
public final class EwsSession {

    /** The distinguished folder names the headers accept, lower-case as EWS spells them. */
    private static final Map<String, WellKnownFolderName> WELL_KNOWN = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (WellKnownFolderName name : WellKnownFolderName.values()) {
            WELL_KNOWN.put(name.name(), name);
        }
    }

    private final EwsEndpoint endpoint;
    private final Exchange exchange;
    private final EwsAccess access;

    EwsSession(EwsEndpoint endpoint, Exchange exchange) {
        this.endpoint = endpoint;
        this.exchange = exchange;
        this.access = endpoint.access(exchange);
    }

    public EwsConfiguration config() {
        return endpoint.getConfiguration();
    }

    public Message message() {
        return exchange.getMessage();
    }

    public String mailbox() {
        return access.mailbox();
    }

    public EwsAccess access() {
        return access;
    }

    public EwsClient client() {
        return endpoint.getClient();
    }

    public ExchangeCredentials credentials() {
        return endpoint.credentials();
    }

    /** Runs one call with a leased service; failures become the model's exceptions. */
    public <T> T call(String id, EwsCall<T> call) {
        return endpoint.getClient().call(access, endpoint.credentials(), id, call);
    }

    public <T> T header(String name, Class<T> type) {
        return exchange.getMessage().getHeader(name, type);
    }

    public <T> T header(String name, T defaultValue, Class<T> type) {
        T value = exchange.getMessage().getHeader(name, type);
        return value == null ? defaultValue : value;
    }

    /** A header the operation cannot do without. */
    public String required(String name) {
        String value = exchange.getMessage().getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("The header " + name + " is required", null, null);
        }
        return value;
    }

    /** The body as the type the operation takes. */
    public <T> T body(Class<T> type) {
        T body = exchange.getMessage().getBody(type);
        if (body == null) {
            throw new InvalidRequestException("The body must be a " + type.getSimpleName(), null, null);
        }
        return body;
    }

    /**
     * A folder of the mailbox by id, or by well-known name ({@code inbox}, {@code calendar}, …) in the
     * session's mailbox. The names ews-java-api lacks ({@code archive}, {@code conversationhistory}, …)
     * are looked up once per mailbox over the component's own SOAP path and given as the folder's id.
     */
    public FolderId folder(String idOrName) {
        String name = idOrName == null ? null : idOrName.strip().toLowerCase(Locale.ROOT);
        if (name != null && DistinguishedFolders.BEYOND_EWS_JAVA_API.contains(name)) {
            return byId(client().distinguishedId(access, credentials(), access.mailbox(), name));
        }
        return folder(access.mailbox(), idOrName);
    }

    /** A folder of a mailbox by id, or by a well-known name of ews-java-api's {@link WellKnownFolderName}. */
    public static FolderId folder(String mailbox, String idOrName) {
        WellKnownFolderName wellKnown = WELL_KNOWN.get(idOrName);
        if (wellKnown != null) {
            return new FolderId(wellKnown, new Mailbox(mailbox));
        }
        return byId(idOrName);
    }

    private static FolderId byId(String id) {
        try {
            return new FolderId(id);
        } catch (Exception e) {
            throw new InvalidRequestException("The folder id is not valid", null, id, e);
        }
    }

    /** The folder header, or a default well-known folder. */
    public FolderId folderOf(String header, String defaultName) {
        String value = header(header, String.class);
        return folder(value == null || value.isBlank() ? defaultName : value);
    }

    public static ItemId itemId(String id) {
        try {
            return new ItemId(id);
        } catch (Exception e) {
            throw new InvalidRequestException("The id is not valid", null, id, e);
        }
    }

    /** The time zone of calendar times: the header's, else the endpoint's. */
    public ZoneId zone() {
        String zone = header(EwsConstants.TIME_ZONE, config().getTimeZone(), String.class);
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new InvalidRequestException("Unknown time zone '" + zone + "'; use an IANA zone such as Europe/Berlin", null,
                    null, e);
        }
    }
}
