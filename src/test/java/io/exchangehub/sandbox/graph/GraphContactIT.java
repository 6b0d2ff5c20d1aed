package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.PhysicalAddress;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.exchangehub.sandbox.seed.SeedPopulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GraphContactIT extends GraphIntegrationTest {

    @Test
    void contactsPageInDisplayNameOrderAndCount() {
        GraphServiceClient graph = graph(CAROL);
        ContactCollectionResponse first = graph.me().contacts().get(r -> {
            r.queryParameters.top = 200;
            r.queryParameters.count = true;
        });
        long inFolder = store.read(() -> mailbox(CAROL).folderByPath("Contacts").totalCount());
        assertThat(first.getOdataCount()).isEqualTo(inFolder);
        assertThat(inFolder).isGreaterThanOrEqualTo(SeedPopulator.CONTACTS - 20);
        List<String> names = new ArrayList<>();
        ContactCollectionResponse page = first;
        while (true) {
            page.getValue().forEach(c -> names.add(c.getDisplayName().toLowerCase(Locale.ROOT)));
            if (page.getOdataNextLink() == null) {
                break;
            }
            page = graph.me().contacts().withUrl(page.getOdataNextLink()).get();
        }
        assertThat(names).hasSize((int) inFolder).isSorted();
    }

    @Test
    void contactsAreFoundByAddressNamePrefixAndSearch() {
        GraphServiceClient graph = graph(CAROL);
        io.exchangehub.sandbox.store.Contact known = itemIn(CAROL, "Contacts", io.exchangehub.sandbox.store.Contact.class,
                c -> !c.emailAddresses.isEmpty());
        String address = known.emailAddresses.get(0).address();
        List<Contact> byAddress = graph.me().contacts().get(r ->
                r.queryParameters.filter = "emailAddresses/any(a:a/address eq '" + address.toUpperCase(Locale.ROOT) + "')").getValue();
        assertThat(byAddress).extracting(Contact::getId).contains(known.id);

        String prefix = known.displayName.substring(0, 3);
        List<Contact> byName = graph.me().contacts().get(r -> {
            r.queryParameters.filter = "startswith(displayName,'" + prefix.replace("'", "''") + "')";
            r.queryParameters.top = 100;
        }).getValue();
        assertThat(byName).isNotEmpty().allSatisfy(c -> assertThat(c.getDisplayName()).startsWithIgnoringCase(prefix));
        assertThat(byName).extracting(Contact::getId).contains(known.id);

        List<Contact> searched = graph.me().contacts().get(r -> {
            r.queryParameters.search = "\"" + known.surname + "\"";
            r.queryParameters.top = 100;
        }).getValue();
        assertThat(searched).extracting(Contact::getId).contains(known.id);

        List<Contact> byCompany = graph.me().contacts().get(r -> {
            r.queryParameters.orderby = new String[] {"companyName desc"};
            r.queryParameters.select = new String[] {"companyName"};
            r.queryParameters.top = 50;
        }).getValue();
        assertThat(byCompany.stream().map(c -> c.getCompanyName().toLowerCase(Locale.ROOT)).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(byCompany.get(0).getDisplayName()).isNull();
    }

    @Test
    void contactsAreCreatedUpdatedAndDeleted() {
        GraphServiceClient graph = graph(CAROL);
        Contact contact = new Contact();
        contact.setGivenName("Grace");
        contact.setSurname("Hopper " + UUID.randomUUID().toString().substring(0, 8));
        EmailAddress email = new EmailAddress();
        email.setAddress("grace@navy.example");
        email.setName("Grace Hopper");
        contact.setEmailAddresses(List.of(email));
        contact.setBusinessPhones(List.of("+1 555 0100"));
        contact.setMobilePhone("+1 555 0101");
        PhysicalAddress address = new PhysicalAddress();
        address.setCity("Arlington");
        address.setCountryOrRegion("United States");
        contact.setBusinessAddress(address);
        contact.setCompanyName("US Navy");
        Contact created = graph.me().contacts().post(contact);
        assertThat(created.getDisplayName()).isEqualTo("Grace " + contact.getSurname());
        assertThat(created.getFileAs()).isEqualTo(contact.getSurname() + ", Grace");
        assertThat(created.getBusinessPhones()).containsExactly("+1 555 0100");
        assertThat(created.getBusinessAddress().getCity()).isEqualTo("Arlington");
        assertThat(created.getParentFolderId()).isEqualTo(folderId(CAROL, "Contacts"));

        Contact change = new Contact();
        change.setJobTitle("Rear Admiral");
        change.setMobilePhone("");
        Contact changed = graph.me().contacts().byContactId(created.getId()).patch(change,
                r -> r.headers.add("If-Match", "W/\"" + created.getChangeKey() + "\""));
        assertThat(changed.getJobTitle()).isEqualTo("Rear Admiral");
        assertThat(changed.getMobilePhone()).isNull();
        assertThat(changed.getBusinessPhones()).containsExactly("+1 555 0100");

        graph.me().contacts().byContactId(created.getId()).delete();
        assertThatThrownBy(() -> graph.me().contacts().byContactId(created.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getCode()).isEqualTo("ErrorItemNotFound"));
    }

    @Test
    void permanentDeleteRemovesAContactForGood() {
        GraphServiceClient graph = graph(CAROL);
        Contact contact = new Contact();
        contact.setGivenName("Purged");
        contact.setSurname(UUID.randomUUID().toString().substring(0, 8));
        Contact created = graph.me().contacts().post(contact);
        graph.me().contacts().byContactId(created.getId()).permanentDelete().post();
        assertThatThrownBy(() -> graph.me().contacts().byContactId(created.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getError().getCode()).isEqualTo("ErrorItemNotFound"));
        assertThat(store.read(() -> mailbox(CAROL).folderByPath("Deleted Items").items()).stream()
                .noneMatch(item -> item.id.equals(created.getId()))).isTrue();
    }

    @Test
    void contactFoldersListTheirContactsAndTakeNewOnes() {
        GraphServiceClient graph = graph(CAROL);
        List<ContactFolder> folders = graph.me().contactFolders().get().getValue();
        ContactFolder keyAccounts = folders.stream().filter(f -> f.getDisplayName().equals("Key accounts")).findFirst().orElseThrow();
        assertThat(graph.me().contactFolders().byContactFolderId(keyAccounts.getId()).contacts().get(r -> r.queryParameters.top = 100)
                .getValue()).hasSize(SeedPopulator.CONTACTS - 500);
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName("Partners " + UUID.randomUUID());
        ContactFolder created = graph.me().contactFolders().post(folder);
        Contact contact = new Contact();
        contact.setGivenName("Ada");
        contact.setSurname("Lovelace");
        graph.me().contactFolders().byContactFolderId(created.getId()).contacts().post(contact);
        assertThat(graph.me().contactFolders().byContactFolderId(created.getId()).contacts().get().getValue())
                .extracting(Contact::getDisplayName).containsExactly("Ada Lovelace");
        assertThat(graph.me().contactFolders().byContactFolderId(created.getId()).get().getParentFolderId())
                .isEqualTo(folderId(CAROL, "Contacts"));
    }
}
