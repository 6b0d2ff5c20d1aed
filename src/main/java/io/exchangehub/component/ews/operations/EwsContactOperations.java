package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.ews.EwsSession;
import io.exchangehub.component.ews.mapper.ContactMapper;
import io.exchangehub.model.Contact;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.search.ResolveNameSearchLocation;
import microsoft.exchange.webservices.data.core.enumeration.search.SortDirection;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ContactSchema;
import microsoft.exchange.webservices.data.misc.NameResolution;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;

/**
 * Contacts: pages of a contacts folder by name, search (ResolveNames over contacts and the
 * directory, plus a FindItem of the contacts folder by the query), reading and changing. Search
 * results from the directory have no id (they are no item of the mailbox).
 */
public final class EwsContactOperations {

    private static final PropertySet CONTACT_PROPERTIES = new PropertySet(BasePropertySet.FirstClassProperties);

    private EwsContactOperations() {}

    public static EwsResult list(EwsSession session) {
        String folderHeader = session.header(EwsConstants.FOLDER_ID, "contacts", String.class);
        FolderId folder = session.folder(folderHeader);
        int top = session.header(EwsConstants.TOP, session.config().getPageSize(), Integer.class);
        if (top < 1 || top > 1000) {
            throw new InvalidRequestException("top must be between 1 and 1000", null, null);
        }
        int fingerprint = PageCursor.fingerprint(session.mailbox(), folderHeader, "contacts");
        String cursorText = session.header(EwsConstants.CURSOR, String.class);
        int offset = cursorText == null || cursorText.isBlank() ? 0 : PageCursor.decode(cursorText, fingerprint).offset();
        return session.call(folderHeader, service -> {
            ItemView view = new ItemView(top, offset);
            view.setPropertySet(CONTACT_PROPERTIES);
            view.getOrderBy().add(ContactSchema.FileAs, SortDirection.Ascending);
            FindItemsResults<Item> results = service.findItems(folder, view);
            List<Contact> contacts = contacts(results);
            String next = results.isMoreAvailable() && !contacts.isEmpty()
                    ? new PageCursor(Instant.EPOCH, offset + contacts.size(), 0, fingerprint).encode() : null;
            Map<String, Object> headers = new HashMap<>();
            headers.put(EwsConstants.TOTAL_COUNT, results.getTotalCount());
            if (next != null) {
                headers.put(EwsConstants.NEXT_CURSOR, next);
            }
            return new EwsResult(new Page<>(contacts, next, results.getTotalCount()), headers);
        });
    }

    /** Contacts and directory entries matching the query text, the mailbox's own contacts first, one per address. */
    public static EwsResult search(EwsSession session) {
        String query = session.required(EwsConstants.QUERY);
        FolderId folder = session.folderOf(EwsConstants.FOLDER_ID, "contacts");
        int top = session.header(EwsConstants.TOP, session.config().getPageSize(), Integer.class);
        String aqs = AqsQuery.of(query);
        return EwsResult.of(session.call(null, service -> {
            Map<String, Contact> found = new LinkedHashMap<>();
            if (aqs != null) {
                ItemView view = new ItemView(Math.max(1, Math.min(top, 1000)));
                view.setPropertySet(CONTACT_PROPERTIES);
                for (Contact contact : contacts(service.findItems(folder, aqs, view))) {
                    found.putIfAbsent(key(contact), contact);
                }
            }
            for (Contact contact : resolve(service, query)) {
                found.putIfAbsent(key(contact), contact);
            }
            return List.copyOf(found.values()).subList(0, Math.min(found.size(), top));
        }));
    }

    private static List<Contact> resolve(ExchangeService service, String query) throws Exception {
        List<Contact> contacts = new ArrayList<>();
        for (NameResolution resolution : service.resolveName(query, ResolveNameSearchLocation.ContactsThenDirectory, true,
                CONTACT_PROPERTIES)) {
            if (resolution.getContact() != null) {
                Contact details = ContactMapper.contact(resolution.getContact());
                String id = resolution.getMailbox() != null && resolution.getMailbox().getId() != null
                        ? resolution.getMailbox().getId().getUniqueId() : null;
                List<Recipient> emails = details.emailAddresses().isEmpty() && resolution.getMailbox() != null
                        ? List.of(new Recipient(resolution.getMailbox().getName(), resolution.getMailbox().getAddress()))
                        : details.emailAddresses();
                contacts.add(new Contact(id, details.changeKey(), details.folderId(), details.displayName(), details.givenName(),
                        details.middleName(), details.surname(), details.nickName(), details.companyName(), details.department(),
                        details.jobTitle(), details.officeLocation(), emails, details.phones(), details.addresses(),
                        details.birthday(), details.notes(), details.categories()));
            } else if (resolution.getMailbox() != null) {
                contacts.add(new Contact(null, null, null, resolution.getMailbox().getName(), null, null, null, null, null, null,
                        null, null, List.of(new Recipient(resolution.getMailbox().getName(), resolution.getMailbox().getAddress())),
                        List.of(), List.of(), null, null, List.of()));
            }
        }
        return contacts;
    }

    private static String key(Contact contact) {
        return contact.emailAddresses().isEmpty() ? "id:" + contact.id() + ":" + contact.displayName()
                : contact.emailAddresses().get(0).address().toLowerCase(Locale.ROOT);
    }

    private static List<Contact> contacts(FindItemsResults<Item> results) {
        List<Contact> contacts = new ArrayList<>();
        for (Item item : results) {
            if (item instanceof microsoft.exchange.webservices.data.core.service.item.Contact contact) {
                contacts.add(ContactMapper.contact(contact));
            }
        }
        return List.copyOf(contacts);
    }

    public static EwsResult get(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        return EwsResult.of(session.call(id, service -> read(service, id)));
    }

    private static Contact read(ExchangeService service, String id) throws Exception {
        return ContactMapper.contact(microsoft.exchange.webservices.data.core.service.item.Contact.bind(service,
                EwsSession.itemId(id), CONTACT_PROPERTIES));
    }

    public static EwsResult create(EwsSession session) {
        Contact contact = session.body(Contact.class);
        FolderId folder = session.folderOf(EwsConstants.FOLDER_ID, "contacts");
        return EwsResult.of(session.call(null, service -> {
            microsoft.exchange.webservices.data.core.service.item.Contact created =
                    new microsoft.exchange.webservices.data.core.service.item.Contact(service);
            ContactMapper.apply(contact, created);
            created.save(folder);
            return read(service, created.getId().getUniqueId());
        }));
    }

    public static EwsResult update(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        Contact changes = session.body(Contact.class);
        String changeKey = session.header(EwsConstants.CHANGE_KEY, String.class);
        return EwsResult.of(session.call(id, service -> {
            microsoft.exchange.webservices.data.core.service.item.Contact contact =
                    microsoft.exchange.webservices.data.core.service.item.Contact.bind(service, EwsSession.itemId(id),
                            PropertySet.getIdOnly());
            if (changeKey != null) {
                contact.getId().setChangeKey(changeKey);
            }
            ContactMapper.apply(changes, contact);
            contact.update(changeKey != null ? ConflictResolutionMode.NeverOverwrite : ConflictResolutionMode.AutoResolve);
            return read(service, id);
        }));
    }

    /** Deleting a contact is deleting an item. */
    public static EwsResult delete(EwsSession session) {
        return EwsMessageOperations.delete(session);
    }
}
