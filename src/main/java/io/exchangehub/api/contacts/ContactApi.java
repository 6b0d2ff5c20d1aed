package io.exchangehub.api.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.ApiException;
import io.exchangehub.api.ApiRequest;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.ItemLocations;
import io.exchangehub.api.backend.MailboxCall;
import io.exchangehub.api.backend.MailboxCall.Param;
import io.exchangehub.api.http.Etags;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mail.MailRequests;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.Contact;
import io.exchangehub.model.Page;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The bean {@code contactApi}: the contact operations of {@code routes/contacts.camel.yaml}, each a
 * step that prepares the backend call and a step that answers from its result.
 *
 * <p>{@code GET /contacts} is a page of the mailbox's Contacts folder, or with {@code q} its
 * contacts that match: one page of at most {@code top}, in the backend's order, without a next page.
 * The backends search differently (EWS: words of any of the contact's fields, and names; Graph:
 * the start of a name or an address), and neither pages a search.
 */
public final class ContactApi {

    private static final int DEFAULT_TOP = 50;
    private static final String CHANGES = "hubContactChanges";
    private static final String VERSION = "hubContactVersion";

    private final ObjectMapper json;
    private final ApiResponses responses;

    public ContactApi(ObjectMapper json, ApiResponses responses) {
        this.json = json;
        this.responses = responses;
    }

    public void listContacts(Exchange exchange) {
        String query = ApiRequest.query(exchange, "q");
        String cursor = ApiRequest.query(exchange, "cursor");
        Integer top = ApiRequest.queryInt(exchange, "top", DEFAULT_TOP);
        if (query == null) {
            MailboxCall.start(exchange, "contacts", "listContacts").with(Param.TOP, top).with(Param.CURSOR, cursor);
            return;
        }
        if (cursor != null) {
            throw ApiException.invalid("/query/cursor", "A search has one page: it takes no cursor.");
        }
        if (query.isBlank()) {
            throw ApiException.invalid("/query/q", "A search needs something to look for.");
        }
        MailboxCall.start(exchange, "contacts", "searchContacts").with(Param.QUERY, query).with(Param.TOP, top);
    }

    public void getContact(Exchange exchange) {
        MailboxCall.start(exchange, "contacts", "getContact").with(Param.ITEM_ID, contactId(exchange));
    }

    public void createContact(Exchange exchange) {
        ContactJson.ContactInput input = ApiRequest.body(exchange, json, ContactJson.ContactInput.class);
        exchange.getMessage().setBody(input.toModel(MailboxRef.of(exchange).backend()));
        MailboxCall.start(exchange, "contacts", "createContact");
    }

    /**
     * The first step of a {@code PATCH}: the contact is read first, so that {@link #updateAfterRead}
     * can keep what the change does not replace.
     */
    public void updateContact(Exchange exchange) {
        ContactJson.ContactInput input = ApiRequest.body(exchange, json, ContactJson.ContactInput.class);
        exchange.setProperty(CHANGES, input.toModel(MailboxRef.of(exchange).backend()));
        exchange.setProperty(VERSION, ApiRequest.ifMatchVersion(exchange));
        MailboxCall.start(exchange, "contacts", "getContact").with(Param.ITEM_ID, contactId(exchange));
    }

    /**
     * Prepares the change on the contact as it is. Phones replace those of their kind and e-mail
     * addresses the first ones, in order; the rest stay. That is what EWS does with what it is
     * given (it keeps one number per kind and three numbered addresses), while Graph replaces its
     * lists whole: the kept entries are sent along, so that both end with the same contact.
     */
    public void updateAfterRead(Exchange exchange) {
        Contact current = exchange.getMessage().getBody(Contact.class);
        Contact changes = exchange.getProperty(CHANGES, Contact.class);
        exchange.getMessage().setBody(ContactChanges.keepingUnreplaced(changes, current));
        MailboxCall.start(exchange, "contacts", "updateContact").with(Param.ITEM_ID, current.id())
                .with(Param.CHANGE_KEY, exchange.getProperty(VERSION, String.class));
    }

    public void deleteContact(Exchange exchange) {
        MailboxCall.start(exchange, "contacts", "deleteContact").with(Param.ITEM_ID, contactId(exchange))
                .with(Param.DELETE_MODE, MailRequests.deleteMode(ApiRequest.query(exchange, "mode")));
    }

    /**
     * Answers {@code GET /contacts}: a page of the folder, or a search's matches. A search may also
     * find people of the organisation's directory (EWS resolves names there too); they are no
     * contact of the mailbox (no id to read, change or delete) and are left out.
     */
    @SuppressWarnings("unchecked")
    public void page(Exchange exchange) {
        MailboxRef mailbox = MailboxRef.of(exchange);
        Object body = exchange.getMessage().getBody();
        Page<Contact> page = body instanceof Page<?> p ? (Page<Contact>) p : new Page<>((List<Contact>) body, null, null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page.items().stream().filter(contact -> contact.id() != null)
                .map(contact -> ContactJson.contact(contact, mailbox)).toList());
        answer.put("nextCursor", page.nextCursor());
        answer.put("totalCount", page.totalCount());
        responses.ok(exchange, answer);
    }

    /** Answers with one contact (get, update). */
    public void contact(Exchange exchange) {
        Contact contact = exchange.getMessage().getBody(Contact.class);
        responses.ok(exchange, ContactJson.contact(contact, MailboxRef.of(exchange)), etag(contact));
    }

    /** Answers {@code POST /contacts}. */
    public void created(Exchange exchange) {
        Contact contact = exchange.getMessage().getBody(Contact.class);
        ContactJson.ContactView representation = ContactJson.contact(contact, MailboxRef.of(exchange));
        responses.created(exchange, representation, ItemLocations.of(exchange, "/contacts/" + representation.id()), etag(contact));
    }

    private static String etag(Contact contact) {
        return contact.changeKey() == null ? null : Etags.ofVersion(contact.changeKey(), null);
    }

    private static String contactId(Exchange exchange) {
        return MailboxRef.of(exchange).read(ApiRequest.path(exchange, "contactId"), HubId.Kind.CONTACT).nativeId();
    }
}
