package io.exchangehub.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final SandboxStore store = TestMailboxes.store();

    private CalendarEvent series(ZonedDateTime start, int minutes, Recurrence recurrence) {
        return store.write(() -> store.createEvent(store.wellKnown(store.mailbox(TestMailboxes.ALICE), WellKnownFolder.CALENDAR), e -> {
            e.subject = "Series";
            e.start = start.toInstant();
            e.end = start.plusMinutes(minutes).toInstant();
            e.startZone = start.getZone();
            e.endZone = start.getZone();
            e.recurrence = recurrence;
        }));
    }

    @Test
    void weeklySeriesKeepsItsWallClockAcrossTheDaylightSavingChange() {
        LocalDate first = LocalDate.of(2026, 3, 17);
        CalendarEvent event = series(ZonedDateTime.of(first, LocalTime.of(10, 0), BERLIN), 60,
                Recurrence.weekly(1, Set.of(DayOfWeek.TUESDAY), first, Recurrence.RangeType.NUMBERED, null, 4));

        List<Occurrence> occurrences = event.occurrences(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"));

        assertThat(occurrences).extracting(o -> o.start().toString()).containsExactly(
                "2026-03-17T09:00:00Z", "2026-03-24T09:00:00Z", "2026-03-31T08:00:00Z", "2026-04-07T08:00:00Z");
        assertThat(occurrences).allSatisfy(o -> {
            assertThat(o.start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
            assertThat(o.end().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(11, 0));
        });
        assertThat(occurrences).extracting(Occurrence::index).containsExactly(1, 2, 3, 4);
    }

    @Test
    void relativeMonthlyFindsTheFirstThursdayAndAbsoluteMonthlyClampsToShortMonths() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        CalendarEvent board = series(ZonedDateTime.of(LocalDate.of(2026, 1, 1), LocalTime.of(14, 0), ZoneId.of("America/New_York")), 90,
                Recurrence.relativeMonthly(1, Set.of(DayOfWeek.THURSDAY), Recurrence.WeekIndex.FIRST, start, Recurrence.RangeType.NO_END, null, 0));
        assertThat(board.occurrences(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")))
                .extracting(o -> o.start().atZone(ZoneId.of("America/New_York")).toLocalDate())
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 5), LocalDate.of(2026, 3, 5));

        CalendarEvent monthEnd = series(ZonedDateTime.of(LocalDate.of(2026, 1, 31), LocalTime.of(9, 0), BERLIN), 30,
                Recurrence.absoluteMonthly(1, 31, LocalDate.of(2026, 1, 31), Recurrence.RangeType.END_DATE, LocalDate.of(2026, 4, 30), 0));
        assertThat(monthEnd.occurrences(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .extracting(o -> o.start().atZone(BERLIN).toLocalDate())
                .containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
    }

    @Test
    void deletedAndMovedOccurrencesShowAsTheSeriesWasChanged() {
        LocalDate first = LocalDate.of(2026, 3, 2);
        CalendarEvent daily = series(ZonedDateTime.of(first, LocalTime.of(9, 0), BERLIN), 15,
                Recurrence.daily(1, first, Recurrence.RangeType.NUMBERED, null, 5));
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-10T00:00:00Z");
        List<Occurrence> before = daily.occurrences(from, to);
        Occurrence second = before.get(1);
        Occurrence third = before.get(2);

        store.write(() -> {
            store.deleteOccurrence(second);
            store.updateOccurrence(third, null, third.start().plusSeconds(3600), third.end().plusSeconds(3600), "Moved", null, null);
        });

        List<Occurrence> after = daily.occurrences(from, to);
        assertThat(after).hasSize(4);
        assertThat(after).extracting(Occurrence::index).containsExactly(1, 3, 4, 5);
        Occurrence moved = after.get(1);
        assertThat(moved.isException()).isTrue();
        assertThat(moved.subject()).isEqualTo("Moved");
        assertThat(moved.start().atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(store.occurrence(moved.id()).start()).isEqualTo(moved.start());
        assertThat(daily.occurrenceByIndex(2)).as("deleted").isNull();
    }

    @Test
    void yearlyAllDayEventSpansWholeLocalDays() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        CalendarEvent yearly = store.write(() -> store.createEvent(store.wellKnown(store.mailbox(TestMailboxes.ALICE), WellKnownFolder.CALENDAR), e -> {
            e.subject = "Founding day";
            e.allDay = true;
            e.start = day.atStartOfDay(BERLIN).toInstant();
            e.end = day.plusDays(1).atStartOfDay(BERLIN).toInstant();
            e.startZone = BERLIN;
            e.recurrence = Recurrence.absoluteYearly(1, Month.JUNE, day, Recurrence.RangeType.NO_END, null, 0);
        }));
        Occurrence next = yearly.occurrences(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")).get(0);
        assertThat(next.start()).isEqualTo(LocalDate.of(2026, 6, 1).atStartOfDay(BERLIN).toInstant());
        assertThat(next.end()).isEqualTo(LocalDate.of(2026, 6, 2).atStartOfDay(BERLIN).toInstant());
    }
}
