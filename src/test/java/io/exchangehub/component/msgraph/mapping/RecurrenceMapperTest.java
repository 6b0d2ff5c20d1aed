package io.exchangehub.component.msgraph.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePatternType;
import io.exchangehub.model.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceMapperTest {

    @Test
    void everyPatternAndRangeSurvivesTheWayToGraphAndBack() {
        List<Recurrence> patterns = List.of(
                new Recurrence(Recurrence.Pattern.DAILY, 2, List.of(), 0, 0, null, DayOfWeek.SUNDAY, Recurrence.RangeType.NO_END,
                        LocalDate.parse("2026-03-02"), null, 0, "UTC"),
                new Recurrence(Recurrence.Pattern.WEEKLY, 1, List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 0, 0, null,
                        DayOfWeek.MONDAY, Recurrence.RangeType.END_DATE, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-06-30"), 0,
                        "Europe/Berlin"),
                new Recurrence(Recurrence.Pattern.RELATIVE_MONTHLY, 1, List.of(DayOfWeek.THURSDAY), 0, 0, Recurrence.WeekIndex.FIRST,
                        DayOfWeek.SUNDAY, Recurrence.RangeType.NUMBERED, LocalDate.parse("2026-03-05"), null, 12, "America/New_York"),
                new Recurrence(Recurrence.Pattern.ABSOLUTE_YEARLY, 1, List.of(), 24, 12, null, DayOfWeek.SUNDAY,
                        Recurrence.RangeType.NO_END, LocalDate.parse("2026-12-24"), null, 0, "Europe/London"));
        for (Recurrence recurrence : patterns) {
            PatternedRecurrence graph = RecurrenceMapper.toGraph(recurrence, ZoneOffset.UTC);
            assertThat(RecurrenceMapper.toModel(graph)).isEqualTo(recurrence);
        }
        PatternedRecurrence weekly = RecurrenceMapper.toGraph(patterns.get(1), ZoneOffset.UTC);
        assertThat(weekly.getPattern().getType()).isEqualTo(RecurrencePatternType.Weekly);
        assertThat(weekly.getRange().getRecurrenceTimeZone()).isEqualTo("W. Europe Standard Time");
    }
}
