package io.exchangehub.api.contacts;

import io.exchangehub.model.Contact;
import io.exchangehub.model.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A change to a contact, made complete against the contact as it is: the phones of kinds the
 * change does not name and the e-mail addresses after those it gives are kept. Postal addresses
 * need nothing: both backends keep the kinds a change leaves out.
 */
final class ContactChanges {

    private ContactChanges() {}

    static Contact keepingUnreplaced(Contact changes, Contact current) {
        return new Contact(changes.id(), changes.changeKey(), changes.folderId(), changes.displayName(), changes.givenName(),
                changes.middleName(), changes.surname(), changes.nickName(), changes.companyName(), changes.department(),
                changes.jobTitle(), changes.officeLocation(), emails(changes.emailAddresses(), current.emailAddresses()),
                phones(changes.phones(), current.phones()), changes.addresses(), changes.birthday(), changes.notes(),
                changes.categories());
    }

    private static List<Recipient> emails(List<Recipient> given, List<Recipient> current) {
        if (given == null || current == null || current.size() <= given.size()) {
            return given;
        }
        List<Recipient> merged = new ArrayList<>(given);
        merged.addAll(current.subList(given.size(), current.size()));
        return merged;
    }

    private static List<Contact.Phone> phones(List<Contact.Phone> given, List<Contact.Phone> current) {
        if (given == null || current == null) {
            return given;
        }
        Set<Contact.PhoneKind> replaced = given.stream().map(Contact.Phone::kind).collect(Collectors.toSet());
        List<Contact.Phone> merged = new ArrayList<>(given);
        current.stream().filter(phone -> !replaced.contains(phone.kind())).forEach(merged::add);
        return merged;
    }
}
