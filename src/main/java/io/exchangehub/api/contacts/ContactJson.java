package io.exchangehub.api.contacts;

import static io.exchangehub.api.ApiEnums.name;
import static io.exchangehub.api.ApiEnums.value;

import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.Contact;
import io.exchangehub.model.Recipient;
import java.time.LocalDate;
import java.util.List;

/**
 * Contacts as the API writes them (schema {@code Contact}) and reads them (schema
 * {@code ContactInput}, where a left-out field stays as it is).
 */
public final class ContactJson {

    private ContactJson() {}

    public record Phone(String kind, String number) {}

    public record PostalAddress(String kind, String street, String city, String state, String postalCode, String countryOrRegion) {}

    public record ContactView(String id, String folderId, String displayName, String givenName, String middleName, String surname,
            String nickName, String companyName, String department, String jobTitle, String officeLocation,
            List<Recipient> emailAddresses, List<Phone> phones, List<PostalAddress> addresses, LocalDate birthday, String notes,
            List<String> categories) {}

    /** {@code POST /contacts}, {@code PATCH /contacts/{id}}. */
    public record ContactInput(String displayName, String givenName, String middleName, String surname, String nickName,
            String companyName, String department, String jobTitle, String officeLocation, List<Recipient> emailAddresses,
            List<Phone> phones, List<PostalAddress> addresses, LocalDate birthday, String notes, List<String> categories) {

        /** The contact to create or the changes to make: a null field is one the request left out. */
        public Contact toModel() {
            return new Contact(null, null, null, displayName, givenName, middleName, surname, nickName, companyName, department,
                    jobTitle, officeLocation, emailAddresses,
                    phones == null ? null : phones.stream()
                            .map(p -> new Contact.Phone(value(Contact.PhoneKind.class, p.kind()), p.number())).toList(),
                    addresses == null ? null : addresses.stream()
                            .map(a -> new Contact.PostalAddress(value(Contact.AddressKind.class, a.kind()), a.street(), a.city(),
                                    a.state(), a.postalCode(), a.countryOrRegion())).toList(),
                    birthday, notes, categories);
        }
    }

    public static ContactView contact(Contact c, MailboxRef mailbox) {
        return new ContactView(mailbox.publicId(HubId.Kind.CONTACT, c.id()), mailbox.publicId(HubId.Kind.FOLDER, c.folderId()),
                c.displayName() == null ? "" : c.displayName(), c.givenName(), c.middleName(), c.surname(), c.nickName(),
                c.companyName(), c.department(), c.jobTitle(), c.officeLocation(), list(c.emailAddresses()),
                list(c.phones()).stream().map(p -> new Phone(name(p.kind()), p.number())).toList(),
                list(c.addresses()).stream().map(a -> new PostalAddress(name(a.kind()), a.street(), a.city(), a.state(),
                        a.postalCode(), a.countryOrRegion())).toList(),
                c.birthday(), c.notes(), list(c.categories()));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
