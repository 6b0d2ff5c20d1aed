package io.exchangehub.sandbox.seed;

import io.exchangehub.sandbox.store.DirectoryEntry;
import io.exchangehub.sandbox.store.Mailbox;
import java.util.ArrayList;
import java.util.List;

/** The sandbox organisation's address list: its mailboxes and 150 colleagues. */
public final class SeedDirectory {

    private SeedDirectory() {}

    public static List<DirectoryEntry> entries(long seed, String domain) {
        List<DirectoryEntry> entries = new ArrayList<>();
        for (Mailbox mailbox : SandboxUsers.mailboxes(domain)) {
            String[] names = mailbox.displayName.split(" ", 2);
            entries.add(new DirectoryEntry(mailbox.displayName, mailbox.address, names[0], names.length > 1 ? names[1] : "",
                    mailbox.type == io.exchangehub.sandbox.store.MailboxType.SHARED ? "" : "Account Manager", "Sales",
                    "Berlin", "+49 30 5555 0100", "Mailbox"));
        }
        for (Person person : People.colleagues(seed, domain)) {
            entries.add(new DirectoryEntry(person.name(), person.email(), person.givenName(), person.surname(), person.title(),
                    person.department(), person.cityData()[0], person.phone(), "Mailbox"));
        }
        return entries;
    }
}
