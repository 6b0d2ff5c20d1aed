package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhoneNumberKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhysicalAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.ResolveNameSearchLocation;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.misc.NameResolution;
import microsoft.exchange.webservices.data.misc.NameResolutionCollection;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressEntry;
import org.junit.jupiter.api.Test;

class ContactsIT extends EwsTestSupport {

    @Test
    void contactIsCreatedWithIndexedFieldsAndUpdatedEntryByEntry() throws Exception {
        ExchangeService alice = ews(ALICE);
        String surname = "Okafor-" + UUID.randomUUID().toString().substring(0, 6);
        microsoft.exchange.webservices.data.core.service.item.Contact contact =
                new microsoft.exchange.webservices.data.core.service.item.Contact(alice);
        contact.setGivenName("Ada");
        contact.setSurname(surname);
        contact.setCompanyName("Fabrikam");
        contact.setJobTitle("Buyer");
        contact.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress1, new EmailAddress("ada@fabrikam.example"));
        contact.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.BusinessPhone, "+44 20 7946 0000");
        contact.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.MobilePhone, "+44 7700 900000");
        PhysicalAddressEntry office = new PhysicalAddressEntry();
        office.setStreet("1 King Street");
        office.setCity("London");
        office.setPostalCode("EC2V 8AU");
        office.setCountryOrRegion("United Kingdom");
        contact.getPhysicalAddresses().setPhysicalAddress(PhysicalAddressKey.Business, office);
        contact.save(WellKnownFolderName.Contacts);

        String id = contact.getId().getUniqueId();
        Contact stored = store.read(() -> (Contact) store.item(id));
        assertThat(stored.displayName).isEqualTo("Ada " + surname);
        assertThat(stored.fileAs).isEqualTo(surname + ", Ada");
        assertThat(stored.emailAddresses).extracting(r -> r.address()).containsExactly("ada@fabrikam.example");
        assertThat(stored.addresses.get(Contact.AddressKind.BUSINESS).city()).isEqualTo("London");

        microsoft.exchange.webservices.data.core.service.item.Contact loaded =
                microsoft.exchange.webservices.data.core.service.item.Contact.bind(alice, contact.getId());
        assertThat(loaded.getPhoneNumbers().getPhoneNumber(PhoneNumberKey.MobilePhone)).isEqualTo("+44 7700 900000");
        assertThat(loaded.getPhysicalAddresses().getPhysicalAddress(PhysicalAddressKey.Business).getStreet())
                .isEqualTo("1 King Street");
        loaded.getEmailAddresses().setEmailAddress(EmailAddressKey.EmailAddress2, new EmailAddress("ada.private@example.org"));
        loaded.getPhoneNumbers().setPhoneNumber(PhoneNumberKey.BusinessPhone, "+44 20 7946 0999");
        loaded.getPhysicalAddresses().getPhysicalAddress(PhysicalAddressKey.Business).setCity("Manchester");
        loaded.setJobTitle("Head of purchasing");
        loaded.update(ConflictResolutionMode.AutoResolve);

        stored = store.read(() -> (Contact) store.item(id));
        assertThat(stored.emailAddresses).extracting(r -> r.address()).containsExactly("ada@fabrikam.example",
                "ada.private@example.org");
        assertThat(stored.phones.get(Contact.PhoneKind.BUSINESS)).isEqualTo("+44 20 7946 0999");
        assertThat(stored.addresses.get(Contact.AddressKind.BUSINESS).city()).isEqualTo("Manchester");
        assertThat(stored.addresses.get(Contact.AddressKind.BUSINESS).street()).isEqualTo("1 King Street");
        assertThat(stored.jobTitle).isEqualTo("Head of purchasing");

        HttpResponse<String> deleteMobile = soap(ALICE, "<m:UpdateItem ConflictResolution=\"AlwaysOverwrite\"><m:ItemChanges>"
                + "<t:ItemChange><t:ItemId Id=\"" + id + "\"/><t:Updates><t:DeleteItemField><t:IndexedFieldURI "
                + "FieldURI=\"contacts:PhoneNumber\" FieldIndex=\"MobilePhone\"/></t:DeleteItemField></t:Updates></t:ItemChange>"
                + "</m:ItemChanges></m:UpdateItem>");
        assertThat(deleteMobile.body()).contains("ResponseClass=\"Success\"");
        assertThat(store.read(() -> ((Contact) store.item(id)).phones)).doesNotContainKey(Contact.PhoneKind.MOBILE);
    }

    @Test
    void anUpdateWithABadEntryKeyChangesNothingOfTheContact() {
        String id = store.write(() -> store.createContact(folder(ALICE, WellKnownFolder.CONTACTS), c -> {
            c.givenName = "Ida";
            c.surname = "Unchanged-" + UUID.randomUUID().toString().substring(0, 6);
            c.companyName = "Fabrikam";
        }).id);
        long journal = store.read(() -> mailbox(ALICE).currentSeq());
        HttpResponse<String> bad = soap(ALICE, "<m:UpdateItem ConflictResolution=\"AlwaysOverwrite\"><m:ItemChanges>"
                + "<t:ItemChange><t:ItemId Id=\"" + id + "\"/><t:Updates><t:SetItemField><t:FieldURI FieldURI=\"contacts:CompanyName\"/>"
                + "<t:Contact><t:CompanyName>Contoso</t:CompanyName></t:Contact></t:SetItemField><t:DeleteItemField>"
                + "<t:IndexedFieldURI FieldURI=\"contacts:EmailAddress\" FieldIndex=\"EmailAddress9\"/></t:DeleteItemField>"
                + "</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>");
        assertThat(bad.statusCode()).isEqualTo(500);
        assertThat(bad.body()).contains("a:ErrorSchemaValidation");
        assertThat(store.read(() -> ((Contact) store.item(id)).companyName)).isEqualTo("Fabrikam");
        assertThat(store.read(() -> mailbox(ALICE).currentSeq())).isEqualTo(journal);
        store.write(() -> store.delete(store.item(id), io.exchangehub.sandbox.store.DeleteMode.HARD));
    }

    @Test
    void namesResolveAgainstTheDirectoryAndTheCallersContacts() throws Exception {
        ExchangeService alice = ews(ALICE);
        NameResolutionCollection bob = alice.resolveName("bob@contoso.example", ResolveNameSearchLocation.DirectoryOnly, true);
        assertThat(bob.getCount()).isEqualTo(1);
        assertThat(bob.nameResolutionCollection(0).getMailbox().getAddress()).isEqualTo(BOB);
        assertThat(bob.nameResolutionCollection(0).getContact().getDisplayName()).isEqualTo("Bob Müller");

        Contact seeded = store.read(() -> (Contact) folder(ALICE, WellKnownFolder.CONTACTS).items().iterator().next());
        NameResolutionCollection contacts = alice.resolveName(seeded.surname, ResolveNameSearchLocation.ContactsOnly, true);
        List<String> addresses = new ArrayList<>();
        for (NameResolution resolution : contacts) {
            addresses.add(resolution.getMailbox().getAddress());
        }
        assertThat(addresses).contains(seeded.emailAddresses.get(0).address());

        HttpResponse<String> several = soap(ALICE, "<m:ResolveNames ReturnFullContactData=\"false\" "
                + "SearchScope=\"ActiveDirectory\"><m:UnresolvedEntry>a</m:UnresolvedEntry></m:ResolveNames>");
        assertThat(several.body()).contains("ResponseClass=\"Warning\"", "ErrorNameResolutionMultipleResults");
        NameResolutionCollection none = alice.resolveName("zzqqxxyy", ResolveNameSearchLocation.DirectoryThenContacts, false);
        assertThat(none.getCount()).isZero();
        HttpResponse<String> noneRaw = soap(ALICE, "<m:ResolveNames ReturnFullContactData=\"false\">"
                + "<m:UnresolvedEntry>zzqqxxyy</m:UnresolvedEntry></m:ResolveNames>");
        assertThat(noneRaw.body()).contains("ResponseClass=\"Error\"", "ErrorNameResolutionNoResults");
    }
}
