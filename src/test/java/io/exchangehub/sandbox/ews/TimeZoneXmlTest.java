package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZoneXmlTest {

    private static String xml(String zone) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseWriter.write(TimeZoneXml.definition("t:StartTimeZone", ZoneId.of(zone)).attr("xmlns:t", Soap.TYPES), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void europeanZonesChangeOnTheLastSundaysOfMarchAndOctober() throws Exception {
        String berlin = xml("Europe/Berlin");
        assertThat(berlin).contains("Id=\"W. Europe Standard Time\"",
                "<t:Period Bias=\"-PT1H\" Name=\"Standard\" Id=\"trule:Microsoft/Registry/W. Europe Standard Time/Standard\"/>",
                "<t:Period Bias=\"-PT2H\" Name=\"Daylight\"",
                "Daylight</t:To><t:TimeOffset>PT2H</t:TimeOffset><t:Month>3</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek>"
                        + "<t:Occurrence>-1</t:Occurrence>",
                "Standard</t:To><t:TimeOffset>PT3H</t:TimeOffset><t:Month>10</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek>"
                        + "<t:Occurrence>-1</t:Occurrence>",
                "<t:Transitions><t:Transition><t:To Kind=\"Group\">0</t:To></t:Transition></t:Transitions>");
    }

    @Test
    void americanZonesChangeOnTheSecondSundayOfMarchAndTheFirstOfNovember() throws Exception {
        assertThat(xml("America/New_York")).contains("Id=\"Eastern Standard Time\"", "Bias=\"PT5H\" Name=\"Standard\"",
                "Bias=\"PT4H\" Name=\"Daylight\"", "<t:Month>3</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek><t:Occurrence>2",
                "<t:TimeOffset>PT2H</t:TimeOffset><t:Month>11</t:Month><t:DayOfWeek>Sunday</t:DayOfWeek><t:Occurrence>1");
    }

    @Test
    void zonesWithoutDaylightSavingTimeHaveOnePeriod() throws Exception {
        assertThat(xml("Asia/Tokyo")).contains("Id=\"Tokyo Standard Time\"", "Bias=\"-PT9H\" Name=\"Standard\"")
                .doesNotContain("Daylight", "RecurringDayTransition");
        assertThat(xml("Asia/Kolkata")).contains("Bias=\"-PT5H30M\"");
    }
}
