package io.exchangehub.sandbox.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A personal contact. */
public final class Contact extends Item {

    public enum PhoneKind { BUSINESS, HOME, MOBILE, BUSINESS_FAX, OTHER }

    public enum AddressKind { BUSINESS, HOME, OTHER }

    /**
     * A postal address.
     *
     * @param street     street and number
     * @param city       city
     * @param state      state or province
     * @param postalCode postal code
     * @param country    country or region
     */
    public record Address(String street, String city, String state, String postalCode, String country) {}

    public String givenName = "";
    public String middleName = "";
    public String surname = "";
    public String displayName = "";
    public String fileAs = "";
    public String nickname = "";
    public String initials = "";
    public String companyName = "";
    public String department = "";
    public String jobTitle = "";
    public String officeLocation = "";
    public String personalHomePage = "";
    /** Up to three e-mail addresses, EmailAddress1 to EmailAddress3 in EWS. */
    public List<Recipient> emailAddresses = new ArrayList<>();
    public Map<PhoneKind, String> phones = new EnumMap<>(PhoneKind.class);
    public Map<AddressKind, Address> addresses = new EnumMap<>(AddressKind.class);
    public LocalDate birthday;
    public List<String> imAddresses = new ArrayList<>();

    public Contact(Mailbox mailbox, long number, Instant created) {
        super(mailbox, number, "IPM.Contact", created);
    }

    void copyTo(Contact target) {
        copyCommonTo(target);
        target.givenName = givenName;
        target.middleName = middleName;
        target.surname = surname;
        target.displayName = displayName;
        target.fileAs = fileAs;
        target.nickname = nickname;
        target.initials = initials;
        target.companyName = companyName;
        target.department = department;
        target.jobTitle = jobTitle;
        target.officeLocation = officeLocation;
        target.personalHomePage = personalHomePage;
        target.emailAddresses = new ArrayList<>(emailAddresses);
        target.phones = new EnumMap<>(PhoneKind.class);
        target.phones.putAll(phones);
        target.addresses = new EnumMap<>(AddressKind.class);
        target.addresses.putAll(addresses);
        target.birthday = birthday;
        target.imAddresses = new ArrayList<>(imAddresses);
    }
}
