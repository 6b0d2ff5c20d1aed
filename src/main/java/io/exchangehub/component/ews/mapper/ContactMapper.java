package io.exchangehub.component.ews.mapper;

import io.exchangehub.model.Contact;
import io.exchangehub.model.Recipient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import microsoft.exchange.webservices.data.core.enumeration.property.EmailAddressKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhoneNumberKey;
import microsoft.exchange.webservices.data.core.enumeration.property.PhysicalAddressKey;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.misc.OutParam;
import microsoft.exchange.webservices.data.property.complex.EmailAddress;
import microsoft.exchange.webservices.data.property.complex.EmailAddressDictionary;
import microsoft.exchange.webservices.data.property.complex.PhoneNumberDictionary;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressDictionary;
import microsoft.exchange.webservices.data.property.complex.PhysicalAddressEntry;

/** EWS contacts as the model's {@link Contact}, and the model's contact fields onto an EWS contact. */
public final class ContactMapper {

    /** The model's phone kinds and the EWS keys they are kept under. */
    static final Map<Contact.PhoneKind, PhoneNumberKey> PHONES = Map.of(Contact.PhoneKind.BUSINESS, PhoneNumberKey.BusinessPhone,
            Contact.PhoneKind.HOME, PhoneNumberKey.HomePhone, Contact.PhoneKind.MOBILE, PhoneNumberKey.MobilePhone,
            Contact.PhoneKind.BUSINESS_FAX, PhoneNumberKey.BusinessFax, Contact.PhoneKind.OTHER, PhoneNumberKey.OtherTelephone);
    static final Map<Contact.AddressKind, PhysicalAddressKey> ADDRESSES = Map.of(Contact.AddressKind.BUSINESS,
            PhysicalAddressKey.Business, Contact.AddressKind.HOME, PhysicalAddressKey.Home, Contact.AddressKind.OTHER,
            PhysicalAddressKey.Other);
    private static final EmailAddressKey[] EMAIL_KEYS = EmailAddressKey.values();

    private ContactMapper() {}

    public static Contact contact(microsoft.exchange.webservices.data.core.service.item.Contact c) {
        return new Contact(
                Values.get(() -> c.getId().getUniqueId()),
                Values.get(() -> c.getId().getChangeKey()),
                Values.get(() -> c.getParentFolderId().getUniqueId()),
                Values.get(c::getDisplayName), Values.get(c::getGivenName), Values.get(c::getMiddleName), Values.get(c::getSurname),
                Values.get(c::getNickName), Values.get(c::getCompanyName), Values.get(c::getDepartment), Values.get(c::getJobTitle),
                Values.get(c::getOfficeLocation), emails(Values.get(c::getEmailAddresses)), phones(Values.get(c::getPhoneNumbers)),
                addresses(Values.get(c::getPhysicalAddresses)), birthday(Values.get(c::getBirthday)), notes(c),
                Values.strings(c::getCategories));
    }

    private static String notes(Item item) {
        io.exchangehub.model.Body body = MessageMapper.body(Values.get(item::getBody));
        return body == null || body.content().isEmpty() ? null : body.content();
    }

    private static List<Recipient> emails(EmailAddressDictionary dictionary) {
        List<Recipient> emails = new ArrayList<>();
        if (dictionary != null) {
            for (EmailAddressKey key : EMAIL_KEYS) {
                OutParam<EmailAddress> out = new OutParam<>();
                if (dictionary.tryGetValue(key, out) && out.getParam() != null && out.getParam().getAddress() != null) {
                    EmailAddress address = out.getParam();
                    emails.add(new Recipient(address.getName(), smtp(address.getAddress())));
                }
            }
        }
        return List.copyOf(emails);
    }

    /** Directory entries give proxy addresses ({@code SMTP:bob@…}); the model has the bare address. */
    private static String smtp(String address) {
        return address.regionMatches(true, 0, "smtp:", 0, 5) ? address.substring(5) : address;
    }

    private static List<Contact.Phone> phones(PhoneNumberDictionary dictionary) {
        List<Contact.Phone> phones = new ArrayList<>();
        if (dictionary != null) {
            for (Contact.PhoneKind kind : Contact.PhoneKind.values()) {
                OutParam<String> out = new OutParam<>();
                if (dictionary.tryGetValue(PHONES.get(kind), out) && out.getParam() != null && !out.getParam().isBlank()) {
                    phones.add(new Contact.Phone(kind, out.getParam()));
                }
            }
        }
        return List.copyOf(phones);
    }

    private static List<Contact.PostalAddress> addresses(PhysicalAddressDictionary dictionary) {
        List<Contact.PostalAddress> addresses = new ArrayList<>();
        if (dictionary != null) {
            for (Contact.AddressKind kind : Contact.AddressKind.values()) {
                OutParam<PhysicalAddressEntry> out = new OutParam<>();
                if (dictionary.tryGetValue(ADDRESSES.get(kind), out) && out.getParam() != null) {
                    PhysicalAddressEntry a = out.getParam();
                    String street = Values.get(a::getStreet);
                    String city = Values.get(a::getCity);
                    String postalCode = Values.get(a::getPostalCode);
                    if (street != null || city != null || postalCode != null) {
                        addresses.add(new Contact.PostalAddress(kind, street, city, Values.get(a::getState), postalCode,
                                Values.get(a::getCountryOrRegion)));
                    }
                }
            }
        }
        return List.copyOf(addresses);
    }

    /** Birthdays are whole days; Exchange keeps them as an instant near that day's midnight. */
    private static LocalDate birthday(Date date) {
        return date == null ? null : date.toInstant().plusSeconds(12 * 3600).atZone(ZoneOffset.UTC).toLocalDate();
    }

    public static Date birthday(LocalDate date) {
        return date == null ? null : Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Writes the model's fields onto an EWS contact; a null field of the model stays as it is. */
    public static void apply(Contact source, microsoft.exchange.webservices.data.core.service.item.Contact target)
            throws Exception {
        if (source.displayName() != null) {
            target.setDisplayName(source.displayName());
        }
        if (source.givenName() != null) {
            target.setGivenName(source.givenName());
        }
        if (source.middleName() != null) {
            target.setMiddleName(source.middleName());
        }
        if (source.surname() != null) {
            target.setSurname(source.surname());
        }
        if (source.nickName() != null) {
            target.setNickName(source.nickName());
        }
        if (source.companyName() != null) {
            target.setCompanyName(source.companyName());
        }
        if (source.department() != null) {
            target.setDepartment(source.department());
        }
        if (source.jobTitle() != null) {
            target.setJobTitle(source.jobTitle());
        }
        if (source.officeLocation() != null) {
            target.setOfficeLocation(source.officeLocation());
        }
        if (source.birthday() != null) {
            target.setBirthday(birthday(source.birthday()));
        }
        if (source.notes() != null) {
            target.setBody(new microsoft.exchange.webservices.data.property.complex.MessageBody(
                    microsoft.exchange.webservices.data.core.enumeration.property.BodyType.Text, source.notes()));
        }
        if (source.categories() != null && !source.categories().isEmpty()) {
            target.setCategories(new microsoft.exchange.webservices.data.property.complex.StringList(source.categories()));
        }
        if (source.emailAddresses() != null) {
            for (int i = 0; i < Math.min(EMAIL_KEYS.length, source.emailAddresses().size()); i++) {
                Recipient r = source.emailAddresses().get(i);
                target.getEmailAddresses().setEmailAddress(EMAIL_KEYS[i], new EmailAddress(r.name().isEmpty() ? null : r.name(),
                        r.address()));
            }
        }
        if (source.phones() != null) {
            for (Contact.Phone phone : source.phones()) {
                target.getPhoneNumbers().setPhoneNumber(PHONES.get(phone.kind()), phone.number());
            }
        }
        if (source.addresses() != null) {
            for (Contact.PostalAddress address : source.addresses()) {
                PhysicalAddressEntry entry = new PhysicalAddressEntry();
                entry.setStreet(address.street());
                entry.setCity(address.city());
                entry.setState(address.state());
                entry.setPostalCode(address.postalCode());
                entry.setCountryOrRegion(address.countryOrRegion());
                target.getPhysicalAddresses().setPhysicalAddress(ADDRESSES.get(address.kind()), entry);
            }
        }
    }
}
