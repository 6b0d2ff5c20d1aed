package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.store.Recurrence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecurrenceXmlTest {

    private static Recurrence roundTrip(Recurrence recurrence) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseWriter.write(new XmlOut("t:Root").attr("xmlns:t", Soap.TYPES).add(RecurrenceXml.write(recurrence)), out);
        try (RequestReader reader = new RequestReader()) {
            return RecurrenceXml.read(reader.read(new ByteArrayInputStream(out.toByteArray())).require("Recurrence"));
        }
    }

    @Test
    void everyPatternAndRangeSurvivesWritingAndReading() throws Exception {
        LocalDate start = LocalDate.of(2026, 3, 2);
        List<Recurrence> all = List.of(
                Recurrence.daily(3, start, Recurrence.RangeType.NUMBERED, null, 10),
                Recurrence.weekly(2, Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, Recurrence.RangeType.END_DATE,
                        LocalDate.of(2026, 12, 31), 0),
                Recurrence.absoluteMonthly(1, 31, start, Recurrence.RangeType.NO_END, null, 0),
                Recurrence.relativeMonthly(2, Set.of(DayOfWeek.THURSDAY), Recurrence.WeekIndex.LAST, start,
                        Recurrence.RangeType.NUMBERED, null, 6),
                Recurrence.absoluteYearly(29, Month.FEBRUARY, start, Recurrence.RangeType.NO_END, null, 0),
                new Recurrence(Recurrence.Pattern.RELATIVE_YEARLY, 1, Set.of(DayOfWeek.SUNDAY), 0, Month.OCTOBER,
                        Recurrence.WeekIndex.SECOND, DayOfWeek.SUNDAY, Recurrence.RangeType.END_DATE, start,
                        LocalDate.of(2030, 1, 1), 0));
        for (Recurrence recurrence : all) {
            assertThat(roundTrip(recurrence)).as(recurrence.pattern().name()).isEqualTo(recurrence);
        }
    }

    @Test
    void weekdayShorthandsAndImpossibleSeriesAreReadAsExchangeDoes() throws Exception {
        String weekdays = "<t:Recurrence xmlns:t=\"" + Soap.TYPES + "\"><t:WeeklyRecurrence><t:Interval>1</t:Interval>"
                + "<t:DaysOfWeek>Weekday</t:DaysOfWeek></t:WeeklyRecurrence><t:NoEndRecurrence><t:StartDate>2026-03-02+01:00"
                + "</t:StartDate></t:NoEndRecurrence></t:Recurrence>";
        try (RequestReader reader = new RequestReader()) {
            Recurrence read = RecurrenceXml.read(reader.read(new ByteArrayInputStream(weekdays.getBytes())));
            assertThat(read.daysOfWeek()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(read.startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        }
        String zeroInterval = weekdays.replace("<t:Interval>1</t:Interval>", "<t:Interval>0</t:Interval>");
        try (RequestReader reader = new RequestReader()) {
            XmlIn element = reader.read(new ByteArrayInputStream(zeroInterval.getBytes()));
            assertThatThrownBy(() -> RecurrenceXml.read(element)).isInstanceOfSatisfying(EwsError.class,
                    e -> assertThat(e.code()).isEqualTo("ErrorCalendarInvalidRecurrence"));
        }
    }
}
