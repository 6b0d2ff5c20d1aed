package io.exchangehub.sandbox.store;

/**
 * A person in the organisation's address list (the GAL), what ResolveNames finds besides contacts.
 *
 * @param name       display name
 * @param address    primary SMTP address
 * @param givenName  first name
 * @param surname    last name
 * @param title      job title
 * @param department department
 * @param office     office location
 * @param phone      business phone
 * @param type       {@code Mailbox} for a person, {@code PublicDL}, or {@code Mailbox} for a shared mailbox
 */
public record DirectoryEntry(String name, String address, String givenName, String surname, String title,
        String department, String office, String phone, String type) {

    public Recipient recipient() {
        return new Recipient(name, address);
    }
}
