package io.exchangehub.component.msgraph.mapping;

import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.PhysicalAddress;
import io.exchangehub.model.Contact;
import io.exchangehub.model.Recipient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph's contacts as the model's {@link Contact}, and back. Graph's v1.0 contact has business
 * and home phones and one mobile; the model's fax and other phones have no place there and are
 * not written.
 */
public final class ContactMapper {

    public static final String[] SELECT = {"id", "changeKey", "parentFolderId", "displayName", "givenName", "middleName",
            "surname", "nickName", "companyName", "department", "jobTitle", "officeLocation", "emailAddresses", "businessPhones",
            "homePhones", "mobilePhone", "businessAddress", "homeAddress", "otherAddress", "birthday", "personalNotes",
            "categories"};

    private ContactMapper() {}

    public static Contact toModel(com.microsoft.graph.models.Contact c) {
        List<Recipient> emails = new ArrayList<>();
        if (c.getEmailAddresses() != null) {
            for (EmailAddress address : c.getEmailAddresses()) {
                if (address != null && address.getAddress() != null) {
                    emails.add(Recipients.of(address));
                }
            }
        }
        List<Contact.Phone> phones = new ArrayList<>();
        addPhones(phones, Contact.PhoneKind.BUSINESS, c.getBusinessPhones());
        addPhones(phones, Contact.PhoneKind.HOME, c.getHomePhones());
        if (c.getMobilePhone() != null && !c.getMobilePhone().isBlank()) {
            phones.add(new Contact.Phone(Contact.PhoneKind.MOBILE, c.getMobilePhone()));
        }
        List<Contact.PostalAddress> addresses = new ArrayList<>();
        addAddress(addresses, Contact.AddressKind.BUSINESS, c.getBusinessAddress());
        addAddress(addresses, Contact.AddressKind.HOME, c.getHomeAddress());
        addAddress(addresses, Contact.AddressKind.OTHER, c.getOtherAddress());
        return new Contact(c.getId(), c.getChangeKey(), c.getParentFolderId(), c.getDisplayName(), c.getGivenName(),
                c.getMiddleName(), c.getSurname(), c.getNickName(), c.getCompanyName(), c.getDepartment(), c.getJobTitle(),
                c.getOfficeLocation(), List.copyOf(emails), List.copyOf(phones), List.copyOf(addresses),
                c.getBirthday() == null ? null : c.getBirthday().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
                c.getPersonalNotes(), c.getCategories() == null ? List.of() : List.copyOf(c.getCategories()));
    }

    /**
     * The properties a model contact sets. On an update, null fields stay as they are; a list
     * given (e-mail addresses, phones, addresses) replaces what Graph holds.
     */
    public static com.microsoft.graph.models.Contact toGraph(Contact c) {
        com.microsoft.graph.models.Contact g = new com.microsoft.graph.models.Contact();
        if (c.displayName() != null) {
            g.setDisplayName(c.displayName());
        }
        if (c.givenName() != null) {
            g.setGivenName(c.givenName());
        }
        if (c.middleName() != null) {
            g.setMiddleName(c.middleName());
        }
        if (c.surname() != null) {
            g.setSurname(c.surname());
        }
        if (c.nickName() != null) {
            g.setNickName(c.nickName());
        }
        if (c.companyName() != null) {
            g.setCompanyName(c.companyName());
        }
        if (c.department() != null) {
            g.setDepartment(c.department());
        }
        if (c.jobTitle() != null) {
            g.setJobTitle(c.jobTitle());
        }
        if (c.officeLocation() != null) {
            g.setOfficeLocation(c.officeLocation());
        }
        if (c.emailAddresses() != null) {
            g.setEmailAddresses(c.emailAddresses().stream().map(Recipients::address).toList());
        }
        if (c.phones() != null) {
            g.setBusinessPhones(numbers(c.phones(), Contact.PhoneKind.BUSINESS));
            g.setHomePhones(numbers(c.phones(), Contact.PhoneKind.HOME));
            List<String> mobile = numbers(c.phones(), Contact.PhoneKind.MOBILE);
            g.setMobilePhone(mobile.isEmpty() ? null : mobile.get(0));
        }
        if (c.addresses() != null) {
            for (Contact.PostalAddress address : c.addresses()) {
                PhysicalAddress physical = new PhysicalAddress();
                physical.setStreet(address.street());
                physical.setCity(address.city());
                physical.setState(address.state());
                physical.setPostalCode(address.postalCode());
                physical.setCountryOrRegion(address.countryOrRegion());
                switch (address.kind()) {
                    case BUSINESS -> g.setBusinessAddress(physical);
                    case HOME -> g.setHomeAddress(physical);
                    case OTHER -> g.setOtherAddress(physical);
                }
            }
        }
        if (c.birthday() != null) {
            g.setBirthday(OffsetDateTime.of(c.birthday().atStartOfDay(), ZoneOffset.UTC));
        }
        if (c.notes() != null) {
            g.setPersonalNotes(c.notes());
        }
        if (c.categories() != null) {
            g.setCategories(List.copyOf(c.categories()));
        }
        return g;
    }

    private static void addPhones(List<Contact.Phone> phones, Contact.PhoneKind kind, List<String> numbers) {
        if (numbers != null) {
            numbers.stream().filter(n -> n != null && !n.isBlank()).forEach(n -> phones.add(new Contact.Phone(kind, n)));
        }
    }

    private static void addAddress(List<Contact.PostalAddress> addresses, Contact.AddressKind kind, PhysicalAddress a) {
        if (a == null) {
            return;
        }
        Contact.PostalAddress address = new Contact.PostalAddress(kind, blankToNull(a.getStreet()), blankToNull(a.getCity()),
                blankToNull(a.getState()), blankToNull(a.getPostalCode()), blankToNull(a.getCountryOrRegion()));
        if (address.street() != null || address.city() != null || address.state() != null || address.postalCode() != null
                || address.countryOrRegion() != null) {
            addresses.add(address);
        }
    }

    /** Graph answers an unset text as empty; the model says null. */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<String> numbers(List<Contact.Phone> phones, Contact.PhoneKind kind) {
        return phones.stream().filter(p -> p.kind() == kind).map(Contact.Phone::number).toList();
    }
}
