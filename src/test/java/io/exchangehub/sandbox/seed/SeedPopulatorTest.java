package io.exchangehub.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.FileAttachment;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.ItemAttachment;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedPopulatorTest {

    private static final String DOMAIN = "contoso.example";
    private static final LocalDate ANCHOR = LocalDate.of(2026, 3, 2);

    private static SandboxStore store(long seed) {
        return new SandboxStore(SandboxUsers.mailboxes(DOMAIN), SeedDirectory.entries(seed, DOMAIN),
                new SeedPopulator(seed, ANCHOR, DOMAIN), Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC), DOMAIN);
    }

    /** A fingerprint of a mailbox: every folder path, item subject, date, body and attachment digest. */
    private static String fingerprint(SandboxStore store, String address) throws Exception {
        Mailbox mailbox = store.mailbox(address);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        List<Folder> folders = new ArrayList<>(store.descendants(mailbox.wellKnown(WellKnownFolder.ROOT)));
        for (Folder folder : folders) {
            digest.update(folder.path().getBytes());
            for (Item item : folder.sortedItems(io.exchangehub.sandbox.store.ItemOrder.NEWEST_FIRST)) {
                digest.update((item.id + item.subject + item.created + item.body().content()).getBytes());
                for (Attachment attachment : item.attachments) {
                    digest.update((attachment.name + attachment.size()).getBytes());
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void theSameSeedGivesTheSameMailboxesAndAnotherSeedDifferentOnes() throws Exception {
        assertThat(fingerprint(store(7), "alice@" + DOMAIN)).isEqualTo(fingerprint(store(7), "alice@" + DOMAIN));
        assertThat(fingerprint(store(7), "carol@" + DOMAIN)).isNotEqualTo(fingerprint(store(8), "carol@" + DOMAIN));
    }

    @Test
    void everyMailboxHasTheArchiveTheLargeAttachmentAndFiveHundredContacts() throws Exception {
        SandboxStore store = store(20261127);
        for (Mailbox mailbox : store.mailboxes()) {
            Mailbox full = store.mailbox(mailbox.address);
            Folder archive = full.folderByPath(SeedPopulator.ARCHIVE_FOLDER);
            assertThat(archive.totalCount()).as(mailbox.address).isEqualTo(10_000);
            assertThat(archive.parent).isSameAs(full.wellKnown(WellKnownFolder.MSG_FOLDER_ROOT));
            assertThat(archive.items()).filteredOn(Item::hasAttachments).hasSizeGreaterThan(500);
            assertThat(full.folderByPath("Inbox/Clients/ACME").totalCount()).isPositive();

            FileAttachment large = largeAttachment(full);
            assertThat(large.size()).isEqualTo(25L * 1024 * 1024);
            try (InputStream in = large.content.open()) {
                byte[] head = in.readNBytes(5);
                assertThat(new String(head)).isEqualTo("%PDF-");
            }
            assertThat(full.wellKnown(WellKnownFolder.CONTACTS).totalCount()).isGreaterThanOrEqualTo(500);
            assertThat(full.wellKnown(WellKnownFolder.CONTACTS).items()).allSatisfy(item ->
                    assertThat(((Contact) item).emailAddresses).isNotEmpty());
        }
    }

    private static FileAttachment largeAttachment(Mailbox mailbox) {
        for (Item item : mailbox.wellKnown(WellKnownFolder.INBOX).items()) {
            for (Attachment attachment : item.attachments) {
                if (attachment.name.equals(SeedPopulator.LARGE_ATTACHMENT_NAME)) {
                    return (FileAttachment) attachment;
                }
            }
        }
        throw new AssertionError("no large attachment in " + mailbox.address);
    }

    @Test
    void ownMessagesAreInSentItemsAndOthersInTheInbox() {
        SandboxStore store = store(5);
        for (Mailbox mailbox : store.mailboxes()) {
            Mailbox full = store.mailbox(mailbox.address);
            assertThat(full.wellKnown(WellKnownFolder.INBOX).items()).as(mailbox.address)
                    .allSatisfy(item -> assertThat(((Message) item).from.address()).isNotEqualTo(mailbox.address));
            assertThat(full.wellKnown(WellKnownFolder.SENT_ITEMS).items()).as(mailbox.address)
                    .allSatisfy(item -> assertThat(((Message) item).from.address()).isEqualTo(mailbox.address))
                    .hasSizeGreaterThan(100);
        }
    }

    @Test
    void attachmentContentIsReproducibleAndRandomlyAccessible() throws Exception {
        FileAttachment one = largeAttachment(store(1).mailbox("bob@" + DOMAIN));
        FileAttachment two = largeAttachment(store(1).mailbox("bob@" + DOMAIN));
        byte[] whole;
        try (InputStream in = one.content.open()) {
            whole = in.readNBytes(1 << 20);
        }
        try (InputStream in = two.content.open()) {
            assertThat(in.readNBytes(1 << 20)).isEqualTo(whole);
        }
        try (InputStream range = one.content.open(12345, 1000)) {
            byte[] slice = range.readAllBytes();
            assertThat(slice).hasSize(1000);
            assertThat(slice).isEqualTo(java.util.Arrays.copyOfRange(whole, 12345, 13345));
        }
    }

    @Test
    void inlineImagesItemAttachmentsAndConversationsAreSeeded() {
        Mailbox alice = store(3).mailbox("alice@" + DOMAIN);
        Message newsletter = (Message) alice.folderByPath("Inbox/Newsletters").items().iterator().next();
        assertThat(newsletter.attachments).singleElement().satisfies(a -> {
            assertThat(a.inline).isTrue();
            assertThat(newsletter.body().content()).contains("cid:" + a.contentId);
        });
        assertThat(newsletter.hasAttachments()).as("inline images are not attachments users see").isFalse();
        assertThat(alice.wellKnown(WellKnownFolder.INBOX).items()).anySatisfy(item ->
                assertThat(item.attachments).anySatisfy(a -> assertThat(a).isInstanceOf(ItemAttachment.class)));
        long threaded = alice.wellKnown(WellKnownFolder.INBOX).items().stream()
                .filter(item -> ((Message) item).inReplyTo != null).count();
        assertThat(threaded).isGreaterThan(20);
    }

    @Test
    void meetingsAmongSandboxUsersAgreeInEveryMailboxAndFollowTheirWallClock() {
        SandboxStore store = store(20261127);
        Mailbox alice = store.mailbox("alice@" + DOMAIN);
        Mailbox bob = store.mailbox("bob@" + DOMAIN);
        CalendarEvent organizer = eventBySubject(alice, "Sales pipeline review");
        CalendarEvent copy = store.findByUid(bob, organizer.uid);
        assertThat(copy.organizer.address()).isEqualTo(alice.address);
        assertThat(copy.myResponse).isEqualTo(ResponseType.ACCEPTED);
        assertThat(organizer.attendees).anySatisfy(a -> assertThat(a.recipient().address()).isEqualTo(bob.address));

        ZoneId berlin = ZoneId.of("Europe/Berlin");
        List<Occurrence> spring = organizer.occurrences(Instant.parse("2026-03-15T00:00:00Z"), Instant.parse("2026-04-10T00:00:00Z"));
        assertThat(spring).hasSizeGreaterThanOrEqualTo(3);
        assertThat(spring).allSatisfy(o -> assertThat(o.start().atZone(berlin).toLocalTime()).isEqualTo(LocalTime.of(10, 0)));
        assertThat(spring).extracting(o -> o.start().atZone(ZoneOffset.UTC).getHour()).contains(9, 8);

        assertThat(alice.wellKnown(WellKnownFolder.CALENDAR).items()).anySatisfy(item -> assertThat(((CalendarEvent) item).allDay).isTrue());
    }

    private static CalendarEvent eventBySubject(Mailbox mailbox, String subject) {
        return mailbox.wellKnown(WellKnownFolder.CALENDAR).items().stream().map(CalendarEvent.class::cast)
                .filter(e -> e.subject.equals(subject)).findFirst().orElseThrow();
    }
}
