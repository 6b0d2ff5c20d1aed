package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.MessageKind;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.MeetingResponseType;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeek;
import microsoft.exchange.webservices.data.core.enumeration.property.time.DayOfTheWeekIndex;
import microsoft.exchange.webservices.data.core.enumeration.property.time.Month;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AppointmentType;
import microsoft.exchange.webservices.data.core.service.folder.CalendarFolder;
import microsoft.exchange.webservices.data.core.service.item.Appointment;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.item.MeetingRequest;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.MessageBody;
import microsoft.exchange.webservices.data.property.complex.recurrence.pattern.Recurrence;
import microsoft.exchange.webservices.data.search.CalendarView;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class CalendarIT extends EwsTestSupport {

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    /** Alice's calendar view (CalendarView) between two instants. */
    private FindItemsResults<Appointment> aliceCalendar(String start, String end) throws Exception {
        return CalendarFolder.bind(ews(ALICE), WellKnownFolderName.Calendar).findAppointments(new CalendarView(at(start), at(end)));
    }

    @Test
    void calendarViewKeepsTheWeeklyReviewAtTenBerlinAcrossTheDstChange() throws Exception {
        FindItemsResults<Appointment> view = aliceCalendar("2026-03-09T00:00:00Z", "2026-04-08T00:00:00Z");
        List<Instant> reviews = new ArrayList<>();
        for (Appointment appointment : view.getItems()) {
            if (appointment.getSubject().equals("Sales pipeline review")) {
                assertThat(appointment.getAppointmentType()).isEqualTo(AppointmentType.Occurrence);
                assertThat(appointment.getStart().toInstant().atZone(ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(10);
                reviews.add(appointment.getStart().toInstant());
            }
        }
        assertThat(reviews).containsExactly(Instant.parse("2026-03-10T09:00:00Z"), Instant.parse("2026-03-17T09:00:00Z"),
                Instant.parse("2026-03-24T09:00:00Z"), Instant.parse("2026-03-31T08:00:00Z"),
                Instant.parse("2026-04-07T08:00:00Z"));
    }

    @Test
    void calendarViewShowsMovedOccurrencesAsExceptionsAndLeavesDeletedOnesOut() throws Exception {
        FindItemsResults<Appointment> week = aliceCalendar("2026-03-02T00:00:00Z", "2026-03-07T00:00:00Z");
        List<String> standUps = new ArrayList<>();
        for (Appointment appointment : week.getItems()) {
            if (appointment.getSubject().startsWith("Team stand-up")) {
                standUps.add(appointment.getAppointmentType() + " " + appointment.getStart().toInstant() + " "
                        + appointment.getSubject());
            }
        }
        assertThat(standUps).containsExactly("Occurrence 2026-03-02T08:30:00Z Team stand-up",
                "Exception 2026-03-04T09:30:00Z Team stand-up (moved)");
    }

    @Test
    void recurringMasterCarriesItsPatternAndItsExceptions() throws Exception {
        ExchangeService alice = ews(ALICE);
        FindItemsResults<Item> masters = alice.findItems(WellKnownFolderName.Calendar,
                new SearchFilter.IsEqualTo(ItemSchema.Subject, "Team stand-up"), new ItemView(5));
        assertThat(masters.getItems()).hasSize(1);
        Appointment master = Appointment.bind(alice, masters.getItems().get(0).getId());
        assertThat(master.getAppointmentType()).isEqualTo(AppointmentType.RecurringMaster);
        assertThat(master.getRecurrence()).isInstanceOf(Recurrence.WeeklyPattern.class);
        assertThat(((Recurrence.WeeklyPattern) master.getRecurrence()).getDaysOfTheWeek().getCount()).isEqualTo(3);
        assertThat(master.getModifiedOccurrences().getCount()).isEqualTo(1);
        assertThat(master.getDeletedOccurrences().getCount()).isEqualTo(1);

        Appointment third = Appointment.bindToOccurrence(alice, master.getId(), 3);
        assertThat(third.getAppointmentType()).isIn(AppointmentType.Occurrence, AppointmentType.Exception);
        Appointment back = Appointment.bindToRecurringMaster(alice, third.getId());
        assertThat(back.getId().getUniqueId()).isEqualTo(master.getId().getUniqueId());
    }

    /**
     * One GetItem at the Exchange 2013 level that names occurrences by their ids and their series
     * master by RecurringMasterItemId (as the hub's calendar view does for a page): the master comes
     * back with its own id for both the occurrence and the moved one, and the join URL of the online
     * stand-up comes with each, none with a meeting that is not online.
     */
    @Test
    void getItemAtExchange2013ResolvesOccurrencesToTheirMasterAndGivesTheJoinUrl() throws Exception {
        FindItemsResults<Appointment> week = aliceCalendar("2026-03-02T00:00:00Z", "2026-03-07T00:00:00Z");
        String occurrence = null;
        String exception = null;
        String single = null;
        for (Appointment appointment : week.getItems()) {
            switch (appointment.getAppointmentType()) {
                case Occurrence -> occurrence = appointment.getSubject().startsWith("Team stand-up") ? appointment.getId()
                        .getUniqueId() : occurrence;
                case Exception -> exception = appointment.getId().getUniqueId();
                case Single -> single = appointment.getId().getUniqueId();
                default -> { }
            }
        }
        assertThat(List.of(String.valueOf(occurrence), String.valueOf(exception), String.valueOf(single))).doesNotContain("null");
        String master = store.read(() -> folder(ALICE, WellKnownFolder.CALENDAR).items().stream()
                .filter(i -> "Team stand-up".equals(i.subject)).findFirst().orElseThrow().id);

        HttpResponse<String> answer = soap(ALICE, "Exchange2013", "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "<t:AdditionalProperties><t:FieldURI FieldURI=\"calendar:JoinOnlineMeetingUrl\"/></t:AdditionalProperties>"
                + "</m:ItemShape><m:ItemIds><t:RecurringMasterItemId OccurrenceId=\"" + occurrence + "\"/>"
                + "<t:RecurringMasterItemId OccurrenceId=\"" + exception + "\"/><t:ItemId Id=\"" + occurrence + "\"/>"
                + "<t:ItemId Id=\"" + single + "\"/></m:ItemIds></m:GetItem>");
        String body = answer.body();
        assertThat(body.split("ResponseClass=\"Success\"", -1)).hasSize(5);
        assertThat(body.split("<t:ItemId Id=\"" + master + "\"", -1)).hasSize(3);
        assertThat(body).contains("<t:ItemId Id=\"" + occurrence + "\"");
        assertThat(body.split("<t:JoinOnlineMeetingUrl>https://teams.example/l/meetup-join/standup-", -1)).hasSize(4);

        HttpResponse<String> notAnOccurrence = soap(ALICE, "Exchange2013", "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly"
                + "</t:BaseShape></m:ItemShape><m:ItemIds><t:RecurringMasterItemId OccurrenceId=\"" + single + "\"/></m:ItemIds>"
                + "</m:GetItem>");
        assertThat(notAnOccurrence.body()).contains("ResponseClass=\"Error\"");
    }

    /**
     * The GetItem at the Exchange 2013 level that gives a calendar page its attendees and previews:
     * an occurrence and a moved occurrence named by the ids a CalendarView gave them answer with
     * the series' attendees (each with its answer and when it came) and their own preview, as the
     * occurrence does when named by OccurrenceItemId; a single meeting has its required, optional
     * and resource attendees in their own lists, those who have not answered as Unknown (the
     * organizer's list, as Exchange gives it; NoResponseReceived is an attendee's own
     * MyResponseType), and without a body no preview text.
     */
    @Test
    void getItemAtExchange2013GivesEventsNamedByTheirIdsTheirAttendeesAndPreview() throws Exception {
        FindItemsResults<Appointment> week = aliceCalendar("2026-03-02T00:00:00Z", "2026-03-07T00:00:00Z");
        String occurrence = null;
        String exception = null;
        for (Appointment appointment : week.getItems()) {
            if (appointment.getSubject().startsWith("Team stand-up")) {
                switch (appointment.getAppointmentType()) {
                    case Occurrence -> occurrence = occurrence == null ? appointment.getId().getUniqueId() : occurrence;
                    case Exception -> exception = appointment.getId().getUniqueId();
                    default -> { }
                }
            }
        }
        assertThat(List.of(String.valueOf(occurrence), String.valueOf(exception))).doesNotContain("null");
        String occurrenceId = occurrence;
        String master = store.read(() -> store.occurrence(occurrenceId).master().id);
        int index = store.read(() -> store.occurrence(occurrenceId).index());
        List<String> team = store.read(() -> store.occurrence(occurrenceId).master().attendees.stream()
                .map(a -> a.recipient().address() + " Accept " + Xsd.dateTime(a.responseTime())).toList());
        String subject = "Attendee kinds " + UUID.randomUUID();
        String created = soap(ALICE, "<m:CreateItem SendMeetingInvitations=\"SendToNone\"><m:Items><t:CalendarItem>"
                + "<t:Subject>" + subject + "</t:Subject><t:Start>2026-07-01T09:00:00Z</t:Start><t:End>2026-07-01T10:00:00Z</t:End>"
                + "<t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>" + BOB + "</t:EmailAddress></t:Mailbox></t:Attendee>"
                + "</t:RequiredAttendees><t:OptionalAttendees><t:Attendee><t:Mailbox><t:EmailAddress>" + CAROL
                + "</t:EmailAddress></t:Mailbox></t:Attendee></t:OptionalAttendees><t:Resources><t:Attendee><t:Mailbox>"
                + "<t:Name>Room 4.12</t:Name><t:EmailAddress>room-4.12@contoso.example</t:EmailAddress></t:Mailbox></t:Attendee>"
                + "</t:Resources></t:CalendarItem></m:Items></m:CreateItem>").body();
        String single = itemId(created);
        try {
            HttpResponse<String> answer = soap(ALICE, "Exchange2013", "<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                    + "<t:AdditionalProperties><t:FieldURI FieldURI=\"calendar:RequiredAttendees\"/>"
                    + "<t:FieldURI FieldURI=\"calendar:OptionalAttendees\"/><t:FieldURI FieldURI=\"calendar:Resources\"/>"
                    + "<t:FieldURI FieldURI=\"item:Preview\"/></t:AdditionalProperties></m:ItemShape><m:ItemIds>"
                    + "<t:ItemId Id=\"" + occurrence + "\"/><t:ItemId Id=\"" + exception + "\"/>"
                    + "<t:OccurrenceItemId RecurringMasterId=\"" + master + "\" InstanceIndex=\"" + index + "\"/>"
                    + "<t:ItemId Id=\"" + single + "\"/></m:ItemIds></m:GetItem>");
            List<Element> items = calendarItems(answer.body());
            assertThat(items).hasSize(4);
            for (Element standUp : items.subList(0, 3)) {
                assertThat(attendees(standUp, "RequiredAttendees")).hasSize(3).containsExactlyElementsOf(team);
                assertThat(attendees(standUp, "OptionalAttendees")).isEmpty();
                assertThat(attendees(standUp, "Resources")).isEmpty();
                assertThat(text(standUp, "Preview")).isEqualTo("Daily check-in: yesterday, today, blockers.");
            }
            assertThat(items.get(0).getElementsByTagNameNS(TYPES, "ItemId").item(0).getAttributes().getNamedItem("Id")
                    .getNodeValue()).isEqualTo(occurrence);
            assertThat(items.get(2).getElementsByTagNameNS(TYPES, "ItemId").item(0).getAttributes().getNamedItem("Id")
                    .getNodeValue()).isEqualTo(occurrence);
            Element meeting = items.get(3);
            assertThat(attendees(meeting, "RequiredAttendees")).containsExactly(BOB + " Unknown null");
            assertThat(attendees(meeting, "OptionalAttendees")).containsExactly(CAROL + " Unknown null");
            assertThat(attendees(meeting, "Resources")).containsExactly("room-4.12@contoso.example Unknown null");
            assertThat(text(meeting, "Preview")).isNull();
        } finally {
            soap(ALICE, "<m:DeleteItem DeleteType=\"HardDelete\" SendMeetingCancellations=\"SendToNone\"><m:ItemIds>"
                    + "<t:ItemId Id=\"" + single + "\"/></m:ItemIds></m:DeleteItem>");
        }
    }

    /** The {@code t:CalendarItem} elements of a GetItem answer, in order. */
    private static List<Element> calendarItems(String answer) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(answer)));
        NodeList found = document.getElementsByTagNameNS(TYPES, "CalendarItem");
        List<Element> items = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            items.add((Element) found.item(i));
        }
        return items;
    }

    /** An attendee list of a calendar item as "address response time" lines ("null" for what is absent). */
    private static List<String> attendees(Element item, String list) {
        NodeList lists = item.getElementsByTagNameNS(TYPES, list);
        List<String> attendees = new ArrayList<>();
        if (lists.getLength() == 0) {
            return attendees;
        }
        NodeList entries = ((Element) lists.item(0)).getElementsByTagNameNS(TYPES, "Attendee");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            attendees.add(text(entry, "EmailAddress") + " " + text(entry, "ResponseType") + " " + text(entry, "LastResponseTime"));
        }
        return attendees;
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(TYPES, name);
        return found.getLength() == 0 || found.item(0).getTextContent().isEmpty() ? null : found.item(0).getTextContent();
    }

    @Test
    void seriesOfEveryPatternAndRangeAreCreatedAndExpanded() throws Exception {
        ExchangeService alice = ews(ALICE);
        Date start = at("2026-06-01T12:00:00Z");
        List<Recurrence> patterns = new ArrayList<>();
        Recurrence daily = new Recurrence.DailyPattern(start, 2);
        daily.setNumberOfOccurrences(5);
        patterns.add(daily);
        Recurrence weekly = new Recurrence.WeeklyPattern(start, 1, DayOfTheWeek.Monday, DayOfTheWeek.Thursday);
        weekly.setEndDate(at("2026-06-30T12:00:00Z"));
        patterns.add(weekly);
        Recurrence monthly = new Recurrence.MonthlyPattern(start, 1, 15);
        monthly.setNumberOfOccurrences(3);
        patterns.add(monthly);
        Recurrence relativeMonthly = new Recurrence.RelativeMonthlyPattern(start, 1, DayOfTheWeek.Tuesday,
                DayOfTheWeekIndex.Second);
        relativeMonthly.setNumberOfOccurrences(3);
        patterns.add(relativeMonthly);
        Recurrence yearly = new Recurrence.YearlyPattern(start, Month.July, 4);
        yearly.setNumberOfOccurrences(2);
        patterns.add(yearly);
        Recurrence relativeYearly = new Recurrence.RelativeYearlyPattern(start, Month.November, DayOfTheWeek.Thursday,
                DayOfTheWeekIndex.Fourth);
        relativeYearly.neverEnds();
        patterns.add(relativeYearly);

        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<ItemId> ids = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Appointment series = new Appointment(alice);
            series.setSubject("Series " + tag + " " + i);
            series.setStart(at("2026-06-01T07:00:00Z"));
            series.setEnd(at("2026-06-01T07:30:00Z"));
            series.setRecurrence(patterns.get(i));
            series.save(SendInvitationsMode.SendToNone);
            ids.add(series.getId());
        }
        for (int i = 0; i < patterns.size(); i++) {
            Appointment master = Appointment.bind(alice, ids.get(i));
            assertThat(master.getRecurrence()).as("pattern %d", i).isInstanceOf(patterns.get(i).getClass());
        }
        CalendarFolder calendar = CalendarFolder.bind(alice, WellKnownFolderName.Calendar);
        FindItemsResults<Appointment> year = calendar.findAppointments(new CalendarView(at("2026-06-01T00:00:00Z"),
                at("2027-12-31T00:00:00Z")));
        int[] counts = new int[patterns.size()];
        List<Instant> relativeYearlyStarts = new ArrayList<>();
        for (Appointment appointment : year.getItems()) {
            String subject = appointment.getSubject();
            if (subject.startsWith("Series " + tag + " ")) {
                int index = Integer.parseInt(subject.substring(subject.length() - 1));
                counts[index]++;
                if (index == 5) {
                    relativeYearlyStarts.add(appointment.getStart().toInstant());
                }
            }
        }
        assertThat(counts).containsExactly(5, 9, 3, 3, 2, 2);
        assertThat(relativeYearlyStarts).containsExactly(Instant.parse("2026-11-26T08:00:00Z"),
                Instant.parse("2027-11-25T08:00:00Z"));
    }

    @Test
    void timeZonesAndAllDayEventsFollowTheirWallClock() {
        HttpResponse<String> pacific = soap(ALICE, "<m:CreateItem SendMeetingInvitations=\"SendToNone\"><m:Items>"
                + "<t:CalendarItem><t:Subject>Pacific call</t:Subject><t:Start>2026-07-01T16:00:00Z</t:Start>"
                + "<t:End>2026-07-01T17:00:00Z</t:End><t:StartTimeZone Id=\"Pacific Standard Time\"/>"
                + "</t:CalendarItem></m:Items></m:CreateItem>");
        CalendarEvent call = store.read(() -> (CalendarEvent) store.item(itemId(pacific.body())));
        assertThat(call.startZone).isEqualTo(ZoneId.of("America/Los_Angeles"));

        HttpResponse<String> legacy = soap(ALICE, "<m:CreateItem SendMeetingInvitations=\"SendToNone\"><m:Items>"
                + "<t:CalendarItem><t:Subject>Tokyo offsite</t:Subject><t:Start>2026-07-10T03:00:00Z</t:Start>"
                + "<t:End>2026-07-11T09:00:00Z</t:End><t:IsAllDayEvent>true</t:IsAllDayEvent>"
                + "<t:MeetingTimeZone TimeZoneName=\"Tokyo Standard Time\"><t:BaseOffset>-PT9H</t:BaseOffset></t:MeetingTimeZone>"
                + "</t:CalendarItem></m:Items></m:CreateItem>");
        CalendarEvent offsite = store.read(() -> (CalendarEvent) store.item(itemId(legacy.body())));
        assertThat(offsite.startZone).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(offsite.start).isEqualTo(Instant.parse("2026-07-09T15:00:00Z"));
        assertThat(offsite.end).isEqualTo(Instant.parse("2026-07-11T15:00:00Z"));

        HttpResponse<String> answer = soap(ALICE, "<m:GetItem><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape>"
                + "<m:ItemIds><t:ItemId Id=\"" + offsite.id + "\"/></m:ItemIds></m:GetItem>");
        assertThat(answer.body()).contains("<t:IsAllDayEvent>true</t:IsAllDayEvent>",
                "<t:StartTimeZone Id=\"Tokyo Standard Time\"");
    }

    @Test
    void aTimeZoneReadFromOneAppointmentIsGivenToTheNext() throws Exception {
        ExchangeService bob = ews(BOB);
        FindItemsResults<Item> board = bob.findItems(WellKnownFolderName.Calendar,
                new SearchFilter.IsEqualTo(ItemSchema.Subject, "Board meeting"), new ItemView(1));
        Appointment series = Appointment.bind(bob, board.getItems().get(0).getId());
        assertThat(series.getStartTimeZone().getId()).isEqualTo("Eastern Standard Time");

        Appointment follow = new Appointment(bob);
        follow.setSubject("Board follow-up " + UUID.randomUUID());
        follow.setStartTimeZone(series.getStartTimeZone());
        follow.setStart(at("2026-07-02T18:00:00Z"));
        follow.setEnd(at("2026-07-02T18:30:00Z"));
        follow.setRecurrence(new Recurrence.WeeklyPattern(at("2026-07-02T12:00:00Z"), 1, DayOfTheWeek.Thursday));
        follow.getRecurrence().setNumberOfOccurrences(20);
        follow.save(SendInvitationsMode.SendToNone);
        String id = follow.getId().getUniqueId();
        CalendarEvent stored = store.read(() -> (CalendarEvent) store.item(id));
        assertThat(stored.startZone).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(stored.occurrenceByIndex(20).start()).as("14:00 New York after the November change")
                .isEqualTo(Instant.parse("2026-11-12T19:00:00Z"));
    }

    @Test
    void meetingInvitationReachesBobWhoseAcceptanceAndDeclineReachAlice() throws Exception {
        ExchangeService alice = ews(ALICE);
        String subject = "Pricing workshop " + UUID.randomUUID();
        Appointment meeting = new Appointment(alice);
        meeting.setSubject(subject);
        meeting.setBody(MessageBody.getMessageBodyFromText("Agenda: pricing"));
        meeting.setStart(at("2026-03-20T13:00:00Z"));
        meeting.setEnd(at("2026-03-20T14:00:00Z"));
        meeting.setLocation("Room 4.12");
        meeting.getRequiredAttendees().add(BOB);
        meeting.save(SendInvitationsMode.SendToAllAndSaveCopy);

        CalendarEvent bobsCopy = store.read(() -> findEvent(BOB, subject));
        assertThat(bobsCopy.organizer.address()).isEqualTo(ALICE);
        Message invitation = store.read(() -> findMessage(BOB, WellKnownFolder.INBOX, subject));
        assertThat(invitation.kind).isEqualTo(MessageKind.MEETING_REQUEST);

        ExchangeService bob = ews(BOB);
        MeetingRequest request = MeetingRequest.bind(bob, new ItemId(invitation.id));
        assertThat(request.getStart().toInstant()).isEqualTo(Instant.parse("2026-03-20T13:00:00Z"));
        assertThat(request.getLocation()).isEqualTo("Room 4.12");
        request.accept(true);

        Appointment organizers = Appointment.bind(alice, meeting.getId());
        assertThat(organizers.getRequiredAttendees().getItems().get(0).getResponseType()).isEqualTo(MeetingResponseType.Accept);
        assertThat(store.read(() -> findMessage(ALICE, WellKnownFolder.INBOX, "Accepted: " + subject).kind))
                .isEqualTo(MessageKind.MEETING_ACCEPTED);
        assertThat(store.read(() -> findMessage(BOB, WellKnownFolder.DELETED_ITEMS, subject).kind))
                .isEqualTo(MessageKind.MEETING_REQUEST);

        organizers.setStart(at("2026-03-20T14:00:00Z"));
        organizers.setEnd(at("2026-03-20T15:00:00Z"));
        organizers.update(ConflictResolutionMode.AutoResolve, SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy);
        assertThat(store.read(() -> findEvent(BOB, subject).start)).isEqualTo(Instant.parse("2026-03-20T14:00:00Z"));

        Appointment atBob = Appointment.bind(bob, new ItemId(store.read(() -> findEvent(BOB, subject).id)));
        atBob.acceptTentatively(true);
        assertThat(Appointment.bind(alice, meeting.getId()).getRequiredAttendees().getItems().get(0).getResponseType())
                .isEqualTo(MeetingResponseType.Tentative);
        atBob = Appointment.bind(bob, atBob.getId());
        assertThat(atBob.getMyResponseType()).isEqualTo(MeetingResponseType.Tentative);
        atBob.decline(true);
        Appointment afterDecline = Appointment.bind(alice, meeting.getId());
        assertThat(afterDecline.getRequiredAttendees().getItems().get(0).getResponseType()).isEqualTo(MeetingResponseType.Decline);
        assertThat(store.read(() -> findEventOrNull(BOB, subject))).isNull();
    }

    @Test
    void organizerCancelsAndDeletesMeetingsWithCancellations() throws Exception {
        ExchangeService alice = ews(ALICE);
        String cancelled = "Cancelled review " + UUID.randomUUID();
        Appointment first = meetingWithBob(alice, cancelled);
        first.cancelMeeting("Sorry, postponed");
        CalendarEvent bobsCopy = store.read(() -> findEvent(BOB, "Canceled: " + cancelled));
        assertThat(bobsCopy.cancelled).isTrue();
        assertThat(store.read(() -> findMessage(BOB, WellKnownFolder.INBOX, "Canceled: " + cancelled).kind))
                .isEqualTo(MessageKind.MEETING_CANCELLATION);

        String deleted = "Deleted review " + UUID.randomUUID();
        Appointment second = meetingWithBob(alice, deleted);
        second.delete(DeleteMode.HardDelete, SendCancellationsMode.SendToAllAndSaveCopy);
        assertThat(store.read(() -> findEvent(BOB, "Canceled: " + deleted).cancelled)).isTrue();
        assertThat(store.read(() -> findEventOrNull(ALICE, deleted))).isNull();
    }

    @Test
    void singleOccurrencesAreChangedAndDeleted() throws Exception {
        ExchangeService alice = ews(ALICE);
        String subject = "Weekly sync " + UUID.randomUUID();
        Appointment series = new Appointment(alice);
        series.setSubject(subject);
        series.setStart(at("2026-09-07T08:00:00Z"));
        series.setEnd(at("2026-09-07T08:30:00Z"));
        Recurrence weekly = new Recurrence.WeeklyPattern(at("2026-09-07T12:00:00Z"), 1, DayOfTheWeek.Monday);
        weekly.setNumberOfOccurrences(4);
        series.setRecurrence(weekly);
        series.save(SendInvitationsMode.SendToNone);

        Appointment second = Appointment.bindToOccurrence(alice, series.getId(), 2);
        second.setSubject(subject + " (moved)");
        second.setStart(at("2026-09-15T09:00:00Z"));
        second.setEnd(at("2026-09-15T09:30:00Z"));
        second.update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToNone);
        Appointment third = Appointment.bindToOccurrence(alice, series.getId(), 3);
        third.delete(DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToNone);

        CalendarFolder calendar = CalendarFolder.bind(alice, WellKnownFolderName.Calendar);
        List<String> seen = new ArrayList<>();
        for (Appointment a : calendar.findAppointments(new CalendarView(at("2026-09-01T00:00:00Z"), at("2026-10-01T00:00:00Z")))
                .getItems()) {
            if (a.getSubject().startsWith(subject)) {
                seen.add(a.getAppointmentType() + " " + a.getStart().toInstant());
            }
        }
        assertThat(seen).containsExactly("Occurrence 2026-09-07T08:00:00Z", "Exception 2026-09-15T09:00:00Z",
                "Occurrence 2026-09-28T08:00:00Z");
        Appointment master = Appointment.bind(alice, series.getId(), new PropertySet(BasePropertySet.FirstClassProperties));
        assertThat(master.getDeletedOccurrences().getCount()).isEqualTo(1);
        assertThat(master.getModifiedOccurrences().getCount()).isEqualTo(1);
    }

    private Appointment meetingWithBob(ExchangeService alice, String subject) throws Exception {
        Appointment meeting = new Appointment(alice);
        meeting.setSubject(subject);
        meeting.setStart(at("2026-03-25T15:00:00Z"));
        meeting.setEnd(at("2026-03-25T16:00:00Z"));
        meeting.getRequiredAttendees().add(BOB);
        meeting.save(SendInvitationsMode.SendToAllAndSaveCopy);
        return meeting;
    }

    private static String itemId(String answer) {
        Matcher matcher = Pattern.compile("<t:ItemId Id=\"([^\"]+)\"").matcher(answer);
        assertThat(matcher.find()).as(answer).isTrue();
        return matcher.group(1);
    }

    private CalendarEvent findEvent(String user, String subject) {
        CalendarEvent event = findEventOrNull(user, subject);
        assertThat(event).as("%s has '%s'", user, subject).isNotNull();
        return event;
    }

    private CalendarEvent findEventOrNull(String user, String subject) {
        return folder(user, WellKnownFolder.CALENDAR).items().stream().filter(i -> i.subject.equals(subject))
                .map(CalendarEvent.class::cast).findFirst().orElse(null);
    }

    private Message findMessage(String user, WellKnownFolder folder, String subject) {
        return folder(user, folder).items().stream().filter(i -> i.subject.equals(subject)).map(Message.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no '" + subject + "' in " + folder));
    }
}
