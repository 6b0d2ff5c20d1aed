package io.exchangehub.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A personal contact.
 *
 * @param id             the contact's id
 * @param changeKey      its version
 * @param folderId       the contacts folder holding it
 * @param displayName    display name
 * @param givenName      first name
 * @param middleName     middle name
 * @param surname        last name
 * @param nickName       nickname
 * @param companyName    company
 * @param department     department
 * @param jobTitle       job title
 * @param officeLocation office
 * @param emailAddresses up to three e-mail addresses
 * @param phones         phone numbers by kind
 * @param addresses      postal addresses by kind
 * @param birthday       birthday, or null
 * @param notes          notes (the body as text), or null
 * @param categories     categories
 */
public record Contact(String id, String changeKey, String folderId, String displayName, String givenName, String middleName,
        String surname, String nickName, String companyName, String department, String jobTitle, String officeLocation,
        List<Recipient> emailAddresses, List<Phone> phones, List<PostalAddress> addresses, LocalDate birthday, String notes,
        List<String> categories) {

    /**
     * @param kind   business, home, mobile, business fax, other
     * @param number the number as written
     */
    public record Phone(PhoneKind kind, String number) {}

    public enum PhoneKind { BUSINESS, HOME, MOBILE, BUSINESS_FAX, OTHER }

    /**
     * @param kind            business, home or other
     * @param street          street and number
     * @param city            city
     * @param state           state or province
     * @param postalCode      postal code
     * @param countryOrRegion country or region
     */
    public record PostalAddress(AddressKind kind, String street, String city, String state, String postalCode,
            String countryOrRegion) {}

    public enum AddressKind { BUSINESS, HOME, OTHER }
}
