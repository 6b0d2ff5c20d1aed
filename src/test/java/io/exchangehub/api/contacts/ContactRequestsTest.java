package io.exchangehub.api.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.model.Contact;
import io.exchangehub.model.Recipient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactRequestsTest {

    @Test
    void aContactHasOnePhoneAndOneAddressOfEachKind() {
        assertRefused(input(List.of(new ContactJson.Phone("mobile", "1"), new ContactJson.Phone("mobile", "2")), null), HubId.Backend.EWS,
                "/body/phones/1/kind");
        assertRefused(input(null, List.of(new ContactJson.PostalAddress("home", "A", null, null, null, null),
                new ContactJson.PostalAddress("home", "B", null, null, null, null))), HubId.Backend.GRAPH, "/body/addresses/1/kind");
        Contact contact = input(List.of(new ContactJson.Phone("business", "1"), new ContactJson.Phone("businessFax", "2")), null)
                .toModel(HubId.Backend.EWS);
        assertThat(contact.phones()).extracting(Contact.Phone::kind).containsExactly(Contact.PhoneKind.BUSINESS, Contact.PhoneKind.BUSINESS_FAX);
    }

    @Test
    void anExchangeOnlineContactHasNoFaxOrOtherNumber() {
        assertRefused(input(List.of(new ContactJson.Phone("businessFax", "2")), null), HubId.Backend.GRAPH, "/body/phones/0/kind");
        assertRefused(input(List.of(new ContactJson.Phone("home", "1"), new ContactJson.Phone("other", "2")), null), HubId.Backend.GRAPH,
                "/body/phones/1/kind");
    }

    @Test
    void namesArePlainText() {
        ContactJson.ContactInput input = new ContactJson.ContactInput(null, null, null, null, null, null, null, null, null,
                List.of(new Recipient("<b>Ada</b>", "ada@example.org")), null, null, null, "Notes may say <anything>", null);
        assertRefused(input, HubId.Backend.EWS, "/body/emailAddresses/0/name");
        ContactJson.ContactInput notes = new ContactJson.ContactInput("Ada", null, null, null, null, null, null, null, null, null, null,
                null, null, "Met at <Hannover> fair", null);
        assertThat(notes.toModel(HubId.Backend.GRAPH).notes()).isEqualTo("Met at <Hannover> fair");
    }

    @Test
    void aChangeKeepsThePhonesOfOtherKindsAndTheAddressesAfterThoseItGives() {
        Contact current = contact(List.of(new Recipient("", "a@x.example"), new Recipient("", "b@x.example"), new Recipient("", "c@x.example")),
                List.of(new Contact.Phone(Contact.PhoneKind.BUSINESS, "1"), new Contact.Phone(Contact.PhoneKind.MOBILE, "2")));
        Contact changes = contact(List.of(new Recipient("", "new@x.example")), List.of(new Contact.Phone(Contact.PhoneKind.MOBILE, "9")));
        Contact merged = ContactChanges.keepingUnreplaced(changes, current);
        assertThat(merged.emailAddresses()).extracting(Recipient::address).containsExactly("new@x.example", "b@x.example", "c@x.example");
        assertThat(merged.phones()).containsExactlyInAnyOrder(new Contact.Phone(Contact.PhoneKind.MOBILE, "9"),
                new Contact.Phone(Contact.PhoneKind.BUSINESS, "1"));

        Contact untouched = ContactChanges.keepingUnreplaced(contact(null, null), current);
        assertThat(untouched.emailAddresses()).as("left out, so not sent").isNull();
        assertThat(untouched.phones()).isNull();
    }

    private static Contact contact(List<Recipient> emails, List<Contact.Phone> phones) {
        return new Contact(null, null, null, null, null, null, null, null, null, null, null, null, emails, phones, null, null, null, null);
    }

    private static ContactJson.ContactInput input(List<ContactJson.Phone> phones, List<ContactJson.PostalAddress> addresses) {
        return new ContactJson.ContactInput("Ada", null, null, null, null, null, null, null, null, null, phones, addresses, null, null,
                null);
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(ContactJson.ContactInput input, HubId.Backend backend, String pointer) {
        assertThatThrownBy(() -> input.toModel(backend)).isInstanceOfSatisfying(ApiException.class, refused -> {
            List<Map<String, String>> errors = (List<Map<String, String>>) refused.extensions().get("errors");
            assertThat(errors).extracting(error -> error.get("pointer")).containsExactly(pointer);
        });
    }
}
