package io.exchangehub.model;

/**
 * A person or mailbox on a message, meeting or contact.
 *
 * @param name    the display name, may be empty
 * @param address the SMTP address
 */
public record Recipient(String name, String address) {

    public Recipient {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
    }
}
