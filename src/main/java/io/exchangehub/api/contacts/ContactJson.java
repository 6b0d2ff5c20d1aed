package io.exchangehub.api.contacts;

import static io.exchangehub.api.ApiEnums.name;
import static io.exchangehub.api.ApiEnums.value;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.exchangehub.api.ApiException;
import io.exchangehub.api.PlainText;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.Contact;
import io.exchangehub.model.Recipient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Contacts as the API writes them (schema {@code Contact}) and reads them (schema
 * {@code ContactInput}, where a left-out field stays as it is).
 */
public final class ContactJson {

    private ContactJson() {}

    public record Phone(String kind, String number) {}

    /** An address's parts; those it does not have are left out, as the {@code PostalAddress} schema (also a request schema) has them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostalAddress(String kind, String street, String city, String state, String postalCode, String countryOrRegion) {}

    public record ContactView(String id, String folderId, String displayName, String givenName, String middleName, String surname,
            String nickName, String companyName, String department, String jobTitle, String officeLocation,
            List<Recipient> emailAddresses, List<Phone> phones, List<PostalAddress> addresses, LocalDate birthday, String notes,
            List<String> categories) {}

    /** {@code POST /contacts}, {@code PATCH /contacts/{id}}. */
    public record ContactInput(String displayName, String givenName, String middleName, String surname, String nickName,
            String companyName, String department, String jobTitle, String officeLocation, List<Recipient> emailAddresses,
            List<Phone> phones, List<PostalAddress> addresses, LocalDate birthday, String notes, List<String> categories) {

        /**
         * The contact to create or the changes to make: a null field is one the request left out.
         * Names are plain text. A contact keeps one phone number and one postal address of each
         * kind (EWS has one place for each), and a contact of an Exchange Online mailbox has no
         * place for a fax or other number (Graph's v1.0 contact): a request that gives more is
         * refused rather than partly stored.
         *
         * @param backend the backend of the mailbox the contact is in
         */
        public Contact toModel(HubId.Backend backend) {
            PlainText.check(displayName, "/body/displayName");
            PlainText.check(givenName, "/body/givenName");
            PlainText.check(middleName, "/body/middleName");
            PlainText.check(surname, "/body/surname");
            PlainText.check(nickName, "/body/nickName");
            PlainText.check(companyName, "/body/companyName");
            PlainText.check(department, "/body/department");
            PlainText.check(jobTitle, "/body/jobTitle");
            PlainText.check(officeLocation, "/body/officeLocation");
            for (int i = 0; emailAddresses != null && i < emailAddresses.size(); i++) {
                PlainText.check(emailAddresses.get(i).name(), "/body/emailAddresses/" + i + "/name");
            }
            return new Contact(null, null, null, displayName, givenName, middleName, surname, nickName, companyName, department,
                    jobTitle, officeLocation, emailAddresses, phones == null ? null : phoneNumbers(backend),
                    addresses == null ? null : postalAddresses(), birthday, notes, categories);
        }

        private List<Contact.Phone> phoneNumbers(HubId.Backend backend) {
            Set<Contact.PhoneKind> seen = EnumSet.noneOf(Contact.PhoneKind.class);
            List<Contact.Phone> result = new ArrayList<>(phones.size());
            for (int i = 0; i < phones.size(); i++) {
                Contact.PhoneKind kind = value(Contact.PhoneKind.class, phones.get(i).kind());
                if (!seen.add(kind)) {
                    throw ApiException.invalid("/body/phones/" + i + "/kind", "A contact has one " + name(kind) + " number.");
                }
                if (backend == HubId.Backend.GRAPH && (kind == Contact.PhoneKind.BUSINESS_FAX || kind == Contact.PhoneKind.OTHER)) {
                    throw ApiException.invalid("/body/phones/" + i + "/kind",
                            "Contacts of an Exchange Online mailbox keep business, home and mobile numbers only.");
                }
                result.add(new Contact.Phone(kind, phones.get(i).number()));
            }
            return result;
        }

        private List<Contact.PostalAddress> postalAddresses() {
            Set<Contact.AddressKind> seen = EnumSet.noneOf(Contact.AddressKind.class);
            List<Contact.PostalAddress> result = new ArrayList<>(addresses.size());
            for (int i = 0; i < addresses.size(); i++) {
                PostalAddress a = addresses.get(i);
                Contact.AddressKind kind = value(Contact.AddressKind.class, a.kind());
                if (!seen.add(kind)) {
                    throw ApiException.invalid("/body/addresses/" + i + "/kind", "A contact has one " + name(kind) + " address.");
                }
                result.add(new Contact.PostalAddress(kind, a.street(), a.city(), a.state(), a.postalCode(), a.countryOrRegion()));
            }
            return result;
        }
    }

    public static ContactView contact(Contact c, MailboxRef mailbox) {
        return new ContactView(mailbox.publicId(HubId.Kind.CONTACT, c.id()), mailbox.publicId(HubId.Kind.FOLDER, c.folderId()),
                c.displayName() == null ? "" : c.displayName(), c.givenName(), c.middleName(), c.surname(), c.nickName(),
                c.companyName(), c.department(), c.jobTitle(), c.officeLocation(), list(c.emailAddresses()),
                list(c.phones()).stream().map(p -> new Phone(name(p.kind()), p.number())).toList(),
                list(c.addresses()).stream().map(a -> new PostalAddress(name(a.kind()), a.street(), a.city(), a.state(),
                        a.postalCode(), a.countryOrRegion())).toList(),
                c.birthday(), c.notes() == null || c.notes().isEmpty() ? null : c.notes(), list(c.categories()));
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }
}
