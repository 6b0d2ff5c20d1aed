package io.exchangehub.sandbox.seed;

import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Flag;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.GeneratedContent;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.InternetHeader;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.MailboxBuilder;
import io.exchangehub.sandbox.store.MailboxPopulator;
import io.exchangehub.sandbox.store.MailboxType;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.OccurrenceOverride;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.Recurrence;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.ShowAs;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fills each sandbox mailbox with realistic, reproducible contents: a folder tree with nested
 * client folders, recent mail in conversations, {@value #ARCHIVE_SIZE} messages in
 * {@code Archive 2024}, attachments from 1 KB to 25 MB (including an inline image and an
 * attached message), calendars with single, all-day and recurring meetings in several time
 * zones, and {@value #CONTACTS} contacts. The same seed and anchor always give the same mailboxes.
 */
public final class SeedPopulator implements MailboxPopulator {

    public static final String ARCHIVE_FOLDER = "Archive 2024";
    public static final int ARCHIVE_SIZE = 10_000;
    public static final int CONTACTS = 520;
    /** The largest seeded attachment, in the Inbox of every mailbox. */
    public static final long LARGE_ATTACHMENT_SIZE = 25L * 1024 * 1024;
    public static final String LARGE_ATTACHMENT_NAME = "Board-pack-Q3.pdf";

    private final long seed;
    private final LocalDate anchor;
    private final String domain;
    private final List<Person> customers;
    private final List<Person> colleagues;
    private final SharedSeed shared;

    public SeedPopulator(long seed, LocalDate anchor, String domain) {
        this.seed = seed;
        this.anchor = anchor;
        this.domain = domain;
        this.customers = People.customers(seed);
        this.colleagues = People.colleagues(seed, domain);
        List<Recipient> users = SandboxUsers.mailboxes(domain).stream()
                .filter(m -> m.type == MailboxType.USER).map(Mailbox::recipient).toList();
        this.shared = new SharedSeed(seed, anchor, users, domain);
    }

    @Override
    public void populate(MailboxBuilder builder) {
        Mailbox mailbox = builder.mailbox();
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + mailbox.ordinal * 7_777L + 1);
        Folders folders = folders(builder);
        recentMail(builder, random, folders);
        specialMessages(builder, random, folders.inbox);
        internalMail(builder);
        archive(builder, random, folders.archive2024);
        drafts(builder, random, folders);
        calendar(builder, random);
        contacts(builder, random, folders);
    }

    // ------------------------------------------------------------------ folders

    private record Folders(Folder inbox, Folder clients, List<Folder> clientFolders, List<Folder> projectFolders,
            Folder newsletters, Folder archive2024, Folder keyAccounts) {}

    private Folders folders(MailboxBuilder builder) {
        Folder inbox = builder.wellKnown(WellKnownFolder.INBOX);
        Folder root = builder.wellKnown(WellKnownFolder.MSG_FOLDER_ROOT);
        Folder clients = builder.folder(inbox, "Clients", FolderKind.MAIL);
        List<Folder> clientFolders = List.of(builder.folder(clients, "ACME", FolderKind.MAIL),
                builder.folder(clients, "Globex", FolderKind.MAIL), builder.folder(clients, "Initech", FolderKind.MAIL));
        Folder projects = builder.folder(inbox, "Projects", FolderKind.MAIL);
        Folder apollo = builder.folder(projects, "Apollo", FolderKind.MAIL);
        List<Folder> projectFolders = List.of(apollo, builder.folder(apollo, "Design", FolderKind.MAIL),
                builder.folder(projects, "Hermes", FolderKind.MAIL));
        Folder newsletters = builder.folder(inbox, "Newsletters", FolderKind.MAIL);
        Folder archive2024 = builder.folder(root, ARCHIVE_FOLDER, FolderKind.MAIL);
        Folder keyAccounts = builder.folder(builder.wellKnown(WellKnownFolder.CONTACTS), "Key accounts", FolderKind.CONTACTS);
        return new Folders(inbox, clients, clientFolders, projectFolders, newsletters, archive2024, keyAccounts);
    }

    // ------------------------------------------------------------------ mail

    private Instant anchorNoon() {
        return anchor.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private void recentMail(MailboxBuilder builder, SplittableRandom random, Folders folders) {
        Mailbox mailbox = builder.mailbox();
        Instant end = anchorNoon();
        thread(builder, random, folders.inbox, 240, end.minus(Duration.ofDays(60)), end, true);
        for (Folder client : folders.clientFolders) {
            thread(builder, random, client, 40, end.minus(Duration.ofDays(120)), end.minus(Duration.ofDays(5)), true);
        }
        for (Folder project : folders.projectFolders) {
            thread(builder, random, project, 15, end.minus(Duration.ofDays(90)), end.minus(Duration.ofDays(10)), true);
        }
        thread(builder, random, builder.wellKnown(WellKnownFolder.DELETED_ITEMS), 25, end.minus(Duration.ofDays(30)), end, true);
        thread(builder, random, builder.wellKnown(WellKnownFolder.JUNK_EMAIL), 10, end.minus(Duration.ofDays(30)), end, true);
        thread(builder, random, builder.wellKnown(WellKnownFolder.SENT_ITEMS), 120, end.minus(Duration.ofDays(60)), end, false);
        for (int i = 0; i < 12; i++) {
            newsletter(builder, random, folders.newsletters, end.minus(Duration.ofDays(7L * i + 1)));
        }
        if (mailbox.type == MailboxType.SHARED) {
            thread(builder, random, folders.inbox, 60, end.minus(Duration.ofDays(14)), end, true);
        }
    }

    /**
     * {@code count} messages in conversations of one to four between two instants, for
     * {@code folder}: with {@code incoming}, the customer writes first and the mailbox's own
     * replies land in Sent Items; otherwise the mailbox writes first (into {@code folder}, Sent
     * Items) and the customer's replies land in the Inbox.
     */
    private void thread(MailboxBuilder builder, SplittableRandom random, Folder folder, int count, Instant from, Instant to,
            boolean incoming) {
        Mailbox mailbox = builder.mailbox();
        long span = Math.max(1, Duration.between(from, to).toMinutes());
        int made = 0;
        while (made < count) {
            Person person = customers.get(random.nextInt(customers.size()));
            Texts.Theme theme = new Texts.Theme(person.company(), Vocabulary.pick(random, Vocabulary.PRODUCTS),
                    Vocabulary.pick(random, Vocabulary.TOPICS));
            String subject = Texts.subject(random, theme);
            String conversationId = conversationId(random);
            int length = Math.min(count - made, 1 + random.nextInt(4));
            Instant at = from.plus(Duration.ofMinutes(random.nextLong(span)));
            String previous = null;
            for (int i = 0; i < length; i++) {
                boolean fromPerson = incoming == (i % 2 == 0);
                Recipient sender = fromPerson ? person.recipient() : mailbox.recipient();
                Recipient recipient = fromPerson ? mailbox.recipient() : person.recipient();
                Instant sent = at;
                String messageId = messageId(random, fromPerson ? person.email() : mailbox.address);
                String inReplyTo = previous;
                String threadSubject = (i == 0 ? "" : "RE: ") + subject;
                int position = i;
                boolean attach = random.nextInt(9) == 0;
                long bodySeed = random.nextLong();
                boolean html = random.nextInt(10) < 7;
                Folder target = fromPerson == incoming ? folder
                        : builder.wellKnown(incoming ? WellKnownFolder.SENT_ITEMS : WellKnownFolder.INBOX);
                Message message = builder.message(target, m -> {
                    List<Recipient> cc = random.nextInt(5) == 0
                            ? List.of(colleagues.get(random.nextInt(colleagues.size())).recipient()) : List.of();
                    envelope(m, threadSubject, sender, List.of(recipient), sent, sent.plusSeconds(2 + random.nextInt(30)));
                    m.cc = cc;
                    m.read = !fromPerson || target.wellKnown != WellKnownFolder.INBOX || random.nextInt(10) < 6;
                    m.importance = random.nextInt(20) == 0 ? Importance.HIGH : random.nextInt(30) == 0 ? Importance.LOW : Importance.NORMAL;
                    m.flag = random.nextInt(15) == 0 ? Flag.flagged() : Flag.NONE;
                    m.categories = random.nextInt(6) == 0 ? List.of(Vocabulary.pick(random, Vocabulary.CATEGORIES)) : List.of();
                    m.conversationId = conversationId;
                    m.conversationTopic = subject;
                    m.conversationIndex = conversationIndex(conversationId, position);
                    m.internetMessageId = messageId;
                    m.inReplyTo = inReplyTo;
                    m.references = inReplyTo;
                    m.headers = headers(sender, recipient, messageId, sent);
                    String greeting = recipient.name().split(" ")[0];
                    String signature = sender.name();
                    m.bodySource(() -> Texts.body(bodySeed, greeting, signature, theme, html));
                });
                if (attach) {
                    attachment(builder, random, message, theme, 1024, 2 * 1024 * 1024);
                }
                previous = messageId;
                at = at.plus(Duration.ofMinutes(20 + random.nextInt(900)));
                if (at.isAfter(to)) {
                    at = to.minusSeconds(60L * (length - i));
                }
                made++;
            }
        }
    }

    private void newsletter(MailboxBuilder builder, SplittableRandom random, Folder folder, Instant at) {
        Recipient sender = new Recipient("Contoso Insider", "newsletter@" + domain);
        Recipient recipient = builder.mailbox().recipient();
        String messageId = messageId(random, sender.address());
        String issue = "Contoso Insider – issue " + (200 + random.nextInt(100));
        Message message = builder.message(folder, m -> {
            envelope(m, issue, sender, List.of(recipient), at, at.plusSeconds(5));
            m.read = random.nextBoolean();
            m.conversationId = conversationId(random);
            m.conversationTopic = issue;
            m.internetMessageId = messageId;
            m.headers = headers(sender, recipient, messageId, at);
            m.body(Body.html("<html><body><div style=\"font-family:Segoe UI,Arial\"><img src=\"cid:insider-logo@contoso\" "
                    + "alt=\"Contoso Insider\" width=\"96\" height=\"48\"><h2>" + issue + "</h2><p>Quarterly results are in: "
                    + "revenue grew in every region. Read the CEO's note and the product updates below.</p>"
                    + "<ul><li>New office in Oslo</li><li>Integration Hub 2.0 released</li><li>Volunteer day on Friday</li></ul>"
                    + "</div></body></html>"));
        });
        builder.file(message, "insider-logo.png", "image/png", new BytesContent(Images.logo()), a -> {
            a.inline = true;
            a.contentId = "insider-logo@contoso";
        });
    }

    /** Messages every demo and test relies on: the 25 MB attachment, an attached message, attachment sizes. */
    private void specialMessages(MailboxBuilder builder, SplittableRandom random, Folder inbox) {
        Mailbox mailbox = builder.mailbox();
        Person cfo = customers.get(0);
        Instant at = anchorNoon().minus(Duration.ofHours(3));
        Message board = simple(builder, random, inbox, cfo.recipient(), mailbox.recipient(), "Board pack for Q3 (25 MB)", at,
                "Hi,\n\nthe full board pack for Q3 is attached (it is large, 25 MB).\n\nBest regards,\n" + cfo.name());
        builder.file(board, LARGE_ATTACHMENT_NAME, "application/pdf",
                GeneratedContent.forFile(LARGE_ATTACHMENT_NAME, seed ^ 0x25L, LARGE_ATTACHMENT_SIZE), a -> { });

        Person sender = customers.get(1);
        Message sizes = simple(builder, random, inbox, sender.recipient(), mailbox.recipient(), "Documents for the audit",
                at.minus(Duration.ofHours(5)), "Hi,\n\nhere are the documents the auditors asked for.\n\nThanks,\n" + sender.name());
        long[] sizeList = {1024, 100 * 1024, 1024 * 1024, 5 * 1024 * 1024};
        String[] names = {"checklist.txt", "Summary.docx", "Ledger-2024.xlsx", "Scans.pdf"};
        for (int i = 0; i < sizeList.length; i++) {
            builder.file(sizes, names[i], io.exchangehub.sandbox.store.SandboxStore.guessContentType(names[i]),
                    GeneratedContent.forFile(names[i], seed + 100 + i, sizeList[i]), a -> { });
        }

        Person original = customers.get(2);
        Message attached = builder.detachedMessage(m -> {
            Instant sent = at.minus(Duration.ofDays(9));
            envelope(m, "Original offer from " + original.company(), original.recipient(), List.of(colleagues.get(0).recipient()),
                    sent, sent.plusSeconds(4));
            m.read = true;
            m.internetMessageId = messageId(random, original.email());
            m.conversationId = conversationId(random);
            m.body(Body.text("Dear team,\n\nplease find our original offer below: 120 seats of CRM Enterprise at €42 per seat "
                    + "and month.\n\nKind regards,\n" + original.name()));
        });
        Message forward = simple(builder, random, inbox, colleagues.get(0).recipient(), mailbox.recipient(),
                "FW: Original offer from " + original.company(), at.minus(Duration.ofDays(1)),
                "See the original offer attached, for the negotiation on Thursday.\n\n" + colleagues.get(0).name());
        builder.itemAttachment(forward, "Original offer from " + original.company(), attached);
    }

    private Message simple(MailboxBuilder builder, SplittableRandom random, Folder folder, Recipient from, Recipient to,
            String subject, Instant at, String text) {
        String messageId = messageId(random, from.address());
        return builder.message(folder, m -> {
            envelope(m, subject, from, List.of(to), at, at.plusSeconds(3));
            m.read = false;
            m.conversationId = conversationId(random);
            m.conversationTopic = subject;
            m.internetMessageId = messageId;
            m.headers = headers(from, to, messageId, at);
            m.body(Body.text(text));
        });
    }

    /** This mailbox's side of the mail among sandbox users: sent copies and received copies. */
    private void internalMail(MailboxBuilder builder) {
        Mailbox mailbox = builder.mailbox();
        for (SharedSeed.InternalMail mail : shared.mail()) {
            boolean sent = mail.from().sameAddress(mailbox.address);
            boolean received = mail.to().stream().anyMatch(r -> r.sameAddress(mailbox.address))
                    || mail.cc().stream().anyMatch(r -> r.sameAddress(mailbox.address));
            if (!sent && !received) {
                continue;
            }
            Folder folder = builder.wellKnown(sent ? WellKnownFolder.SENT_ITEMS : WellKnownFolder.INBOX);
            long bodySeed = seed * 31 + mail.index();
            builder.message(folder, m -> {
                envelope(m, mail.subject(), mail.from(), mail.to(), mail.sent(), sent ? mail.sent() : mail.sent().plusSeconds(1));
                m.cc = mail.cc();
                m.read = sent || mail.index() % 3 != 0;
                m.conversationId = "AAQk" + Base64.getUrlEncoder().withoutPadding().encodeToString(mail.conversation().getBytes());
                m.conversationTopic = io.exchangehub.sandbox.store.SandboxStore.normalizedSubject(mail.subject());
                m.internetMessageId = mail.messageId();
                m.inReplyTo = mail.inReplyTo();
                m.references = mail.inReplyTo();
                m.headers = headers(mail.from(), mail.to().get(0), mail.messageId(), mail.sent());
                String greeting = mail.to().get(0).name().split(" ")[0];
                m.bodySource(() -> Texts.body(bodySeed, greeting, mail.from().name(), mail.theme(), true));
            });
        }
    }

    /** {@value #ARCHIVE_SIZE} messages spread over 2024, oldest first, some in threads and some with attachments. */
    private void archive(MailboxBuilder builder, SplittableRandom random, Folder archive) {
        Mailbox mailbox = builder.mailbox();
        Instant start = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long step = Duration.ofDays(366).toSeconds() / ARCHIVE_SIZE;
        String conversationId = null;
        String topic = null;
        String previousId = null;
        Texts.Theme theme = null;
        Person person = null;
        int threadLeft = 0;
        for (int i = 0; i < ARCHIVE_SIZE; i++) {
            if (threadLeft == 0) {
                person = customers.get(random.nextInt(customers.size()));
                theme = new Texts.Theme(person.company(), Vocabulary.pick(random, Vocabulary.PRODUCTS),
                        Vocabulary.pick(random, Vocabulary.TOPICS));
                topic = Texts.subject(random, theme);
                conversationId = conversationId(random);
                previousId = null;
                threadLeft = 1 + random.nextInt(3);
            }
            boolean incoming = threadLeft % 2 == 1;
            Recipient from = incoming ? person.recipient() : mailbox.recipient();
            Recipient to = incoming ? mailbox.recipient() : person.recipient();
            Instant sent = start.plusSeconds(step * i + random.nextInt((int) step));
            String messageId = messageId(random, from.address());
            String subject = previousId == null ? topic : "RE: " + topic;
            String inReplyTo = previousId;
            String thread = conversationId;
            String conversationTopic = topic;
            Texts.Theme messageTheme = theme;
            long bodySeed = random.nextLong();
            boolean html = random.nextInt(10) < 7;
            boolean read = random.nextInt(50) != 0;
            boolean flagged = random.nextInt(40) == 0;
            Message message = builder.message(archive, m -> {
                envelope(m, subject, from, List.of(to), sent, sent.plusSeconds(3));
                m.read = read;
                m.flag = flagged ? new Flag(Flag.Status.COMPLETE, null, null, sent.plus(Duration.ofDays(2))) : Flag.NONE;
                m.conversationId = thread;
                m.conversationTopic = conversationTopic;
                m.internetMessageId = messageId;
                m.inReplyTo = inReplyTo;
                m.references = inReplyTo;
                String greeting = to.name().split(" ")[0];
                m.bodySource(() -> Texts.body(bodySeed, greeting, from.name(), messageTheme, html));
            });
            if (random.nextInt(12) == 0) {
                attachment(builder, random, message, theme, 1024, 3 * 1024 * 1024);
            }
            previousId = messageId;
            threadLeft--;
        }
    }

    private void drafts(MailboxBuilder builder, SplittableRandom random, Folders folders) {
        Folder drafts = builder.wellKnown(WellKnownFolder.DRAFTS);
        for (int i = 0; i < 3; i++) {
            Person person = customers.get(random.nextInt(customers.size()));
            Texts.Theme theme = new Texts.Theme(person.company(), Vocabulary.pick(random, Vocabulary.PRODUCTS),
                    Vocabulary.pick(random, Vocabulary.TOPICS));
            String subject = Texts.subject(random, theme);
            long bodySeed = random.nextLong();
            Instant at = anchorNoon().minus(Duration.ofHours(2L + i * 7));
            Recipient me = builder.mailbox().recipient();
            builder.message(drafts, m -> {
                m.subject = subject;
                m.from = me;
                m.to = List.of(person.recipient());
                m.cc = List.of();
                m.bcc = List.of();
                m.replyTo = List.of();
                m.created = at;
                m.lastModified = at;
                m.read = true;
                m.draft = true;
                m.conversationId = conversationId(random);
                m.conversationTopic = subject;
                m.bodySource(() -> Texts.body(bodySeed, person.givenName(), me.name(), theme, true));
            });
        }
    }

    /** The envelope of a message that was sent and arrived: sender, recipients, times; cc and the rest empty. */
    private static void envelope(Message m, String subject, Recipient from, List<Recipient> to, Instant sent, Instant received) {
        m.subject = subject;
        m.from = from;
        m.sender = from;
        m.to = to;
        m.cc = List.of();
        m.bcc = List.of();
        m.replyTo = List.of();
        m.sent = sent;
        m.received = received;
        m.created = received;
        m.lastModified = received;
        m.draft = false;
    }

    private void attachment(MailboxBuilder builder, SplittableRandom random, Message message, Texts.Theme theme, long min,
            long max) {
        String[] kind = Vocabulary.pick(random, Vocabulary.ATTACHMENT_KINDS);
        String name = Vocabulary.fill(random, kind[0], theme.company().replace(' ', '-'), theme.product(), theme.topic());
        double logSize = Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min));
        long size = Math.max(min, (long) Math.exp(logSize));
        long contentSeed = random.nextLong();
        builder.file(message, name, kind[1], GeneratedContent.forFile(name, contentSeed, size), a -> { });
    }

    private List<InternetHeader> headers(Recipient from, Recipient to, String messageId, Instant sent) {
        return List.of(
                new InternetHeader("Received", "from mail." + from.address().substring(from.address().indexOf('@') + 1)
                        + " by mx." + domain + " with ESMTPS; " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                        .format(sent.atOffset(ZoneOffset.UTC))),
                new InternetHeader("From", from.name() + " <" + from.address() + ">"),
                new InternetHeader("To", to.name() + " <" + to.address() + ">"),
                new InternetHeader("Message-ID", messageId),
                new InternetHeader("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(sent.atOffset(ZoneOffset.UTC))),
                new InternetHeader("MIME-Version", "1.0"));
    }

    private static String messageId(SplittableRandom random, String address) {
        String host = address.substring(address.indexOf('@') + 1);
        return "<" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "." + Integer.toHexString(random.nextInt())
                + "@" + host + ">";
    }

    private static String conversationId(SplittableRandom random) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(random.nextLong()).putLong(random.nextLong());
        return "AAQk" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** Outlook's ConversationIndex: a 22-byte header for the first message, five more bytes per reply. */
    private static byte[] conversationIndex(String conversationId, int position) {
        byte[] index = new byte[22 + 5 * position];
        byte[] seedBytes = conversationId.getBytes();
        index[0] = 1;
        for (int i = 1; i < index.length; i++) {
            index[i] = seedBytes[i % seedBytes.length];
        }
        return index;
    }

    // ------------------------------------------------------------------ calendar

    private void calendar(MailboxBuilder builder, SplittableRandom random) {
        Mailbox mailbox = builder.mailbox();
        Folder calendar = builder.wellKnown(WellKnownFolder.CALENDAR);
        ZoneId zone = mailbox.timeZone;
        Recipient me = mailbox.recipient();

        // a stand-up three times a week on the mailbox's own clock, with one moved and one cancelled occurrence
        LocalDate standUpStart = anchor.minusWeeks(26).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        ZonedDateTime standUp = ZonedDateTime.of(standUpStart, LocalTime.of(9, 30), zone);
        List<Attendee> team = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person colleague = colleagues.get((mailbox.ordinal * 3 + i) % colleagues.size());
            team.add(new Attendee(colleague.recipient(), Attendee.Type.REQUIRED, ResponseType.ACCEPTED,
                    standUp.minusDays(2).toInstant()));
        }
        CalendarEvent series = builder.event(calendar, e -> {
            e.subject = "Team stand-up";
            e.start = standUp.toInstant();
            e.end = standUp.plusMinutes(15).toInstant();
            e.startZone = zone;
            e.endZone = zone;
            e.location = "Microsoft Teams";
            e.organizer = me;
            e.attendees = team;
            e.uid = "STANDUP-" + seed + "-" + mailbox.ordinal;
            e.recurrence = Recurrence.weekly(1, Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), standUpStart,
                    Recurrence.RangeType.END_DATE, anchor.plusWeeks(26), 0);
            e.created = standUp.minusDays(7).toInstant();
            e.lastModified = e.created;
            e.body(Body.text("Daily check-in: yesterday, today, blockers."));
            e.onlineMeeting = true;
            e.onlineMeetingUrl = "https://teams.example/l/meetup-join/standup-" + mailbox.ordinal;
        });
        ZonedDateTime moved = ZonedDateTime.of(anchor.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)), LocalTime.of(9, 30), zone);
        series.overrides.put(moved.toInstant(), new OccurrenceOverride(moved.plusHours(1).toInstant(),
                moved.plusHours(1).plusMinutes(15).toInstant(), "Team stand-up (moved)", null, null, 1, moved.minusDays(1).toInstant()));
        ZonedDateTime cancelled = ZonedDateTime.of(anchor.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)), LocalTime.of(9, 30), zone);
        series.deletedOccurrences.add(cancelled.toInstant());

        // a yearly all-day event
        LocalDate founding = LocalDate.of(anchor.getYear() - 1, Month.JUNE, 1);
        builder.event(calendar, e -> {
            e.subject = "Contoso founding day";
            e.allDay = true;
            e.start = founding.atStartOfDay(zone).toInstant();
            e.end = founding.plusDays(1).atStartOfDay(zone).toInstant();
            e.startZone = zone;
            e.endZone = zone;
            e.showAs = ShowAs.FREE;
            e.organizer = me;
            e.uid = "FOUNDING-" + seed + "-" + mailbox.ordinal;
            e.recurrence = Recurrence.absoluteYearly(1, Month.JUNE, founding, Recurrence.RangeType.NO_END, null, 0);
            e.created = founding.minusDays(30).atStartOfDay(zone).toInstant();
            e.lastModified = e.created;
        });

        // customer meetings in several time zones, and all-day trade fairs
        for (int i = 0; i < 40; i++) {
            Person person = customers.get(random.nextInt(customers.size()));
            String[] city = person.cityData();
            ZoneId meetingZone = random.nextBoolean() ? ZoneId.of(city[4]) : zone;
            LocalDate day = anchor.plusDays(-30 + random.nextInt(90));
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(2);
            }
            ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(8 + random.nextInt(9), random.nextInt(4) * 15), meetingZone);
            int minutes = 30 * (1 + random.nextInt(3));
            Texts.Theme theme = new Texts.Theme(person.company(), Vocabulary.pick(random, Vocabulary.PRODUCTS),
                    Vocabulary.pick(random, Vocabulary.TOPICS));
            ResponseType answer = List.of(ResponseType.ACCEPTED, ResponseType.TENTATIVE, ResponseType.DECLINED,
                    ResponseType.NOT_RESPONDED).get(random.nextInt(4));
            long bodySeed = random.nextLong();
            int index = i;
            boolean inPerson = random.nextInt(3) == 0;
            builder.event(calendar, e -> {
                e.subject = person.company() + ": " + theme.topic();
                e.start = start.toInstant();
                e.end = start.plusMinutes(minutes).toInstant();
                e.startZone = meetingZone;
                e.endZone = meetingZone;
                e.location = inPerson ? person.company() + ", " + city[0] : "Microsoft Teams";
                e.organizer = me;
                e.attendees = List.of(new Attendee(person.recipient(), Attendee.Type.REQUIRED, answer,
                        answer == ResponseType.NOT_RESPONDED ? null : start.minusDays(1).toInstant()));
                e.uid = "MEETING-" + seed + "-" + mailbox.ordinal + "-" + index;
                e.created = start.minusDays(10).toInstant();
                e.lastModified = e.created;
                e.reminderSet = true;
                e.reminderMinutesBeforeStart = 15;
                e.bodySource(() -> Texts.body(bodySeed, person.givenName(), me.name(), theme, true));
            });
        }
        for (int i = 0; i < 3; i++) {
            String[] city = Vocabulary.pick(random, Vocabulary.CITIES);
            ZoneId fairZone = ZoneId.of(city[4]);
            LocalDate first = anchor.plusDays(10L + 20L * i);
            int days = 1 + random.nextInt(3);
            builder.event(calendar, e -> {
                e.subject = "Trade fair " + city[0];
                e.allDay = true;
                e.start = first.atStartOfDay(fairZone).toInstant();
                e.end = first.plusDays(days).atStartOfDay(fairZone).toInstant();
                e.startZone = fairZone;
                e.endZone = fairZone;
                e.location = city[0] + " exhibition centre";
                e.showAs = ShowAs.OOF;
                e.organizer = me;
                e.uid = "FAIR-" + seed + "-" + mailbox.ordinal + "-" + first;
                e.created = first.minusDays(60).atStartOfDay(fairZone).toInstant();
                e.lastModified = e.created;
            });
        }

        // this mailbox's side of the meetings among sandbox users
        for (SharedSeed.Meeting meeting : shared.meetings()) {
            boolean organizer = meeting.organizer().sameAddress(mailbox.address);
            Attendee mine = meeting.attendees().stream().filter(a -> a.recipient().sameAddress(mailbox.address)).findFirst()
                    .orElse(null);
            if (!organizer && (mine == null || mine.response() == ResponseType.DECLINED)) {
                continue;
            }
            builder.event(calendar, e -> {
                e.subject = meeting.subject();
                e.start = meeting.start();
                e.end = meeting.end();
                e.startZone = meeting.zone();
                e.endZone = meeting.zone();
                e.allDay = meeting.allDay();
                e.location = meeting.location();
                e.organizer = meeting.organizer();
                e.attendees = meeting.attendees();
                e.uid = meeting.uid();
                e.recurrence = meeting.recurrence();
                e.myResponse = organizer ? ResponseType.ORGANIZER : mine.response();
                e.showAs = mine != null && mine.response() != ResponseType.ACCEPTED ? ShowAs.TENTATIVE : ShowAs.BUSY;
                e.created = meeting.start().minus(Duration.ofDays(14));
                e.lastModified = e.created;
                e.body(Body.html("<html><body><p>" + meeting.subject() + "</p><p>Agenda: updates, pipeline, next steps.</p>"
                        + "</body></html>"));
            });
        }
    }

    // ------------------------------------------------------------------ contacts

    private void contacts(MailboxBuilder builder, SplittableRandom random, Folders folders) {
        Folder contacts = builder.wellKnown(WellKnownFolder.CONTACTS);
        int offset = builder.mailbox().ordinal * 53;
        for (int i = 0; i < CONTACTS; i++) {
            Person person = customers.get((offset + i) % customers.size());
            contact(builder, random, i < 500 ? contacts : folders.keyAccounts, person);
        }
    }

    private void contact(MailboxBuilder builder, SplittableRandom random, Folder folder, Person person) {
        String[] city = person.cityData();
        Instant created = anchorNoon().minus(Duration.ofDays(30 + random.nextInt(700)));
        boolean hasBirthday = random.nextInt(3) == 0;
        LocalDate birthday = LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String note = random.nextInt(4) == 0 ? "Met at the " + city[0] + " trade fair. Interested in "
                + Vocabulary.pick(random, Vocabulary.PRODUCTS) + "." : "";
        boolean secondEmail = random.nextInt(5) == 0;
        builder.contact(folder, c -> {
            c.givenName = person.givenName();
            c.surname = person.surname();
            c.displayName = person.name();
            c.fileAs = person.surname() + ", " + person.givenName();
            c.subject = person.name();
            c.initials = person.givenName().charAt(0) + "." + person.surname().charAt(0) + ".";
            c.companyName = person.company();
            c.department = person.department();
            c.jobTitle = person.title();
            c.officeLocation = city[0];
            c.emailAddresses = secondEmail
                    ? List.of(person.recipient(), new Recipient(person.name(), People.ascii(person.givenName()) + "@private.example"))
                    : List.of(person.recipient());
            c.phones = new EnumMap<>(Contact.PhoneKind.class);
            c.phones.put(Contact.PhoneKind.BUSINESS, person.phone());
            c.phones.put(Contact.PhoneKind.MOBILE, person.mobile());
            c.addresses = new EnumMap<>(Contact.AddressKind.class);
            c.addresses.put(Contact.AddressKind.BUSINESS,
                    new Contact.Address((1 + random.nextInt(200)) + " " + city[5], city[0], city[1], city[2], city[3]));
            c.birthday = hasBirthday ? birthday : null;
            c.created = created;
            c.lastModified = created;
            c.categories = random.nextInt(8) == 0 ? List.of("Customer") : List.of();
            if (!note.isEmpty()) {
                c.body(Body.text(note));
            }
        });
    }
}
