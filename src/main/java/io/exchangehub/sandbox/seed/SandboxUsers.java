package io.exchangehub.sandbox.seed;

import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.MailboxType;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The sandbox organisation's mailboxes: two on-premises users (EWS), one Exchange Online
 * user (Graph), and a shared mailbox the on-premises users may open.
 */
public final class SandboxUsers {

    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    public static final String CAROL = "carol";
    public static final String SALES = "sales";

    private SandboxUsers() {}

    public static List<Mailbox> mailboxes(String domain) {
        return List.of(
                new Mailbox(0, ALICE + "@" + domain, "Alice Wong", MailboxType.USER, "ews", Set.of(), ZoneId.of("Europe/Berlin")),
                new Mailbox(1, BOB + "@" + domain, "Bob Müller", MailboxType.USER, "ews", Set.of(), ZoneId.of("America/New_York")),
                new Mailbox(2, CAROL + "@" + domain, "Carol Dupont", MailboxType.USER, "graph", Set.of(), ZoneId.of("Europe/London")),
                new Mailbox(3, SALES + "@" + domain, "Contoso Sales", MailboxType.SHARED, "ews",
                        Set.of(ALICE + "@" + domain, BOB + "@" + domain), ZoneId.of("Europe/Berlin")));
    }
}
