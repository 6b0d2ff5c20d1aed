package io.exchangehub.component.msgraph.mapping;

import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.WeekIndex;
import io.exchangehub.model.Recurrence;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Graph's patterned recurrence and the model's {@link Recurrence}: the same terms, Graph's names. */
public final class RecurrenceMapper {

    private RecurrenceMapper() {}

    public static Recurrence toModel(PatternedRecurrence recurrence) {
        if (recurrence == null || recurrence.getPattern() == null || recurrence.getRange() == null) {
            return null;
        }
        RecurrencePattern p = recurrence.getPattern();
        RecurrenceRange r = recurrence.getRange();
        Recurrence.Pattern pattern = switch (p.getType()) {
            case Daily -> Recurrence.Pattern.DAILY;
            case Weekly -> Recurrence.Pattern.WEEKLY;
            case AbsoluteMonthly -> Recurrence.Pattern.ABSOLUTE_MONTHLY;
            case RelativeMonthly -> Recurrence.Pattern.RELATIVE_MONTHLY;
            case AbsoluteYearly -> Recurrence.Pattern.ABSOLUTE_YEARLY;
            case RelativeYearly -> Recurrence.Pattern.RELATIVE_YEARLY;
        };
        List<DayOfWeek> days = p.getDaysOfWeek() == null ? List.of()
                : p.getDaysOfWeek().stream().map(d -> DayOfWeek.valueOf(d.getValue().toUpperCase(Locale.ROOT))).toList();
        boolean relative = pattern == Recurrence.Pattern.RELATIVE_MONTHLY || pattern == Recurrence.Pattern.RELATIVE_YEARLY;
        Recurrence.RangeType range = switch (r.getType()) {
            case EndDate -> Recurrence.RangeType.END_DATE;
            case Numbered -> Recurrence.RangeType.NUMBERED;
            case NoEnd -> Recurrence.RangeType.NO_END;
        };
        return new Recurrence(pattern, value(p.getInterval(), 1), days, value(p.getDayOfMonth(), 0), value(p.getMonth(), 0),
                relative && p.getIndex() != null ? Recurrence.WeekIndex.valueOf(p.getIndex().getValue().toUpperCase(Locale.ROOT)) : null,
                p.getFirstDayOfWeek() == null ? DayOfWeek.SUNDAY : DayOfWeek.valueOf(p.getFirstDayOfWeek().getValue().toUpperCase(Locale.ROOT)),
                range, r.getStartDate(), range == Recurrence.RangeType.END_DATE ? r.getEndDate() : null,
                range == Recurrence.RangeType.NUMBERED ? value(r.getNumberOfOccurrences(), 0) : 0,
                TimeZones.ianaName(r.getRecurrenceTimeZone()));
    }

    /**
     * @param recurrence the model's pattern
     * @param startZone  the series' zone, when the recurrence names none
     */
    public static PatternedRecurrence toGraph(Recurrence recurrence, ZoneId startZone) {
        RecurrencePattern p = new RecurrencePattern();
        p.setType(switch (recurrence.pattern()) {
            case DAILY -> RecurrencePatternType.Daily;
            case WEEKLY -> RecurrencePatternType.Weekly;
            case ABSOLUTE_MONTHLY -> RecurrencePatternType.AbsoluteMonthly;
            case RELATIVE_MONTHLY -> RecurrencePatternType.RelativeMonthly;
            case ABSOLUTE_YEARLY -> RecurrencePatternType.AbsoluteYearly;
            case RELATIVE_YEARLY -> RecurrencePatternType.RelativeYearly;
        });
        p.setInterval(Math.max(1, recurrence.interval()));
        if (recurrence.daysOfWeek() != null && !recurrence.daysOfWeek().isEmpty()) {
            p.setDaysOfWeek(recurrence.daysOfWeek().stream().map(RecurrenceMapper::day).toList());
        }
        if (recurrence.dayOfMonth() > 0) {
            p.setDayOfMonth(recurrence.dayOfMonth());
        }
        if (recurrence.month() > 0) {
            p.setMonth(recurrence.month());
        }
        if (recurrence.index() != null) {
            p.setIndex(WeekIndex.forValue(recurrence.index().name().toLowerCase(Locale.ROOT)));
        }
        if (recurrence.firstDayOfWeek() != null) {
            p.setFirstDayOfWeek(day(recurrence.firstDayOfWeek()));
        }
        RecurrenceRange r = new RecurrenceRange();
        r.setType(switch (recurrence.range()) {
            case END_DATE -> RecurrenceRangeType.EndDate;
            case NUMBERED -> RecurrenceRangeType.Numbered;
            case NO_END -> RecurrenceRangeType.NoEnd;
        });
        r.setStartDate(recurrence.startDate());
        if (recurrence.range() == Recurrence.RangeType.END_DATE) {
            r.setEndDate(recurrence.endDate());
        }
        if (recurrence.range() == Recurrence.RangeType.NUMBERED) {
            r.setNumberOfOccurrences(recurrence.numberOfOccurrences());
        }
        ZoneId zone = recurrence.recurrenceTimeZone() != null ? TimeZones.zone(recurrence.recurrenceTimeZone()) : startZone;
        r.setRecurrenceTimeZone(TimeZones.windowsName(zone));
        PatternedRecurrence result = new PatternedRecurrence();
        result.setPattern(p);
        result.setRange(r);
        return result;
    }

    private static com.microsoft.graph.models.DayOfWeek day(DayOfWeek day) {
        return com.microsoft.graph.models.DayOfWeek.forValue(day.name().toLowerCase(Locale.ROOT));
    }

    private static int value(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
