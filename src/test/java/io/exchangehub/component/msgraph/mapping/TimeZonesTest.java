package io.exchangehub.component.msgraph.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.DateTimeTimeZone;
import io.exchangehub.model.DateTimeZone;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

    private static DateTimeTimeZone graph(String dateTime, String zone) {
        DateTimeTimeZone value = new DateTimeTimeZone();
        value.setDateTime(dateTime);
        value.setTimeZone(zone);
        return value;
    }

    @Test
    void ianaZonesGoToGraphByTheirWindowsNames() {
        assertThat(TimeZones.windowsName(ZoneId.of("Europe/Berlin"))).isEqualTo("W. Europe Standard Time");
        assertThat(TimeZones.windowsName(ZoneId.of("America/New_York"))).isEqualTo("Eastern Standard Time");
        assertThat(TimeZones.windowsName(ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(TimeZones.windowsName(ZoneId.of("UTC"))).isEqualTo("UTC");
    }

    @Test
    void graphTimesInAnyZoneNameAreToldOnTheRequestedWallClock() {
        DateTimeZone berlin = TimeZones.toModel(graph("2026-03-31T10:00:00.0000000", "W. Europe Standard Time"), ZoneId.of("Europe/Berlin"));
        assertThat(berlin).isEqualTo(new DateTimeZone(LocalDateTime.parse("2026-03-31T10:00"), "Europe/Berlin"));
        DateTimeZone newYork = TimeZones.toModel(graph("2026-03-31T10:00:00.0000000", "Europe/Berlin"), ZoneId.of("America/New_York"));
        assertThat(newYork.dateTime()).isEqualTo(LocalDateTime.parse("2026-03-31T04:00"));
        assertThat(TimeZones.instant(graph("2026-03-31T08:00:00.0000000", "UTC"))).isEqualTo(Instant.parse("2026-03-31T08:00:00Z"));
        assertThat(TimeZones.ianaName("Eastern Standard Time")).isEqualTo("America/New_York");
    }

    @Test
    void modelTimesGoToGraphAsWallClockAndWindowsZone() {
        DateTimeTimeZone value = TimeZones.toGraph(new DateTimeZone(LocalDateTime.parse("2026-03-10T15:00"), "Europe/London"));
        assertThat(value.getDateTime()).isEqualTo("2026-03-10T15:00:00");
        assertThat(value.getTimeZone()).isEqualTo("GMT Standard Time");
        assertThat(TimeZones.toGraph(Instant.parse("2026-03-10T15:00:00Z")).getTimeZone()).isEqualTo("UTC");
    }
}
