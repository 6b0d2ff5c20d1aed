package io.exchangehub.sandbox.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

/**
 * A recurrence pattern and range, in the terms both EWS and Graph use. Dates are local to the
 * series' time zone.
 *
 * @param pattern             how occurrences repeat
 * @param interval            every how many days/weeks/months/years
 * @param daysOfWeek          weekly and relative patterns: on which days
 * @param dayOfMonth          absolute monthly/yearly: which day of the month
 * @param month               yearly patterns: which month
 * @param index               relative patterns: which week of the month
 * @param firstDayOfWeek      weekly: the first day of the week, for intervals over one week
 * @param range               how the series ends
 * @param startDate           the first day the pattern applies from
 * @param endDate             {@link RangeType#END_DATE}: the last day
 * @param numberOfOccurrences {@link RangeType#NUMBERED}: how many occurrences
 */
public record Recurrence(
        Pattern pattern,
        int interval,
        Set<DayOfWeek> daysOfWeek,
        int dayOfMonth,
        Month month,
        WeekIndex index,
        DayOfWeek firstDayOfWeek,
        RangeType range,
        LocalDate startDate,
        LocalDate endDate,
        int numberOfOccurrences) {

    public enum Pattern { DAILY, WEEKLY, ABSOLUTE_MONTHLY, RELATIVE_MONTHLY, ABSOLUTE_YEARLY, RELATIVE_YEARLY }

    public enum WeekIndex { FIRST, SECOND, THIRD, FOURTH, LAST }

    public enum RangeType { END_DATE, NUMBERED, NO_END }

    public Recurrence {
        if (interval < 1) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The recurrence interval must be at least 1.");
        }
        daysOfWeek = daysOfWeek == null ? Set.of() : Set.copyOf(daysOfWeek);
        firstDayOfWeek = firstDayOfWeek == null ? DayOfWeek.SUNDAY : firstDayOfWeek;
        if (startDate == null) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The recurrence range needs a start date.");
        }
        if (range == RangeType.END_DATE && (endDate == null || endDate.isBefore(startDate))) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The recurrence end date is before its start date.");
        }
        if (range == RangeType.NUMBERED && numberOfOccurrences < 1) {
            throw new StoreException(StoreError.INVALID_REQUEST, "A numbered recurrence needs at least one occurrence.");
        }
        if ((pattern == Pattern.WEEKLY || pattern == Pattern.RELATIVE_MONTHLY || pattern == Pattern.RELATIVE_YEARLY)
                && daysOfWeek.isEmpty()) {
            throw new StoreException(StoreError.INVALID_REQUEST, "The recurrence pattern needs days of the week.");
        }
    }

    public static Recurrence weekly(int interval, Set<DayOfWeek> days, LocalDate start, RangeType range, LocalDate end, int count) {
        return new Recurrence(Pattern.WEEKLY, interval, days, 0, null, null, DayOfWeek.MONDAY, range, start, end, count);
    }

    public static Recurrence daily(int interval, LocalDate start, RangeType range, LocalDate end, int count) {
        return new Recurrence(Pattern.DAILY, interval, Set.of(), 0, null, null, null, range, start, end, count);
    }

    public static Recurrence absoluteMonthly(int interval, int dayOfMonth, LocalDate start, RangeType range, LocalDate end, int count) {
        return new Recurrence(Pattern.ABSOLUTE_MONTHLY, interval, Set.of(), dayOfMonth, null, null, null, range, start, end, count);
    }

    public static Recurrence relativeMonthly(int interval, Set<DayOfWeek> days, WeekIndex index, LocalDate start,
            RangeType range, LocalDate end, int count) {
        return new Recurrence(Pattern.RELATIVE_MONTHLY, interval, days, 0, null, index, null, range, start, end, count);
    }

    public static Recurrence absoluteYearly(int dayOfMonth, Month month, LocalDate start, RangeType range, LocalDate end, int count) {
        return new Recurrence(Pattern.ABSOLUTE_YEARLY, 1, Set.of(), dayOfMonth, month, null, null, range, start, end, count);
    }
}
