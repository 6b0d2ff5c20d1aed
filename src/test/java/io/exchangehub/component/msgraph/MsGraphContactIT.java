package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.model.Contact;
import io.exchangehub.model.ConflictException;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class MsGraphContactIT extends MsGraphIntegrationTest {

    @SuppressWarnings("unchecked")
    private Page<Contact> page(MsGraphOperation operation, Object... headers) {
        return result("contacts", operation, null, Page.class, headers);
    }

    @Test
    void listContactsPagesThroughTheContactsFolderByName() {
        Set<String> ids = new HashSet<>();
        Exchange first = call("contacts", MsGraphOperation.listContacts, null, MsGraphConstants.TOP, 200);
        @SuppressWarnings("unchecked")
        Page<Contact> page = first.getMessage().getBody(Page.class);
        assertThat(first.getMessage().getHeader(MsGraphConstants.NEXT_CURSOR)).isEqualTo(page.nextCursor()).isNotNull();
        assertThat(first.getMessage().getHeader(MsGraphConstants.TOTAL_COUNT)).isEqualTo(page.totalCount());
        int total = page.totalCount();
        assertThat(total).as("the seeded 500, and any a test has not yet removed").isGreaterThanOrEqualTo(500);
        String previous = "";
        while (true) {
            for (Contact contact : page.items()) {
                assertThat(ids.add(contact.id())).isTrue();
                assertThat(contact.displayName().compareToIgnoreCase(previous)).isGreaterThanOrEqualTo(0);
                previous = contact.displayName();
            }
            if (page.nextCursor() == null) {
                break;
            }
            page = page(MsGraphOperation.listContacts, MsGraphConstants.CURSOR, page.nextCursor());
        }
        assertThat(ids).hasSize(total);
    }

    @SuppressWarnings("unchecked")
    private List<Contact> search(String query) {
        return result("contacts", MsGraphOperation.searchContacts, null, List.class, MsGraphConstants.QUERY, query);
    }

    @Test
    void searchContactsFindsByNamePrefixAndAddressPrefixAndTreatsQuotesAsText() {
        Contact any = page(MsGraphOperation.listContacts, MsGraphConstants.TOP, 10).items().get(3);
        assertThat(search(any.surname())).extracting(Contact::id).contains(any.id());
        String address = any.emailAddresses().get(0).address();
        assertThat(search(address.substring(0, address.indexOf('@')))).extracting(Contact::id).contains(any.id());
        assertThat(search("x') or startswith(displayName,'")).isEmpty();
    }

    @Test
    void aContactIsCreatedReadUpdatedAndDeleted() {
        String surname = "Tester" + UUID.randomUUID().toString().substring(0, 6);
        Contact draft = new Contact(null, null, null, "Ada " + surname, "Ada", null, surname, null, "Analytical Engines", "R&D",
                "Engineer", "London", List.of(new Recipient("Ada", "ada@" + surname.toLowerCase() + ".example")),
                List.of(new Contact.Phone(Contact.PhoneKind.BUSINESS, "+44 20 7946 0000"), new Contact.Phone(Contact.PhoneKind.MOBILE,
                        "+44 7700 900000")),
                List.of(new Contact.PostalAddress(Contact.AddressKind.BUSINESS, "1 Main St", "London", null, "N1 1AA", "United Kingdom")),
                LocalDate.parse("1815-12-10"), "Met at the conference", List.of("Key"));
        Contact created = result("contacts", MsGraphOperation.createContact, draft, Contact.class);
        assertThat(created.id()).isNotNull();
        assertThat(created.surname()).isEqualTo(surname);
        assertThat(created.phones()).containsExactlyInAnyOrderElementsOf(draft.phones());
        assertThat(created.addresses()).containsExactlyElementsOf(draft.addresses());
        assertThat(created.birthday()).isEqualTo(LocalDate.parse("1815-12-10"));
        assertThat(created.notes()).isEqualTo("Met at the conference");

        Contact fetched = result("contacts", MsGraphOperation.getContact, null, Contact.class, MsGraphConstants.ITEM_ID, created.id());
        assertThat(fetched).isEqualTo(created);

        Contact change = new Contact(null, null, null, null, null, null, null, null, null, null, "Lead Engineer", null, null, null, null,
                null, null, null);
        Contact updated = result("contacts", MsGraphOperation.updateContact, change, Contact.class, MsGraphConstants.ITEM_ID,
                created.id(), MsGraphConstants.CHANGE_KEY, created.changeKey());
        assertThat(updated.jobTitle()).isEqualTo("Lead Engineer");
        assertThat(updated.companyName()).isEqualTo("Analytical Engines");
        Exchange stale = call("contacts", MsGraphOperation.updateContact, change, MsGraphConstants.ITEM_ID, created.id(),
                MsGraphConstants.CHANGE_KEY, created.changeKey());
        assertThat(stale.getException()).isInstanceOf(ConflictException.class);

        result("contacts", MsGraphOperation.deleteContact, null, Object.class, MsGraphConstants.ITEM_ID, created.id(),
                MsGraphConstants.DELETE_MODE, "HARD");
        Exchange gone = call("contacts", MsGraphOperation.getContact, null, MsGraphConstants.ITEM_ID, created.id());
        assertThat(gone.getException()).isInstanceOf(NotFoundException.class);
    }
}
