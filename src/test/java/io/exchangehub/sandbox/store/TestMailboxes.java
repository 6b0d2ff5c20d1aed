package io.exchangehub.sandbox.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** A small store for unit tests: two users and a shared mailbox, empty but for their distinguished folders. */
final class TestMailboxes {

    static final String ALICE = "alice@test.example";
    static final String BOB = "bob@test.example";
    static final String TEAM = "team@test.example";

    private TestMailboxes() {}

    static SandboxStore store(Clock clock, MailboxPopulator populator) {
        return new SandboxStore(List.of(
                new Mailbox(0, ALICE, "Alice", MailboxType.USER, "ews", Set.of(), ZoneId.of("Europe/Berlin")),
                new Mailbox(1, BOB, "Bob", MailboxType.USER, "graph", Set.of(), ZoneId.of("America/New_York")),
                new Mailbox(2, TEAM, "Team", MailboxType.SHARED, "ews", Set.of(ALICE), ZoneId.of("UTC"))),
                List.of(new DirectoryEntry("Dana Directory", "dana@test.example", "Dana", "Directory", "CFO", "Finance",
                        "Berlin", "+49", "Mailbox")),
                populator, clock, "test.example");
    }

    static SandboxStore store() {
        return store(Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC), builder -> { });
    }
}
