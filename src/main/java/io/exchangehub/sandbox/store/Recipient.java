package io.exchangehub.sandbox.store;

import java.util.Locale;

/**
 * A mailbox on a message or meeting.
 *
 * @param name    the display name, may be empty
 * @param address the SMTP address
 */
public record Recipient(String name, String address) {

    public Recipient {
        name = name == null ? "" : name;
        address = address == null ? "" : address;
    }

    /** The address, lower-case, for comparisons. */
    public String key() {
        return address.toLowerCase(Locale.ROOT);
    }

    public boolean sameAddress(String other) {
        return other != null && address.equalsIgnoreCase(other);
    }
}
