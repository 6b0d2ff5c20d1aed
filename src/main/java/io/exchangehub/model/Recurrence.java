package io.exchangehub.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * A recurrence pattern and range (the terms EWS and Graph share). Dates are local to the
 * series' time zone.
 *
 * @param pattern             how occurrences repeat
 * @param interval            every how many days, weeks, months or years
 * @param daysOfWeek          weekly and relative patterns: on which days
 * @param dayOfMonth          absolute monthly and yearly patterns: which day of the month, else 0
 * @param month               yearly patterns: which month (1–12), else 0
 * @param index               relative patterns: which week of the month, else null
 * @param firstDayOfWeek      weekly patterns: the first day of the week
 * @param range               how the series ends
 * @param startDate           the first day of the range
 * @param endDate             {@link RangeType#END_DATE}: the last day, else null
 * @param numberOfOccurrences {@link RangeType#NUMBERED}: how many, else 0
 * @param recurrenceTimeZone  the IANA zone the dates are in
 */
public record Recurrence(Pattern pattern, int interval, List<DayOfWeek> daysOfWeek, int dayOfMonth, int month, WeekIndex index,
        DayOfWeek firstDayOfWeek, RangeType range, LocalDate startDate, LocalDate endDate, int numberOfOccurrences,
        String recurrenceTimeZone) {

    public enum Pattern { DAILY, WEEKLY, ABSOLUTE_MONTHLY, RELATIVE_MONTHLY, ABSOLUTE_YEARLY, RELATIVE_YEARLY }

    public enum WeekIndex { FIRST, SECOND, THIRD, FOURTH, LAST }

    public enum RangeType { END_DATE, NUMBERED, NO_END }
}
