package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Recurrence;
import io.exchangehub.sandbox.store.StoreException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** EWS {@code t:Recurrence}: the six patterns and three ranges, read into a store {@link Recurrence} and written back. */
final class RecurrenceXml {

    private static final Set<String> DAY_NAMES = Set.of("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Day", "Weekday", "WeekendDay");
    private static final Set<String> INDEXES = Set.of("First", "Second", "Third", "Fourth", "Last");
    private static final Set<String> MONTHS = Set.of("January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December");

    private RecurrenceXml() {}

    static XmlOut write(Recurrence r) {
        XmlOut recurrence = XmlOut.t("Recurrence");
        switch (r.pattern()) {
            case RELATIVE_YEARLY -> recurrence.child("t:RelativeYearlyRecurrence").el("t:DaysOfWeek", days(r.daysOfWeek()))
                    .el("t:DayOfWeekIndex", index(r.index())).el("t:Month", month(r.month()));
            case ABSOLUTE_YEARLY -> recurrence.child("t:AbsoluteYearlyRecurrence").el("t:DayOfMonth", r.dayOfMonth())
                    .el("t:Month", month(r.month()));
            case RELATIVE_MONTHLY -> recurrence.child("t:RelativeMonthlyRecurrence").el("t:Interval", r.interval())
                    .el("t:DaysOfWeek", days(r.daysOfWeek())).el("t:DayOfWeekIndex", index(r.index()));
            case ABSOLUTE_MONTHLY -> recurrence.child("t:AbsoluteMonthlyRecurrence").el("t:Interval", r.interval())
                    .el("t:DayOfMonth", r.dayOfMonth());
            case WEEKLY -> recurrence.child("t:WeeklyRecurrence").el("t:Interval", r.interval())
                    .el("t:DaysOfWeek", days(r.daysOfWeek())).el("t:FirstDayOfWeek", dayName(r.firstDayOfWeek()));
            case DAILY -> recurrence.child("t:DailyRecurrence").el("t:Interval", r.interval());
        }
        switch (r.range()) {
            case NO_END -> recurrence.child("t:NoEndRecurrence").el("t:StartDate", r.startDate());
            case END_DATE -> recurrence.child("t:EndDateRecurrence").el("t:StartDate", r.startDate()).el("t:EndDate", r.endDate());
            case NUMBERED -> recurrence.child("t:NumberedRecurrence").el("t:StartDate", r.startDate())
                    .el("t:NumberOfOccurrences", r.numberOfOccurrences());
        }
        return recurrence;
    }

    private static String days(Set<DayOfWeek> days) {
        List<String> names = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
            if (days.contains(day)) {
                names.add(dayName(day));
            }
        }
        return String.join(" ", names);
    }

    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String index(Recurrence.WeekIndex index) {
        String name = (index == null ? Recurrence.WeekIndex.FIRST : index).name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String month(Month month) {
        return month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /**
     * Reads a {@code t:Recurrence}.
     *
     * @throws EwsError ErrorCalendarInvalidRecurrence when the values do not make a series
     */
    static Recurrence read(XmlIn element) {
        XmlIn pattern = null;
        XmlIn range = null;
        for (XmlIn child : element.children()) {
            if (child.name().endsWith("Recurrence") && !child.name().startsWith("NoEnd") && !child.name().startsWith("EndDate")
                    && !child.name().startsWith("Numbered")) {
                pattern = child;
            } else {
                range = child;
            }
        }
        if (pattern == null || range == null) {
            throw SoapFault.schema(element, "The element 'Recurrence' has incomplete content: a pattern and a range are required.");
        }
        LocalDate startDate = Xsd.date(range.require("StartDate"));
        Recurrence.RangeType rangeType;
        LocalDate endDate = null;
        int count = 0;
        switch (range.name()) {
            case "NoEndRecurrence" -> rangeType = Recurrence.RangeType.NO_END;
            case "EndDateRecurrence" -> {
                rangeType = Recurrence.RangeType.END_DATE;
                endDate = Xsd.date(range.require("EndDate"));
            }
            case "NumberedRecurrence" -> {
                rangeType = Recurrence.RangeType.NUMBERED;
                count = Xsd.integer(range.require("NumberOfOccurrences"));
            }
            default -> throw SoapFault.schema(range, "The element 'Recurrence' has invalid child element '" + range.name() + "'.");
        }
        try {
            return switch (pattern.name()) {
                case "DailyRecurrence" -> new Recurrence(Recurrence.Pattern.DAILY, interval(pattern), Set.of(), 0, null, null, null,
                        rangeType, startDate, endDate, count);
                case "WeeklyRecurrence" -> new Recurrence(Recurrence.Pattern.WEEKLY, interval(pattern), days(pattern), 0, null, null,
                        pattern.child("FirstDayOfWeek") == null ? DayOfWeek.SUNDAY
                                : single(pattern.child("FirstDayOfWeek")),
                        rangeType, startDate, endDate, count);
                case "AbsoluteMonthlyRecurrence" -> new Recurrence(Recurrence.Pattern.ABSOLUTE_MONTHLY, interval(pattern), Set.of(),
                        dayOfMonth(pattern), null, null, null, rangeType, startDate, endDate, count);
                case "RelativeMonthlyRecurrence" -> new Recurrence(Recurrence.Pattern.RELATIVE_MONTHLY, interval(pattern),
                        days(pattern), 0, null, weekIndex(pattern), null, rangeType, startDate, endDate, count);
                case "AbsoluteYearlyRecurrence" -> new Recurrence(Recurrence.Pattern.ABSOLUTE_YEARLY, 1, Set.of(),
                        dayOfMonth(pattern), month(pattern), null, null, rangeType, startDate, endDate, count);
                case "RelativeYearlyRecurrence" -> new Recurrence(Recurrence.Pattern.RELATIVE_YEARLY, 1, days(pattern), 0,
                        month(pattern), weekIndex(pattern), null, rangeType, startDate, endDate, count);
                default -> throw new EwsError("ErrorCalendarInvalidRecurrence",
                        "The recurrence pattern '" + pattern.name() + "' is not supported for calendar items.");
            };
        } catch (StoreException e) {
            throw new EwsError("ErrorCalendarInvalidRecurrence", e.getMessage());
        }
    }

    private static int interval(XmlIn pattern) {
        return Xsd.integer(pattern.require("Interval"));
    }

    private static int dayOfMonth(XmlIn pattern) {
        int day = Xsd.integer(pattern.require("DayOfMonth"));
        if (day < 1 || day > 31) {
            throw new EwsError("ErrorCalendarInvalidRecurrence", "DayOfMonth must be between 1 and 31.");
        }
        return day;
    }

    private static Month month(XmlIn pattern) {
        XmlIn element = pattern.require("Month");
        String name = Xsd.enumValue(element, element.text(), "Month", "MonthNamesType", MONTHS);
        return Month.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static Recurrence.WeekIndex weekIndex(XmlIn pattern) {
        XmlIn element = pattern.require("DayOfWeekIndex");
        String name = Xsd.enumValue(element, element.text(), "DayOfWeekIndex", "DayOfWeekIndexType", INDEXES);
        return Recurrence.WeekIndex.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static Set<DayOfWeek> days(XmlIn pattern) {
        XmlIn element = pattern.require("DaysOfWeek");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String token : element.token().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = Xsd.enumValue(element, token, "DaysOfWeek", "DayOfWeekType", DAY_NAMES);
            switch (name) {
                case "Day" -> days.addAll(EnumSet.allOf(DayOfWeek.class));
                case "Weekday" -> days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
                case "WeekendDay" -> days.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
                default -> days.add(DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT)));
            }
        }
        return days;
    }

    private static DayOfWeek single(XmlIn element) {
        String name = Xsd.enumValue(element, element.text(), element.name(), "DayOfWeekType", DAY_NAMES);
        if (name.equals("Day") || name.equals("Weekday") || name.equals("WeekendDay")) {
            throw new EwsError("ErrorCalendarInvalidRecurrence", "FirstDayOfWeek must be a single day.");
        }
        return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
