package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.model.ConflictException;
import io.exchangehub.model.Contact;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.search.FolderView;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class EwsContactIT extends EwsComponentTestSupport {

    /** The id of a folder below Contacts, read with ews-java-api itself: listFolders lists mail folders only. */
    private String contactFolderId(String user, String name) throws Exception {
        try (ExchangeService service = ewsJavaApi(user)) {
            for (Folder folder : service.findFolders(WellKnownFolderName.Contacts, new FolderView(100)).getFolders()) {
                if (name.equals(folder.getDisplayName())) {
                    return folder.getId().getUniqueId();
                }
            }
            throw new AssertionError("no contact folder " + name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsEveryContactPageByPage() throws Exception {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> headers = cursor == null ? Map.of(EwsConstants.TOP, 200)
                    : Map.of(EwsConstants.TOP, 200, EwsConstants.CURSOR, cursor);
            Page<Contact> page = body(ALICE, EwsOperation.listContacts, null, headers, Page.class);
            page.items().forEach(c -> assertThat(ids.add(c.id())).isTrue());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(500);
        assertThat(pages).isEqualTo((ids.size() + 199) / 200);

        Page<Contact> first = body(ALICE, EwsOperation.listContacts, null, Map.of(EwsConstants.TOP, 5), Page.class);
        assertThat(first.items()).allMatch(c -> c.displayName() != null && !c.emailAddresses().isEmpty());
        Page<Contact> keyAccounts = body(ALICE, EwsOperation.listContacts, null, Map.of(EwsConstants.FOLDER_ID,
                contactFolderId(ALICE, "Key accounts")), Page.class);
        assertThat(keyAccounts.items()).hasSize(20);
    }

    @Test
    void createsReadsUpdatesAndDeletesAContact() {
        String surname = "Tester" + UUID.randomUUID().toString().substring(0, 8);
        Contact draft = new Contact(null, null, null, "Dana " + surname, "Dana", null, surname, null, "Initech", "Sales",
                "Buyer", null, List.of(new Recipient("Dana " + surname, "dana." + surname.toLowerCase() + "@initech.example")),
                List.of(new Contact.Phone(Contact.PhoneKind.MOBILE, "+49 170 1234567")),
                List.of(new Contact.PostalAddress(Contact.AddressKind.BUSINESS, "Hauptstr. 1", "Berlin", null, "10115", "Germany")),
                LocalDate.of(1985, 6, 30), "Met at the fair", List.of("Lead"));
        Contact created = body(ALICE, EwsOperation.createContact, draft, Map.of(), Contact.class);
        try {
            assertThat(created.id()).isNotNull();
            assertThat(created.surname()).isEqualTo(surname);
            assertThat(created.companyName()).isEqualTo("Initech");
            assertThat(created.emailAddresses()).extracting(Recipient::address).containsExactly(
                    "dana." + surname.toLowerCase() + "@initech.example");
            assertThat(created.phones()).containsExactly(new Contact.Phone(Contact.PhoneKind.MOBILE, "+49 170 1234567"));
            assertThat(created.addresses()).singleElement().satisfies(a -> assertThat(a.city()).isEqualTo("Berlin"));
            assertThat(created.birthday()).isEqualTo(LocalDate.of(1985, 6, 30));
            assertThat(created.notes()).contains("Met at the fair");
            assertThat(body(ALICE, EwsOperation.getContact, null, Map.of(EwsConstants.ITEM_ID, created.id()), Contact.class))
                    .isEqualTo(created);

            Contact changes = new Contact(null, null, null, null, null, null, null, null, null, null, "Head of Buying", null,
                    null, null, null, null, null, null);
            Contact updated = body(ALICE, EwsOperation.updateContact, changes, Map.of(EwsConstants.ITEM_ID, created.id(),
                    EwsConstants.CHANGE_KEY, created.changeKey()), Contact.class);
            assertThat(updated.jobTitle()).isEqualTo("Head of Buying");
            assertThat(updated.companyName()).isEqualTo("Initech");
            Exchange stale = call(ALICE, EwsOperation.updateContact, changes, Map.of(EwsConstants.ITEM_ID, created.id(),
                    EwsConstants.CHANGE_KEY, created.changeKey()));
            assertThat(stale.getException()).isInstanceOf(ConflictException.class);

            @SuppressWarnings("unchecked")
            List<Contact> found = body(ALICE, EwsOperation.searchContacts, null, Map.of(EwsConstants.QUERY, surname), List.class);
            assertThat(found).extracting(Contact::id).contains(created.id());
        } finally {
            assertThat(call(ALICE, EwsOperation.deleteContact, null, Map.of(EwsConstants.ITEM_ID, created.id(),
                    EwsConstants.DELETE_MODE, DeleteMode.HARD)).getException()).isNull();
        }
        assertThat(call(ALICE, EwsOperation.getContact, null, Map.of(EwsConstants.ITEM_ID, created.id())).getException())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchFindsDirectoryEntriesWithoutAnId() {
        List<Contact> found = body(ALICE, EwsOperation.searchContacts, null, Map.of(EwsConstants.QUERY, "Bob"), List.class);
        assertThat(found).anySatisfy(c -> assertThat(c.emailAddresses()).extracting(Recipient::address).contains(BOB));
    }
}
