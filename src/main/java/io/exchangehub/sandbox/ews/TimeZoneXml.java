package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.TimeZones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Time zones as EWS 2010 and later describe them ({@code TimeZoneDefinitionType}): the Windows id,
 * a standard and a daylight period with their bias, and the yearly transitions between them,
 * derived from the zone's current rules. Clients such as ews-java-api accept a definition for a
 * new item only when it has all three parts, so a zone read from one item can be given to the next.
 */
final class TimeZoneXml {

    private TimeZoneXml() {}

    static XmlOut definition(String elementName, ZoneId zone) {
        String windows = TimeZones.windowsName(zone);
        String prefix = "trule:Microsoft/Registry/" + windows + "/";
        XmlOut definition = new XmlOut(elementName).attr("Id", windows).attr("Name", windows);
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        XmlOut periods = definition.child("t:Periods");
        XmlOut group = definition.child("t:TransitionsGroups").child("t:TransitionsGroup").attr("Id", "0");
        if (yearly.size() != 2 || yearly.stream().anyMatch(rule -> rule.getDayOfWeek() == null)) {
            ZoneOffset offset = rules.getOffset(Instant.now());
            periods.child("t:Period").attr("Bias", bias(offset)).attr("Name", "Standard").attr("Id", prefix + "Standard");
            group.child("t:Transition").child("t:To").attr("Kind", "Period").text(prefix + "Standard");
        } else {
            ZoneOffset standard = yearly.get(0).getStandardOffset();
            ZoneOffset daylight = yearly.stream().map(ZoneOffsetTransitionRule::getOffsetAfter)
                    .filter(offset -> !offset.equals(standard)).findFirst().orElse(standard);
            periods.child("t:Period").attr("Bias", bias(standard)).attr("Name", "Standard").attr("Id", prefix + "Standard");
            periods.child("t:Period").attr("Bias", bias(daylight)).attr("Name", "Daylight").attr("Id", prefix + "Daylight");
            for (ZoneOffsetTransitionRule rule : yearly) {
                String target = rule.getOffsetAfter().equals(standard) ? "Standard" : "Daylight";
                XmlOut transition = group.child("t:RecurringDayTransition");
                transition.child("t:To").attr("Kind", "Period").text(prefix + target);
                transition.el("t:TimeOffset", timeOffset(rule));
                transition.el("t:Month", rule.getMonth().getValue());
                transition.el("t:DayOfWeek", RecurrenceXml.dayName(rule.getDayOfWeek()));
                transition.el("t:Occurrence", occurrence(rule));
            }
        }
        definition.child("t:Transitions").child("t:Transition").child("t:To").attr("Kind", "Group").text("0");
        return definition;
    }

    /**
     * Which weekday of the month, -1 for the last: tzdb's "last Sunday" reaches Java as "the Sunday
     * on or after the 25th", a window that ends with the month.
     */
    private static int occurrence(ZoneOffsetTransitionRule rule) {
        int indicator = rule.getDayOfMonthIndicator();
        if (indicator < 0 || indicator > rule.getMonth().minLength() - 7) {
            return -1;
        }
        return (indicator - 1) / 7 + 1;
    }

    /** Windows' bias: what to add to local time to get UTC, so Berlin's +01:00 is -PT1H. */
    private static String bias(ZoneOffset offset) {
        return duration(-offset.getTotalSeconds());
    }

    /** The wall-clock time of the transition, before it happens, as Windows states it. */
    private static String timeOffset(ZoneOffsetTransitionRule rule) {
        LocalDateTime wall = rule.getTimeDefinition().createDateTime(LocalDate.of(2001, 1, 1).atTime(rule.getLocalTime()),
                rule.getStandardOffset(), rule.getOffsetBefore());
        return duration(wall.toLocalTime().toSecondOfDay());
    }

    private static String duration(int seconds) {
        int magnitude = Math.abs(seconds);
        StringBuilder text = new StringBuilder(seconds < 0 ? "-PT" : "PT");
        if (magnitude == 0) {
            return text.append("0H").toString();
        }
        if (magnitude >= 3600) {
            text.append(magnitude / 3600).append('H');
        }
        if (magnitude % 3600 >= 60) {
            text.append(magnitude % 3600 / 60).append('M');
        }
        if (magnitude % 60 != 0) {
            text.append(magnitude % 60).append('S');
        }
        return text.toString();
    }
}
