package io.exchangehub.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncTest {

    private SandboxStore store;
    private Folder inbox;
    private Folder archive;

    @BeforeEach
    void seedTwoHundredFiftyMessages() {
        store = TestMailboxes.store(java.time.Clock.systemUTC(), builder -> {
            Folder in = builder.wellKnown(WellKnownFolder.INBOX);
            for (int i = 0; i < 250; i++) {
                int n = i;
                builder.message(in, m -> {
                    m.subject = "Seeded " + n;
                    m.received = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n * 60L);
                });
            }
        });
        Mailbox alice = store.mailbox(TestMailboxes.ALICE);
        inbox = alice.wellKnown(WellKnownFolder.INBOX);
        archive = store.write(() -> store.createFolder(alice.wellKnown(WellKnownFolder.MSG_FOLDER_ROOT), "Old mail", FolderKind.MAIL, null));
    }

    /** Syncs to the end in pages of {@code max}; returns the final state and every change seen. */
    private String syncAll(String state, int max, List<SyncChange> seen) {
        SyncResult result;
        do {
            String from = state;
            result = store.read(() -> store.syncItems(inbox, from, max));
            seen.addAll(result.changes());
            state = result.state();
        } while (!result.lastInRange());
        return state;
    }

    @Test
    void initialSyncPagesEveryItemExactlyOnce() {
        List<SyncChange> seen = new ArrayList<>();
        syncAll(null, 100, seen);
        assertThat(seen).hasSize(250).allMatch(c -> c.type() == SyncChange.Type.CREATE);
        assertThat(seen.stream().map(SyncChange::id).collect(Collectors.toSet())).hasSize(250);
    }

    @Test
    void laterSyncReportsCreatesUpdatesReadFlagsAndDeletesOnce() {
        String state = syncAll(null, 512, new ArrayList<>());
        List<Item> items = new ArrayList<>(inbox.items());
        Message updated = (Message) items.get(0);
        Message readOnly = (Message) items.get(1);
        Item deleted = items.get(2);
        Item moved = items.get(3);
        Message created = store.write(() -> {
            store.update(updated, null, m -> m.subject = "Changed");
            store.setRead(readOnly, !readOnly.read, null);
            store.delete(deleted, DeleteMode.HARD);
            store.move(moved, archive);
            return store.createMessage(inbox, m -> m.subject = "New");
        });

        List<SyncChange> seen = new ArrayList<>();
        String next = syncAll(state, 2, seen);

        Map<String, SyncChange.Type> types = seen.stream().collect(Collectors.toMap(SyncChange::id, SyncChange::type));
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of(
                updated.id, SyncChange.Type.UPDATE,
                readOnly.id, SyncChange.Type.READ_FLAG_CHANGE,
                deleted.id, SyncChange.Type.DELETE,
                moved.id, SyncChange.Type.DELETE,
                created.id, SyncChange.Type.CREATE));
        assertThat(store.read(() -> store.syncItems(inbox, next, 512)).changes()).as("nothing twice").isEmpty();
    }

    @Test
    void anUpdateDuringPagingIsNeitherLostNorRepeated() {
        String state = syncAll(null, 512, new ArrayList<>());
        List<Item> items = new ArrayList<>(inbox.items());
        store.write(() -> items.subList(0, 10).forEach(item -> store.update(item, null, i -> i.subject = "First round")));
        SyncResult firstPage = store.read(() -> store.syncItems(inbox, state, 4));
        assertThat(firstPage.lastInRange()).isFalse();
        store.write(() -> {
            store.update(items.get(0), null, i -> i.subject = "Second round");
            store.update(items.get(9), null, i -> i.subject = "Second round");
        });
        List<SyncChange> rest = new ArrayList<>();
        syncAll(firstPage.state(), 4, rest);

        Set<String> reported = new HashSet<>();
        firstPage.changes().forEach(c -> reported.add(c.id()));
        rest.forEach(c -> reported.add(c.id()));
        assertThat(reported).containsAll(items.subList(0, 10).stream().map(i -> i.id).toList());
        assertThat(rest).filteredOn(c -> c.id().equals(items.get(0).id)).as("changed again after it was reported").hasSize(1);
        assertThat(rest).filteredOn(c -> c.id().equals(items.get(9).id)).as("reported once, in its latest state").hasSize(1);
    }

    @Test
    void aForeignOrCorruptStateIsRefused() {
        String archiveState = store.read(() -> store.syncItems(archive, null, 10)).state();
        for (String bad : new String[] {archiveState, "garbage", archiveState.substring(0, archiveState.length() / 2)}) {
            assertThatThrownBy(() -> store.read(() -> store.syncItems(inbox, bad, 10))).as(bad)
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.INVALID_SYNC_STATE));
        }
    }

    @Test
    void folderHierarchySyncSeesCreatedRenamedAndDeletedFolders() {
        Folder root = store.mailbox(TestMailboxes.ALICE).wellKnown(WellKnownFolder.MSG_FOLDER_ROOT);
        SyncResult initial = store.read(() -> store.syncFolders(root, null));
        assertThat(initial.changes()).extracting(c -> ((Folder) c.object()).displayName).contains("Inbox", "Old mail", "Calendar");

        Folder clients = store.write(() -> store.createFolder(inbox, "Clients", FolderKind.MAIL, null));
        store.write(() -> {
            store.renameFolder(archive, "Old mail 2026");
            store.deleteFolder(clients, DeleteMode.HARD);
        });
        Folder fresh = store.write(() -> store.createFolder(root, "Fresh", FolderKind.MAIL, null));
        SyncResult later = store.read(() -> store.syncFolders(root, initial.state()));

        Map<String, SyncChange.Type> types = later.changes().stream().collect(Collectors.toMap(SyncChange::id, SyncChange::type));
        assertThat(types).containsEntry(archive.id, SyncChange.Type.UPDATE).containsEntry(fresh.id, SyncChange.Type.CREATE)
                .doesNotContainKey(clients.id);
    }
}
