package io.exchangehub.sandbox.seed;

import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.Recurrence;
import io.exchangehub.sandbox.store.ResponseType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the sandbox mailboxes have in common: mail between the sandbox users and meetings
 * among them. Computed from the seed and anchor alone, so that each mailbox, built on its own
 * and at its own time, holds its side of the same messages and meetings.
 */
final class SharedSeed {

    /**
     * A message between sandbox users.
     *
     * @param index          its position, which seeds its body
     * @param from           the sender
     * @param to             the recipients
     * @param cc             the copied
     * @param subject        the subject
     * @param sent           when it was sent
     * @param conversation   the thread it belongs to
     * @param messageId      its Internet Message-ID
     * @param inReplyTo      the Message-ID it answers, or null
     * @param theme          what it is about
     */
    record InternalMail(int index, Recipient from, List<Recipient> to, List<Recipient> cc, String subject, Instant sent,
            String conversation, String messageId, String inReplyTo, Texts.Theme theme) {}

    /**
     * A meeting among sandbox users (and maybe others).
     *
     * @param uid        the iCalendar UID all copies share
     * @param organizer  who organises it
     * @param attendees  who is invited, with their answers
     * @param subject    the subject
     * @param location   where
     * @param start      first start
     * @param end        first end
     * @param zone       the wall clock it follows
     * @param recurrence its pattern, or null
     * @param allDay     whether it is an all-day event
     */
    record Meeting(String uid, Recipient organizer, List<Attendee> attendees, String subject, String location, Instant start,
            Instant end, ZoneId zone, Recurrence recurrence, boolean allDay) {}

    private final List<InternalMail> mail = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();

    SharedSeed(long seed, LocalDate anchor, List<Recipient> users, String domain) {
        SplittableRandom random = new SplittableRandom(seed * 6151 + 11);
        Instant anchorNoon = anchor.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        int index = 0;
        for (int thread = 0; thread < 16; thread++) {
            Recipient a = users.get(random.nextInt(users.size()));
            Recipient b = users.get((users.indexOf(a) + 1 + random.nextInt(users.size() - 1)) % users.size());
            Texts.Theme theme = Texts.Theme.random(random);
            String subject = Texts.subject(random, theme);
            String conversation = "conv-shared-" + thread;
            Instant at = anchorNoon.minus(Duration.ofMinutes(60L * 24 * (2 + random.nextInt(55)) + random.nextInt(600)));
            String previousId = null;
            int replies = 1 + random.nextInt(3);
            for (int r = 0; r < replies; r++) {
                boolean forward = r % 2 == 0;
                Recipient from = forward ? a : b;
                Recipient to = forward ? b : a;
                List<Recipient> cc = new ArrayList<>();
                if (random.nextInt(3) == 0) {
                    Recipient third = users.get(random.nextInt(users.size()));
                    if (!third.equals(from) && !third.equals(to)) {
                        cc.add(third);
                    }
                }
                String messageId = "<shared-" + seed + "-" + index + "@" + domain + ">";
                mail.add(new InternalMail(index++, from, List.of(to), List.copyOf(cc), (r == 0 ? "" : "RE: ") + subject, at,
                        conversation, messageId, previousId, theme));
                previousId = messageId;
                at = at.plus(Duration.ofMinutes(30 + random.nextInt(600)));
            }
        }

        Recipient alice = users.get(0);
        Recipient bob = users.get(1);
        Recipient carol = users.get(2);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId newYork = ZoneId.of("America/New_York");
        ZoneId london = ZoneId.of("Europe/London");

        // a weekly review that runs across both DST changes of the year
        LocalDate reviewStart = anchor.minusWeeks(26).with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        ZonedDateTime review = ZonedDateTime.of(reviewStart, LocalTime.of(10, 0), berlin);
        meetings.add(new Meeting("SHARED-PIPELINE-REVIEW-" + seed, alice,
                List.of(attendee(bob, ResponseType.ACCEPTED, review), attendee(carol, ResponseType.TENTATIVE, review)),
                "Sales pipeline review", "Berlin HQ, room 4.12", review.toInstant(), review.plusHours(1).toInstant(), berlin,
                Recurrence.weekly(1, Set.of(DayOfWeek.TUESDAY), reviewStart, Recurrence.RangeType.NUMBERED, null, 52), false));

        // a monthly board meeting on New York time, first Thursday, without end
        LocalDate boardStart = anchor.minusMonths(12).withDayOfMonth(1);
        ZonedDateTime board = ZonedDateTime.of(boardStart.with(java.time.temporal.TemporalAdjusters.firstInMonth(DayOfWeek.THURSDAY)),
                LocalTime.of(14, 0), newYork);
        meetings.add(new Meeting("SHARED-BOARD-" + seed, bob, List.of(attendee(alice, ResponseType.ACCEPTED, board)),
                "Board meeting", "Microsoft Teams", board.toInstant(), board.plusMinutes(90).toInstant(), newYork,
                Recurrence.relativeMonthly(1, Set.of(DayOfWeek.THURSDAY), Recurrence.WeekIndex.FIRST, boardStart,
                        Recurrence.RangeType.NO_END, null, 0), false));

        // single meetings among the users, some not yet answered
        for (int i = 0; i < 6; i++) {
            Recipient organizer = users.get(i % 3);
            LocalDate day = anchor.plusDays(-10 + random.nextInt(30));
            ZoneId zone = List.of(berlin, london, newYork).get(i % 3);
            ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(9 + random.nextInt(8), random.nextInt(2) * 30), zone);
            List<Attendee> attendees = new ArrayList<>();
            for (Recipient user : users.subList(0, 3)) {
                if (!user.equals(organizer)) {
                    ResponseType response = List.of(ResponseType.ACCEPTED, ResponseType.TENTATIVE, ResponseType.NOT_RESPONDED,
                            ResponseType.DECLINED).get(random.nextInt(4));
                    attendees.add(attendee(user, response, start));
                }
            }
            Texts.Theme theme = Texts.Theme.random(random);
            meetings.add(new Meeting("SHARED-MEETING-" + seed + "-" + i, organizer, attendees,
                    "Sync: " + theme.company() + " " + theme.topic(), i % 2 == 0 ? "Microsoft Teams" : "Room 2.01",
                    start.toInstant(), start.plusMinutes(45).toInstant(), zone, null, false));
        }

        // an all-day offsite for everyone
        LocalDate offsite = anchor.plusDays(21);
        meetings.add(new Meeting("SHARED-OFFSITE-" + seed, carol,
                List.of(attendee(alice, ResponseType.ACCEPTED, null), attendee(bob, ResponseType.ACCEPTED, null)),
                "Team offsite", "Lake house, Potsdam", offsite.atStartOfDay(berlin).toInstant(),
                offsite.plusDays(2).atStartOfDay(berlin).toInstant(), berlin, null, true));
    }

    private static Attendee attendee(Recipient who, ResponseType response, ZonedDateTime answeredBefore) {
        Instant at = response == ResponseType.NOT_RESPONDED || answeredBefore == null ? null
                : answeredBefore.minusDays(3).toInstant();
        return new Attendee(who, Attendee.Type.REQUIRED, response, at);
    }

    List<InternalMail> mail() {
        return mail;
    }

    List<Meeting> meetings() {
        return meetings;
    }
}
