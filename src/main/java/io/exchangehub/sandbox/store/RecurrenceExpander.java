package io.exchangehub.sandbox.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Expands recurrence patterns on the series' wall clock: each occurrence starts at the master's
 * local start time on its date, converted with that date's UTC offset, so DST changes move the
 * UTC time and keep the local one, as Exchange does.
 */
final class RecurrenceExpander {

    /** Bounds the walk through a pattern; a daily series over 25 years stays below it. */
    private static final int MAX_STEPS = 100_000;

    private RecurrenceExpander() {}

    static List<Occurrence> occurrences(CalendarEvent event, Instant from, Instant to) {
        List<Occurrence> result = new ArrayList<>();
        if (event.recurrence == null) {
            if (event.start.isBefore(to) && (event.end.isAfter(from) || event.start.equals(from))) {
                result.add(new Occurrence(event, 0, event.start, event.start, event.end, null));
            }
            return result;
        }
        // An override may move an occurrence into the window from a date outside it: look a
        // little beyond the window for original starts, then filter on actual times.
        Instant horizon = to.plus(Duration.ofDays(366));
        walk(event, originalStart -> originalStart.isBefore(horizon), occurrence -> {
            if (occurrence.start().isBefore(to) && (occurrence.end().isAfter(from) || occurrence.start().equals(from))) {
                result.add(occurrence);
            }
        });
        result.sort(Comparator.comparing(Occurrence::start));
        return result;
    }

    static Occurrence occurrenceAt(CalendarEvent event, Instant originalStart) {
        if (event.recurrence == null) {
            return event.start.equals(originalStart) ? new Occurrence(event, 0, event.start, event.start, event.end, null) : null;
        }
        Occurrence[] found = new Occurrence[1];
        walk(event, candidate -> !candidate.isAfter(originalStart), occurrence -> {
            if (occurrence.originalStart().equals(originalStart)) {
                found[0] = occurrence;
            }
        });
        return found[0];
    }

    static Occurrence occurrenceByIndex(CalendarEvent event, int index) {
        if (event.recurrence == null || index < 1) {
            return null;
        }
        Occurrence[] found = new Occurrence[1];
        walkAll(event, (position, originalStart) -> {
            if (position == index) {
                found[0] = build(event, position, originalStart);
            }
            return position < index;
        });
        return found[0] == null || event.deletedOccurrences.contains(found[0].originalStart()) ? null : found[0];
    }

    static boolean deletedAtIndex(CalendarEvent event, int index) {
        if (event.recurrence == null || index < 1) {
            return false;
        }
        Instant[] found = new Instant[1];
        walkAll(event, (position, originalStart) -> {
            if (position == index) {
                found[0] = originalStart;
            }
            return position < index;
        });
        return found[0] != null && event.deletedOccurrences.contains(found[0]);
    }

    /** Calls {@code sink} for every remaining occurrence whose original start {@code keepGoing} accepts. */
    private static void walk(CalendarEvent event, Predicate<Instant> keepGoing, Consumer<Occurrence> sink) {
        walkAll(event, (position, originalStart) -> {
            if (!keepGoing.test(originalStart)) {
                return false;
            }
            if (!event.deletedOccurrences.contains(originalStart)) {
                sink.accept(build(event, position, originalStart));
            }
            return true;
        });
    }

    private static Occurrence build(CalendarEvent event, int position, Instant originalStart) {
        OccurrenceOverride override = event.overrides.get(originalStart);
        if (override != null) {
            return new Occurrence(event, position, originalStart, override.start(), override.end(), override);
        }
        return new Occurrence(event, position, originalStart, originalStart, endFor(event, originalStart), null);
    }

    private static Instant endFor(CalendarEvent event, Instant occurrenceStart) {
        ZoneId startZone = zone(event.startZone);
        ZoneId endZone = zone(event.endZone == null ? event.startZone : event.endZone);
        LocalDateTime masterStart = LocalDateTime.ofInstant(event.start, startZone);
        LocalDateTime masterEnd = LocalDateTime.ofInstant(event.end, endZone);
        Duration wallDuration = Duration.between(masterStart, masterEnd);
        LocalDateTime localStart = LocalDateTime.ofInstant(occurrenceStart, startZone);
        return ZonedDateTime.of(localStart.plus(wallDuration), endZone).toInstant();
    }

    private static ZoneId zone(ZoneId zone) {
        return zone == null ? ZoneId.of("UTC") : zone;
    }

    interface Visitor {
        /** @return whether to go on */
        boolean visit(int position, Instant originalStart);
    }

    /** Every occurrence of the pattern in order (deleted ones too, which count in numbered ranges). */
    private static void walkAll(CalendarEvent event, Visitor visitor) {
        Recurrence r = event.recurrence;
        ZoneId zone = zone(event.startZone);
        LocalTime time = LocalDateTime.ofInstant(event.start, zone).toLocalTime();
        int position = 0;
        int steps = 0;
        for (LocalDate period = periodStart(r); steps < MAX_STEPS; period = nextPeriod(r, period), steps++) {
            for (LocalDate date : datesIn(r, period)) {
                if (date.isBefore(r.startDate())) {
                    continue;
                }
                if (r.range() == Recurrence.RangeType.END_DATE && date.isAfter(r.endDate())) {
                    return;
                }
                position++;
                if (r.range() == Recurrence.RangeType.NUMBERED && position > r.numberOfOccurrences()) {
                    return;
                }
                Instant start = ZonedDateTime.of(date, time, zone).toInstant();
                if (!visitor.visit(position, start)) {
                    return;
                }
            }
        }
    }

    private static LocalDate periodStart(Recurrence r) {
        return switch (r.pattern()) {
            case DAILY -> r.startDate();
            case WEEKLY -> r.startDate().with(TemporalAdjusters.previousOrSame(r.firstDayOfWeek()));
            case ABSOLUTE_MONTHLY, RELATIVE_MONTHLY -> r.startDate().withDayOfMonth(1);
            case ABSOLUTE_YEARLY, RELATIVE_YEARLY -> r.startDate().withDayOfYear(1);
        };
    }

    private static LocalDate nextPeriod(Recurrence r, LocalDate period) {
        return switch (r.pattern()) {
            case DAILY -> period.plusDays(r.interval());
            case WEEKLY -> period.plusWeeks(r.interval());
            case ABSOLUTE_MONTHLY, RELATIVE_MONTHLY -> period.plusMonths(r.interval());
            case ABSOLUTE_YEARLY, RELATIVE_YEARLY -> period.plusYears(r.interval());
        };
    }

    private static List<LocalDate> datesIn(Recurrence r, LocalDate period) {
        return switch (r.pattern()) {
            case DAILY -> List.of(period);
            case WEEKLY -> {
                List<LocalDate> dates = new ArrayList<>();
                for (int offset = 0; offset < 7; offset++) {
                    LocalDate date = period.plusDays(offset);
                    if (r.daysOfWeek().contains(date.getDayOfWeek())) {
                        dates.add(date);
                    }
                }
                yield dates;
            }
            case ABSOLUTE_MONTHLY -> List.of(period.withDayOfMonth(Math.min(r.dayOfMonth(), period.lengthOfMonth())));
            case RELATIVE_MONTHLY -> relative(r, period);
            case ABSOLUTE_YEARLY -> {
                LocalDate month = period.withMonth(r.month().getValue());
                yield List.of(month.withDayOfMonth(Math.min(r.dayOfMonth(), month.lengthOfMonth())));
            }
            case RELATIVE_YEARLY -> relative(r, period.withMonth(r.month().getValue()));
        };
    }

    /** The nth (or last) day of the month that is one of the pattern's days of the week. */
    private static List<LocalDate> relative(Recurrence r, LocalDate monthStart) {
        List<LocalDate> matching = new ArrayList<>();
        for (LocalDate d = monthStart; d.getMonth() == monthStart.getMonth(); d = d.plusDays(1)) {
            if (r.daysOfWeek().contains(d.getDayOfWeek())) {
                matching.add(d);
            }
        }
        if (matching.isEmpty()) {
            return List.of();
        }
        int index = switch (r.index() == null ? Recurrence.WeekIndex.FIRST : r.index()) {
            case FIRST -> 0;
            case SECOND -> 1;
            case THIRD -> 2;
            case FOURTH -> 3;
            case LAST -> matching.size() - 1;
        };
        return index < matching.size() ? List.of(matching.get(index)) : List.of();
    }
}
