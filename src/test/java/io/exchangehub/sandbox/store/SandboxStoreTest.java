package io.exchangehub.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SandboxStoreTest {

    private final SandboxStore store = TestMailboxes.store();
    private final Mailbox alice = store.mailbox(TestMailboxes.ALICE);
    private final Mailbox bob = store.mailbox(TestMailboxes.BOB);

    private static void expect(StoreError error, Runnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    @Test
    void sendingDeliversToInternalRecipientsAndFilesTheSentCopy() {
        List<Change> bobsChanges = new CopyOnWriteArrayList<>();
        store.addListener((mailbox, changes) -> {
            if (mailbox == bob) {
                bobsChanges.addAll(changes);
            }
        });
        Message sent = store.write(() -> {
            Message draft = store.createMessage(alice.wellKnown(WellKnownFolder.DRAFTS), m -> {
                m.subject = "Quarterly numbers";
                m.to = List.of(new Recipient("Bob", TestMailboxes.BOB), new Recipient("Ext", "someone@external.example"));
                m.bcc = List.of(new Recipient("Bob again", TestMailboxes.BOB));
                m.body(Body.text("Numbers attached."));
            });
            return store.send(draft, alice.wellKnown(WellKnownFolder.SENT_ITEMS));
        });

        assertThat(sent.folder).isSameAs(alice.wellKnown(WellKnownFolder.SENT_ITEMS));
        assertThat(sent.draft).isFalse();
        assertThat(alice.wellKnown(WellKnownFolder.DRAFTS).totalCount()).isZero();
        Folder bobsInbox = bob.wellKnown(WellKnownFolder.INBOX);
        assertThat(bobsInbox.items()).singleElement().satisfies(item -> {
            Message received = (Message) item;
            assertThat(received.subject).isEqualTo("Quarterly numbers");
            assertThat(received.read).isFalse();
            assertThat(received.bcc).as("bcc is not delivered").isEmpty();
            assertThat(received.internetMessageId).isEqualTo(sent.internetMessageId);
        });
        assertThat(bobsInbox.unreadCount()).isEqualTo(1);
        assertThat(bobsChanges).extracting(Change::type).contains(Change.Type.CREATED, Change.Type.NEW_MAIL);
    }

    @Test
    void sendingWithoutRecipientsOrWithABadAddressChangesNothing() {
        Folder drafts = alice.wellKnown(WellKnownFolder.DRAFTS);
        Message draft = store.write(() -> store.createMessage(drafts, m -> m.subject = "No one"));
        expect(StoreError.INVALID_RECIPIENTS, () -> store.write(() -> store.send(draft, null)));
        store.write(() -> store.update(draft, null, m -> m.to = List.of(new Recipient("", "not-an-address"))));
        expect(StoreError.INVALID_RECIPIENTS, () -> store.write(() -> store.send(draft, null)));
        assertThat(drafts.items()).containsExactly(draft);
        assertThat(bob.wellKnown(WellKnownFolder.INBOX).totalCount()).isZero();
    }

    @Test
    void movingGivesANewIdAndTheOldOneIsGone() {
        Message message = store.write(() -> store.createMessage(alice.wellKnown(WellKnownFolder.INBOX), m -> m.subject = "Move me"));
        Item moved = store.write(() -> store.move(message, alice.wellKnown(WellKnownFolder.ARCHIVE)));
        assertThat(moved.id).isNotEqualTo(message.id);
        assertThat(store.item(moved.id).subject).isEqualTo("Move me");
        expect(StoreError.ITEM_NOT_FOUND, () -> store.item(message.id));
        Change last = alice.changesAfter(0).get(alice.changesAfter(0).size() - 1);
        assertThat(last.type()).isEqualTo(Change.Type.MOVED);
        assertThat(last.oldId()).isEqualTo(message.id);
    }

    @Test
    void aStaleChangeKeyIsAConflictAndAGarbledOneIsInvalid() {
        Message message = store.write(() -> store.createMessage(alice.wellKnown(WellKnownFolder.INBOX), m -> m.subject = "v1"));
        String first = message.changeKey();
        store.write(() -> store.update(message, first, m -> m.subject = "v2"));
        expect(StoreError.CONFLICT, () -> store.write(() -> store.update(message, first, m -> m.subject = "v3")));
        expect(StoreError.INVALID_CHANGE_KEY, () -> store.write(() -> store.update(message, "%%%", m -> m.subject = "v3")));
        assertThat(message.subject).isEqualTo("v2");
    }

    @Test
    void folderRulesMatchExchange() {
        Folder inbox = alice.wellKnown(WellKnownFolder.INBOX);
        Folder clients = store.write(() -> store.createFolder(inbox, "Clients", FolderKind.MAIL, null));
        expect(StoreError.FOLDER_EXISTS, () -> store.write(() -> store.createFolder(inbox, "clients", FolderKind.MAIL, null)));
        expect(StoreError.CANNOT_DELETE_DISTINGUISHED_FOLDER, () -> store.write(() -> store.deleteFolder(inbox, DeleteMode.HARD)));
        expect(StoreError.MOVE_COPY_FAILED, () -> store.write(() -> store.moveFolder(inbox, clients)));
        Folder acme = store.write(() -> store.createFolder(clients, "ACME", FolderKind.MAIL, null));
        expect(StoreError.MOVE_COPY_FAILED, () -> store.write(() -> store.moveFolder(clients, acme)));
        assertThat(acme.path()).isEqualTo("/Inbox/Clients/ACME");
        store.write(() -> store.deleteFolder(clients, DeleteMode.MOVE_TO_DELETED_ITEMS));
        assertThat(acme.path()).isEqualTo("/Deleted Items/Clients/ACME");
    }

    @Test
    void idsOfAnotherMailboxNeedAccessAndUnknownMailboxesAreNotFound() {
        expect(StoreError.ACCESS_DENIED, () -> store.open(TestMailboxes.BOB, TestMailboxes.ALICE));
        assertThat(store.open(TestMailboxes.ALICE, TestMailboxes.TEAM).address).isEqualTo(TestMailboxes.TEAM);
        expect(StoreError.ACCESS_DENIED, () -> store.open(TestMailboxes.BOB, TestMailboxes.TEAM));
        expect(StoreError.MAILBOX_NOT_FOUND, () -> store.mailbox("nobody@test.example"));
    }

    @Test
    void meetingRequestsResponsesAndCancellationsReachEveryInternalAttendee() {
        CalendarEvent meeting = store.write(() -> {
            CalendarEvent event = store.createEvent(alice.wellKnown(WellKnownFolder.CALENDAR), e -> {
                e.subject = "Planning";
                e.start = Instant.parse("2026-03-10T09:00:00Z");
                e.end = Instant.parse("2026-03-10T10:00:00Z");
                e.startZone = ZoneId.of("Europe/Berlin");
                e.attendees = List.of(new Attendee(new Recipient("Bob", TestMailboxes.BOB), Attendee.Type.REQUIRED,
                        ResponseType.NOT_RESPONDED, null));
            });
            store.sendMeetingRequests(event);
            return event;
        });
        CalendarEvent bobsCopy = store.findByUid(bob, meeting.uid);
        assertThat(bobsCopy.myResponse).isEqualTo(ResponseType.NOT_RESPONDED);
        assertThat(bob.wellKnown(WellKnownFolder.INBOX).items()).anySatisfy(item ->
                assertThat(((Message) item).kind).isEqualTo(MessageKind.MEETING_REQUEST));

        store.write(() -> store.respond(bobsCopy, ResponseType.ACCEPTED, "See you there", true));
        assertThat(meeting.attendees.get(0).response()).isEqualTo(ResponseType.ACCEPTED);
        assertThat(alice.wellKnown(WellKnownFolder.INBOX).items()).anySatisfy(item -> {
            assertThat(((Message) item).kind).isEqualTo(MessageKind.MEETING_ACCEPTED);
            assertThat(item.subject).isEqualTo("Accepted: Planning");
        });
        expect(StoreError.INVALID_MEETING_RESPONSE, () -> store.write(() -> store.respond(meeting, ResponseType.ACCEPTED, null, true)));

        store.write(() -> store.cancelMeeting(meeting, "Plans changed"));
        assertThat(bobsCopy.cancelled).isTrue();
        assertThat(store.findByUid(alice, meeting.uid)).as("no longer in the calendar").isNull();
        assertThat(alice.wellKnown(WellKnownFolder.DELETED_ITEMS).items()).anySatisfy(item ->
                assertThat(((CalendarEvent) item).uid).isEqualTo(meeting.uid));
    }

    @Test
    void replyAllAddressesEveryoneButMeAndQuotesTheOriginal() {
        Message original = store.write(() -> store.createMessage(alice.wellKnown(WellKnownFolder.INBOX), m -> {
            m.subject = "RE: Budget";
            m.draft = false;
            m.from = new Recipient("Carl", "carl@external.example");
            m.to = List.of(alice.recipient(), new Recipient("Dora", "dora@external.example"));
            m.cc = List.of(new Recipient("Eve", "eve@external.example"));
            m.internetMessageId = "<1@external.example>";
            m.body(Body.html("<p>The budget is <b>approved</b>.</p>"));
        }));
        Message reply = store.write(() -> store.createResponse(original, ReplyKind.REPLY_ALL, "Great news", null));
        assertThat(reply.subject).isEqualTo("RE: Budget");
        assertThat(reply.to).extracting(Recipient::address).containsExactly("carl@external.example", "dora@external.example");
        assertThat(reply.cc).extracting(Recipient::address).containsExactly("eve@external.example");
        assertThat(reply.inReplyTo).isEqualTo("<1@external.example>");
        assertThat(reply.body().asText()).contains("Great news").contains("The budget is approved.");
        assertThat(reply.folder).isSameAs(alice.wellKnown(WellKnownFolder.DRAFTS));
    }

    @Test
    void findPagesInACachedOrderAndFilters() {
        Folder inbox = alice.wellKnown(WellKnownFolder.INBOX);
        store.write(() -> {
            for (int i = 0; i < 30; i++) {
                int n = i;
                store.createMessage(inbox, m -> {
                    m.subject = "Message " + n;
                    m.received = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n);
                    m.read = n % 3 == 0;
                });
            }
        });
        Page<Item> deep = store.read(() -> store.find(inbox, null, ItemOrder.NEWEST_FIRST, 25, 10));
        assertThat(deep.total()).isEqualTo(30);
        assertThat(deep.items()).extracting(i -> i.subject).containsExactly("Message 4", "Message 3", "Message 2", "Message 1", "Message 0");
        assertThat(deep.last()).isTrue();
        Page<Item> unread = store.read(() -> store.find(inbox, i -> !((Message) i).read, ItemOrder.of(ItemOrder.Property.SUBJECT, false), 0, 100));
        assertThat(unread.total()).isEqualTo(20);
        List<String> subjects = new ArrayList<>(unread.items().stream().map(i -> i.subject).toList());
        assertThat(subjects).isSorted();
    }

    @Test
    void anUpdateWithImpossibleTimesLeavesTheEventAsItWas() {
        CalendarEvent event = store.write(() -> store.createEvent(alice.wellKnown(WellKnownFolder.CALENDAR), e -> {
            e.subject = "Review";
            e.start = Instant.parse("2026-03-10T09:00:00Z");
            e.end = Instant.parse("2026-03-10T10:00:00Z");
        }));
        String changeKey = event.changeKey();
        expect(StoreError.INVALID_REQUEST, () -> store.write(() -> store.update(event, null, e -> {
            e.start = Instant.parse("2026-03-10T12:00:00Z");
            e.end = Instant.parse("2026-03-10T11:00:00Z");
        })));
        assertThat(event.start).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(event.end).isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
        assertThat(event.changeKey()).isEqualTo(changeKey);
    }

    @Test
    void writesInsideReadsAreRefusedInsteadOfDeadlocking() {
        assertThatThrownBy(() -> store.read(() -> store.write(() -> 1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.createMessage(alice.wellKnown(WellKnownFolder.INBOX), m -> { }))
                .isInstanceOf(IllegalStateException.class);
    }
}
