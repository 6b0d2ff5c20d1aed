package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.mime.MimeRenderer;
import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Flag;
import io.exchangehub.sandbox.store.InternetHeader;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.MessageKind;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.OccurrenceOverride;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.Recurrence;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.TimeZones;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Items in EWS XML, driven by a property catalog: for each item type ({@code t:Message},
 * {@code t:MeetingRequest}, {@code t:CalendarItem}, {@code t:Contact}, …) the properties it has,
 * in the order of its schema sequence (ItemType's, then its extensions'), each with its FieldURI,
 * the shapes that include it, whether FindItem may return it, and how to write it.
 */
final class ItemXml {

    /** The element types the store's items are answered as. */
    enum Type {
        MESSAGE("t:Message"), MEETING_REQUEST("t:MeetingRequest"), MEETING_RESPONSE("t:MeetingResponse"),
        MEETING_CANCELLATION("t:MeetingCancellation"), CALENDAR_ITEM("t:CalendarItem"), CONTACT("t:Contact");

        final String element;

        Type(String element) {
            this.element = element;
        }
    }

    /**
     * What to render: a stored item, or one occurrence of a series.
     *
     * @param item       the item (for an occurrence, its master)
     * @param occurrence the occurrence, or null
     */
    record View(Item item, Occurrence occurrence) {

        static View of(Ids.Target target) {
            return target.occurrence() != null ? new View(target.occurrence().master(), target.occurrence())
                    : new View(target.item(), null);
        }

        /** The calendar instance shown: the occurrence, or the single item or master as such. */
        Occurrence instance() {
            if (occurrence != null) {
                return occurrence;
            }
            CalendarEvent event = (CalendarEvent) item;
            return new Occurrence(event, 0, event.start, event.start, event.end, null);
        }
    }

    /**
     * How to render.
     *
     * @param request the request (its version decides which properties exist)
     * @param shape   the ItemShape
     * @param find    whether this is a FindItem (summary) answer
     */
    record Context(EwsRequest request, Shape shape, boolean find) {}

    @FunctionalInterface
    private interface Writer {
        void write(Context context, View view, XmlOut parent);
    }

    private static final int DEFAULT = 1;
    private static final int ALL = 2;
    private static final int FIND = 4;
    /** The usual property: in AllProperties, and returned by FindItem. */
    private static final int SUMMARY = ALL | FIND;

    /**
     * One property of an item type.
     *
     * @param uri     the FieldURI
     * @param flags   {@link #DEFAULT}, {@link #ALL}, {@link #FIND}
     * @param since   the first version that knows it
     * @param writer  writes its element(s), or nothing when the item has no value
     */
    private record Property(String uri, int flags, EwsVersion since, Writer writer) {

        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    private static Property p(String uri, int flags, Writer writer) {
        return new Property(uri, flags, EwsVersion.Exchange2007_SP1, writer);
    }

    private static Property p(String uri, int flags, EwsVersion since, Writer writer) {
        return new Property(uri, flags, since, writer);
    }

    // ------------------------------------------------------------------ ItemType (every item)

    private static final List<Property> ITEM = List.of(
            p("item:MimeContent", 0, (c, v, x) -> x.child("t:MimeContent").attr("CharacterSet", "UTF-8")
                    .binary(MimeRenderer.render(v.item())::writeTo)),
            p("item:ItemId", SUMMARY | DEFAULT, (c, v, x) -> x.add(itemId(v))),
            p("item:ParentFolderId", SUMMARY, (c, v, x) -> x.add(v.item().folder == null ? null
                    : FolderXml.id("t:ParentFolderId", v.item().folder))),
            p("item:ItemClass", SUMMARY, (c, v, x) -> x.el("t:ItemClass", v.item().itemClass)),
            p("item:Subject", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:Subject", subject(v))),
            p("item:Sensitivity", SUMMARY, (c, v, x) -> x.el("t:Sensitivity", capitalized(v.item().sensitivity.name()))),
            p("item:Body", ALL | DEFAULT, (c, v, x) -> x.add(body(c, "t:Body", body(v).as(c.shape().bodyType())))),
            p("item:Attachments", ALL | DEFAULT, ItemXml::attachments),
            p("item:DateTimeReceived", SUMMARY, (c, v, x) -> x.el("t:DateTimeReceived", Xsd.dateTime(received(v.item())))),
            p("item:Size", SUMMARY, (c, v, x) -> x.el("t:Size", (int) Math.min(Integer.MAX_VALUE, v.item().size()))),
            p("item:Categories", SUMMARY, (c, v, x) -> x.add(strings("t:Categories", v.item().categories))),
            p("item:Importance", SUMMARY, (c, v, x) -> x.el("t:Importance", capitalized(v.item().importance.name()))),
            p("item:InReplyTo", SUMMARY, (c, v, x) -> x.el("t:InReplyTo", v.item() instanceof Message m ? m.inReplyTo : null)),
            p("item:IsSubmitted", SUMMARY, (c, v, x) -> x.el("t:IsSubmitted", "false")),
            p("item:IsDraft", SUMMARY, (c, v, x) -> x.el("t:IsDraft", Xsd.bool(v.item() instanceof Message m && m.draft))),
            p("item:IsFromMe", SUMMARY, (c, v, x) -> x.el("t:IsFromMe", Xsd.bool(fromMe(v.item())))),
            p("item:IsResend", SUMMARY, (c, v, x) -> x.el("t:IsResend", "false")),
            p("item:IsUnmodified", SUMMARY, (c, v, x) -> x.el("t:IsUnmodified",
                    Xsd.bool(v.item() instanceof Message m && !m.draft && m.version == 1))),
            p("item:InternetMessageHeaders", ALL, ItemXml::headers),
            p("item:DateTimeSent", SUMMARY, (c, v, x) -> x.el("t:DateTimeSent", Xsd.dateTime(sent(v.item())))),
            p("item:DateTimeCreated", SUMMARY, (c, v, x) -> x.el("t:DateTimeCreated", Xsd.dateTime(v.item().created))),
            p("item:ReminderDueBy", SUMMARY, (c, v, x) -> x.el("t:ReminderDueBy",
                    v.item() instanceof CalendarEvent && v.item().reminderSet ? Xsd.dateTime(v.instance().start()) : null)),
            p("item:ReminderIsSet", SUMMARY, (c, v, x) -> x.el("t:ReminderIsSet", Xsd.bool(v.item().reminderSet))),
            p("item:ReminderMinutesBeforeStart", SUMMARY, (c, v, x) -> x.el("t:ReminderMinutesBeforeStart",
                    v.item().reminderMinutesBeforeStart)),
            p("item:DisplayCc", SUMMARY, (c, v, x) -> x.el("t:DisplayCc", displayCc(v.item()))),
            p("item:DisplayTo", SUMMARY, (c, v, x) -> x.el("t:DisplayTo", displayTo(v.item()))),
            p("item:HasAttachments", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:HasAttachments", Xsd.bool(v.item().hasAttachments()))),
            p("item:Culture", SUMMARY, (c, v, x) -> x.el("t:Culture", "en-US")),
            p("item:EffectiveRights", SUMMARY, (c, v, x) -> x.add(FolderXml.effectiveRights())),
            p("item:LastModifiedName", SUMMARY, (c, v, x) -> x.el("t:LastModifiedName", lastModifiedName(v.item()))),
            p("item:LastModifiedTime", SUMMARY, (c, v, x) -> x.el("t:LastModifiedTime", Xsd.dateTime(lastModified(v)))),
            p("item:IsAssociated", SUMMARY, (c, v, x) -> x.el("t:IsAssociated", "false")),
            p("item:ConversationId", SUMMARY, EwsVersion.Exchange2010, (c, v, x) -> {
                if (v.item() instanceof Message m && m.conversationId != null) {
                    x.child("t:ConversationId").attr("Id", m.conversationId);
                }
            }),
            p("item:UniqueBody", 0, EwsVersion.Exchange2010, (c, v, x) -> x.add(body(c, "t:UniqueBody",
                    unique(body(v)).as(c.shape().bodyType())))),
            p("item:Flag", SUMMARY, EwsVersion.Exchange2013, (c, v, x) -> {
                if (v.item() instanceof Message m) {
                    x.add(flag(m.flag));
                }
            }),
            p("item:Preview", SUMMARY, EwsVersion.Exchange2013, (c, v, x) -> x.el("t:Preview", body(v).preview())),
            p("item:TextBody", 0, EwsVersion.Exchange2013, (c, v, x) -> x.add(body(c, "t:TextBody", body(v).as(Body.BodyType.TEXT)))));

    // ------------------------------------------------------------------ MessageType

    private static final List<Property> MESSAGE = List.of(
            p("message:Sender", SUMMARY, (c, v, x) -> x.add(single(c, "t:Sender", message(v).sender))),
            p("message:ToRecipients", ALL | DEFAULT, (c, v, x) -> x.add(recipients(c, "t:ToRecipients", message(v).to))),
            p("message:CcRecipients", ALL | DEFAULT, (c, v, x) -> x.add(recipients(c, "t:CcRecipients", message(v).cc))),
            p("message:BccRecipients", ALL, (c, v, x) -> x.add(recipients(c, "t:BccRecipients", message(v).bcc))),
            p("message:IsReadReceiptRequested", SUMMARY, (c, v, x) -> x.el("t:IsReadReceiptRequested",
                    Xsd.bool(message(v).readReceiptRequested))),
            p("message:IsDeliveryReceiptRequested", SUMMARY, (c, v, x) -> x.el("t:IsDeliveryReceiptRequested",
                    Xsd.bool(message(v).deliveryReceiptRequested))),
            p("message:ConversationIndex", SUMMARY, (c, v, x) -> x.el("t:ConversationIndex", message(v).conversationIndex == null
                    ? null : Base64.getEncoder().encodeToString(message(v).conversationIndex))),
            p("message:ConversationTopic", SUMMARY, (c, v, x) -> x.el("t:ConversationTopic", message(v).conversationTopic)),
            p("message:From", SUMMARY | DEFAULT, (c, v, x) -> x.add(single(c, "t:From", message(v).from))),
            p("message:InternetMessageId", SUMMARY, (c, v, x) -> x.el("t:InternetMessageId", message(v).internetMessageId)),
            p("message:IsRead", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:IsRead", Xsd.bool(message(v).read))),
            p("message:References", SUMMARY, (c, v, x) -> x.el("t:References", message(v).references)),
            p("message:ReplyTo", ALL, (c, v, x) -> x.add(recipients(c, "t:ReplyTo", message(v).replyTo))),
            p("message:ReceivedBy", SUMMARY, (c, v, x) -> x.add(single(c, "t:ReceivedBy", receivedBy(message(v))))),
            p("message:ReceivedRepresenting", SUMMARY, (c, v, x) -> x.add(single(c, "t:ReceivedRepresenting",
                    receivedBy(message(v))))));

    // ------------------------------------------------------------------ MeetingMessageType and its extensions

    private static final List<Property> MEETING_MESSAGE = List.of(
            p("meeting:AssociatedCalendarItemId", SUMMARY, (c, v, x) -> {
                CalendarEvent event = associated(c, v);
                x.add(event == null ? null : new XmlOut("t:AssociatedCalendarItemId").attr("Id", event.id)
                        .attr("ChangeKey", event.changeKey()));
            }),
            p("meeting:IsDelegated", SUMMARY, (c, v, x) -> x.el("t:IsDelegated", "false")),
            p("meeting:IsOutOfDate", SUMMARY, (c, v, x) -> x.el("t:IsOutOfDate", "false")),
            p("meeting:HasBeenProcessed", SUMMARY, (c, v, x) -> x.el("t:HasBeenProcessed", "true")),
            p("meeting:ResponseType", SUMMARY, (c, v, x) -> x.el("t:ResponseType", meetingMessageResponse(c, v))),
            p("calendar:UID", SUMMARY, (c, v, x) -> x.el("t:UID", message(v).meetingUid)),
            p("calendar:DateTimeStamp", SUMMARY, EwsVersion.Exchange2010, (c, v, x) -> x.el("t:DateTimeStamp",
                    Xsd.dateTime(message(v).created))));

    private static final List<Property> MEETING_REQUEST = List.of(
            p("meetingRequest:MeetingRequestType", SUMMARY, (c, v, x) -> x.el("t:MeetingRequestType", "NewMeetingRequest")),
            p("meetingRequest:IntendedFreeBusyStatus", SUMMARY, (c, v, x) -> x.el("t:IntendedFreeBusyStatus", "Busy")),
            p("calendar:Start", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:Start", Xsd.dateTime(message(v).meetingStart))),
            p("calendar:End", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:End", Xsd.dateTime(message(v).meetingEnd))),
            p("calendar:IsAllDayEvent", SUMMARY, (c, v, x) -> {
                CalendarEvent event = associated(c, v);
                x.el("t:IsAllDayEvent", Xsd.bool(event != null && event.allDay));
            }),
            p("calendar:LegacyFreeBusyStatus", SUMMARY, (c, v, x) -> x.el("t:LegacyFreeBusyStatus", "Busy")),
            p("calendar:Location", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:Location", message(v).meetingLocation)),
            p("calendar:IsMeeting", SUMMARY, (c, v, x) -> x.el("t:IsMeeting", "true")),
            p("calendar:IsCancelled", SUMMARY, (c, v, x) -> x.el("t:IsCancelled", "false")),
            p("calendar:IsRecurring", SUMMARY, (c, v, x) -> {
                CalendarEvent event = associated(c, v);
                x.el("t:IsRecurring", Xsd.bool(event != null && event.isRecurring()));
            }),
            p("calendar:MeetingRequestWasSent", SUMMARY, (c, v, x) -> x.el("t:MeetingRequestWasSent", "true")),
            p("calendar:CalendarItemType", SUMMARY, (c, v, x) -> {
                CalendarEvent event = associated(c, v);
                x.el("t:CalendarItemType", event != null && event.isRecurring() ? "RecurringMaster" : "Single");
            }),
            p("calendar:MyResponseType", SUMMARY, (c, v, x) -> {
                CalendarEvent event = associated(c, v);
                x.el("t:MyResponseType", responseType(event == null ? ResponseType.NOT_RESPONDED : event.myResponse));
            }),
            p("calendar:Organizer", SUMMARY | DEFAULT, (c, v, x) -> x.add(single(c, "t:Organizer", message(v).from))),
            p("calendar:RequiredAttendees", ALL, (c, v, x) -> {
                CalendarEvent event = associated(c, v);
                x.add(event == null ? null : attendees(c, "t:RequiredAttendees", event, Attendee.Type.REQUIRED));
            }),
            p("calendar:OptionalAttendees", ALL, (c, v, x) -> {
                CalendarEvent event = associated(c, v);
                x.add(event == null ? null : attendees(c, "t:OptionalAttendees", event, Attendee.Type.OPTIONAL));
            }),
            p("calendar:Recurrence", ALL, (c, v, x) -> {
                CalendarEvent event = associated(c, v);
                x.add(event == null || event.recurrence == null ? null : RecurrenceXml.write(event.recurrence));
            }));

    /** MeetingResponseMessageType and MeetingCancellationMessageType share their first elements. */
    private static final List<Property> MEETING_NOTICE = List.of(
            p("calendar:Start", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:Start", Xsd.dateTime(message(v).meetingStart))),
            p("calendar:End", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:End", Xsd.dateTime(message(v).meetingEnd))),
            p("calendar:Location", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:Location", message(v).meetingLocation)));

    // ------------------------------------------------------------------ CalendarItemType

    private static final List<Property> CALENDAR = List.of(
            p("calendar:UID", SUMMARY, (c, v, x) -> x.el("t:UID", event(v).uid)),
            p("calendar:RecurrenceId", SUMMARY, EwsVersion.Exchange2010, (c, v, x) -> x.el("t:RecurrenceId",
                    v.occurrence() == null ? null : Xsd.dateTime(v.occurrence().originalStart()))),
            p("calendar:DateTimeStamp", SUMMARY, EwsVersion.Exchange2010, (c, v, x) -> x.el("t:DateTimeStamp",
                    Xsd.dateTime(lastModified(v)))),
            p("calendar:Start", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:Start", Xsd.dateTime(v.instance().start()))),
            p("calendar:End", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:End", Xsd.dateTime(v.instance().end()))),
            p("calendar:OriginalStart", SUMMARY, (c, v, x) -> x.el("t:OriginalStart",
                    v.occurrence() == null || v.occurrence().isSingle() ? null : Xsd.dateTime(v.occurrence().originalStart()))),
            p("calendar:IsAllDayEvent", SUMMARY, (c, v, x) -> x.el("t:IsAllDayEvent", Xsd.bool(event(v).allDay))),
            p("calendar:LegacyFreeBusyStatus", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:LegacyFreeBusyStatus",
                    freeBusy(event(v)))),
            p("calendar:Location", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:Location", v.instance().location())),
            p("calendar:IsMeeting", SUMMARY, (c, v, x) -> x.el("t:IsMeeting", Xsd.bool(event(v).isMeeting()))),
            p("calendar:IsCancelled", SUMMARY, (c, v, x) -> x.el("t:IsCancelled", Xsd.bool(event(v).cancelled))),
            p("calendar:IsRecurring", SUMMARY, (c, v, x) -> x.el("t:IsRecurring",
                    Xsd.bool(v.occurrence() != null && !v.occurrence().isSingle()))),
            p("calendar:MeetingRequestWasSent", SUMMARY, (c, v, x) -> x.el("t:MeetingRequestWasSent",
                    Xsd.bool(event(v).isMeeting() && event(v).isOrganizer()))),
            p("calendar:IsResponseRequested", SUMMARY, (c, v, x) -> x.el("t:IsResponseRequested",
                    Xsd.bool(event(v).responseRequested))),
            p("calendar:CalendarItemType", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:CalendarItemType", calendarItemType(v))),
            p("calendar:MyResponseType", SUMMARY, (c, v, x) -> x.el("t:MyResponseType", responseType(event(v).myResponse))),
            p("calendar:Organizer", SUMMARY | DEFAULT, (c, v, x) -> x.add(single(c, "t:Organizer",
                    event(v).organizer != null ? event(v).organizer : event(v).mailbox.recipient()))),
            p("calendar:RequiredAttendees", ALL, (c, v, x) -> x.add(attendees(c, "t:RequiredAttendees", event(v),
                    Attendee.Type.REQUIRED))),
            p("calendar:OptionalAttendees", ALL, (c, v, x) -> x.add(attendees(c, "t:OptionalAttendees", event(v),
                    Attendee.Type.OPTIONAL))),
            p("calendar:Resources", ALL, (c, v, x) -> x.add(attendees(c, "t:Resources", event(v), Attendee.Type.RESOURCE))),
            p("calendar:Duration", SUMMARY, (c, v, x) -> x.el("t:Duration",
                    Duration.between(v.instance().start(), v.instance().end()).toString())),
            p("calendar:AppointmentSequenceNumber", SUMMARY, (c, v, x) -> x.el("t:AppointmentSequenceNumber",
                    event(v).version - 1)),
            p("calendar:AppointmentState", SUMMARY, (c, v, x) -> x.el("t:AppointmentState", appointmentState(event(v)))),
            p("calendar:Recurrence", ALL, (c, v, x) -> x.add(v.occurrence() == null && event(v).recurrence != null
                    ? RecurrenceXml.write(event(v).recurrence) : null)),
            p("calendar:FirstOccurrence", ALL, (c, v, x) -> x.add(v.occurrence() == null && event(v).isRecurring()
                    ? occurrenceInfo("t:FirstOccurrence", firstOccurrence(event(v))) : null)),
            p("calendar:LastOccurrence", ALL, (c, v, x) -> x.add(v.occurrence() == null && event(v).isRecurring()
                    && event(v).recurrence.range() != Recurrence.RangeType.NO_END
                    ? occurrenceInfo("t:LastOccurrence", lastOccurrence(event(v))) : null)),
            p("calendar:ModifiedOccurrences", ALL, (c, v, x) -> x.add(v.occurrence() == null ? modified(event(v)) : null)),
            p("calendar:DeletedOccurrences", ALL, (c, v, x) -> x.add(v.occurrence() == null ? deleted(event(v)) : null)),
            p("calendar:StartTimeZone", SUMMARY, EwsVersion.Exchange2010, (c, v, x) -> x.add(timeZone("t:StartTimeZone",
                    event(v).startZone))),
            p("calendar:EndTimeZone", SUMMARY, EwsVersion.Exchange2010, (c, v, x) -> x.add(timeZone("t:EndTimeZone",
                    event(v).endZone))),
            p("calendar:AllowNewTimeProposal", SUMMARY, (c, v, x) -> x.el("t:AllowNewTimeProposal",
                    Xsd.bool(event(v).allowNewTimeProposal))),
            p("calendar:IsOnlineMeeting", SUMMARY, (c, v, x) -> x.el("t:IsOnlineMeeting", Xsd.bool(event(v).onlineMeeting))),
            p("calendar:StartTimeZoneId", SUMMARY, EwsVersion.Exchange2015, (c, v, x) -> x.el("t:StartTimeZoneId",
                    event(v).startZone == null ? null : TimeZones.windowsName(event(v).startZone))),
            p("calendar:EndTimeZoneId", SUMMARY, EwsVersion.Exchange2015, (c, v, x) -> x.el("t:EndTimeZoneId",
                    event(v).endZone == null ? null : TimeZones.windowsName(event(v).endZone))),
            p("calendar:JoinOnlineMeetingUrl", SUMMARY, EwsVersion.Exchange2013, (c, v, x) -> x.el("t:JoinOnlineMeetingUrl",
                    event(v).onlineMeetingUrl)),
            p("calendar:IsOrganizer", SUMMARY, EwsVersion.Exchange2013, (c, v, x) -> x.el("t:IsOrganizer",
                    Xsd.bool(event(v).isOrganizer()))));

    // ------------------------------------------------------------------ ContactItemType

    private static final Map<Contact.PhoneKind, String> PHONE_KEYS = new EnumMap<>(Map.of(
            Contact.PhoneKind.BUSINESS, "BusinessPhone", Contact.PhoneKind.HOME, "HomePhone",
            Contact.PhoneKind.MOBILE, "MobilePhone", Contact.PhoneKind.BUSINESS_FAX, "BusinessFax",
            Contact.PhoneKind.OTHER, "OtherTelephone"));

    private static final List<Property> CONTACT = List.of(
            p("contacts:FileAs", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:FileAs", contact(v).fileAs)),
            p("contacts:DisplayName", SUMMARY | DEFAULT, (c, v, x) -> x.el("t:DisplayName", contact(v).displayName)),
            p("contacts:GivenName", SUMMARY, (c, v, x) -> x.el("t:GivenName", blankless(contact(v).givenName))),
            p("contacts:Initials", SUMMARY, (c, v, x) -> x.el("t:Initials", blankless(contact(v).initials))),
            p("contacts:MiddleName", SUMMARY, (c, v, x) -> x.el("t:MiddleName", blankless(contact(v).middleName))),
            p("contacts:Nickname", SUMMARY, (c, v, x) -> x.el("t:Nickname", blankless(contact(v).nickname))),
            p("contacts:CompanyName", SUMMARY, (c, v, x) -> x.el("t:CompanyName", blankless(contact(v).companyName))),
            p("contacts:EmailAddresses", SUMMARY | DEFAULT, (c, v, x) -> x.add(emailAddresses(contact(v)))),
            p("contacts:PhysicalAddresses", SUMMARY, (c, v, x) -> x.add(physicalAddresses(contact(v)))),
            p("contacts:PhoneNumbers", SUMMARY, (c, v, x) -> x.add(phoneNumbers(contact(v)))),
            p("contacts:Birthday", SUMMARY, (c, v, x) -> x.el("t:Birthday", contact(v).birthday == null ? null
                    : Xsd.dateTime(contact(v).birthday.atTime(11, 59).toInstant(ZoneOffset.UTC)))),
            p("contacts:BusinessHomePage", SUMMARY, (c, v, x) -> x.el("t:BusinessHomePage", blankless(contact(v).personalHomePage))),
            p("contacts:ContactSource", SUMMARY, EwsVersion.Exchange2010, (c, v, x) -> x.el("t:ContactSource", "Store")),
            p("contacts:Department", SUMMARY, (c, v, x) -> x.el("t:Department", blankless(contact(v).department))),
            p("contacts:ImAddresses", SUMMARY, (c, v, x) -> x.add(imAddresses(contact(v)))),
            p("contacts:JobTitle", SUMMARY, (c, v, x) -> x.el("t:JobTitle", blankless(contact(v).jobTitle))),
            p("contacts:OfficeLocation", SUMMARY, (c, v, x) -> x.el("t:OfficeLocation", blankless(contact(v).officeLocation))),
            p("contacts:Surname", SUMMARY, (c, v, x) -> x.el("t:Surname", blankless(contact(v).surname))),
            p("contacts:HasPicture", SUMMARY, EwsVersion.Exchange2010, (c, v, x) -> x.el("t:HasPicture", "false")));

    private static final Map<Type, List<Property>> BY_TYPE = new EnumMap<>(Type.class);
    private static final Set<String> KNOWN = new HashSet<>();
    private static final Set<String> FINDABLE = new HashSet<>();

    static {
        BY_TYPE.put(Type.MESSAGE, concat(ITEM, MESSAGE));
        BY_TYPE.put(Type.MEETING_REQUEST, concat(ITEM, MESSAGE, MEETING_MESSAGE, MEETING_REQUEST));
        BY_TYPE.put(Type.MEETING_RESPONSE, concat(ITEM, MESSAGE, MEETING_MESSAGE, MEETING_NOTICE));
        BY_TYPE.put(Type.MEETING_CANCELLATION, concat(ITEM, MESSAGE, MEETING_MESSAGE, MEETING_NOTICE));
        BY_TYPE.put(Type.CALENDAR_ITEM, concat(ITEM, CALENDAR));
        BY_TYPE.put(Type.CONTACT, concat(ITEM, CONTACT));
        for (List<Property> properties : BY_TYPE.values()) {
            for (Property property : properties) {
                KNOWN.add(property.uri);
                if (property.has(FIND)) {
                    FINDABLE.add(property.uri);
                }
            }
        }
    }

    @SafeVarargs
    private static List<Property> concat(List<Property>... lists) {
        List<Property> all = new ArrayList<>();
        for (List<Property> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    private ItemXml() {}

    /** Whether a FieldURI names an item property the sandbox knows but FindItem cannot return (Body, recipients, …). */
    static boolean notFindable(String fieldUri) {
        String uri = fieldUri.contains("#") ? fieldUri.substring(0, fieldUri.indexOf('#')) : fieldUri;
        return KNOWN.contains(uri) && !FINDABLE.contains(uri);
    }

    static Type typeOf(Item item) {
        if (item instanceof CalendarEvent) {
            return Type.CALENDAR_ITEM;
        }
        if (item instanceof Contact) {
            return Type.CONTACT;
        }
        MessageKind kind = ((Message) item).kind;
        return switch (kind) {
            case MEETING_REQUEST -> Type.MEETING_REQUEST;
            case MEETING_CANCELLATION -> Type.MEETING_CANCELLATION;
            case MEETING_ACCEPTED, MEETING_TENTATIVE, MEETING_DECLINED -> Type.MEETING_RESPONSE;
            default -> Type.MESSAGE;
        };
    }

    /** Renders an item with the properties its shape asks for, in schema order. */
    static XmlOut render(Context context, View view) {
        Type type = typeOf(view.item());
        XmlOut element = new XmlOut(type.element);
        Shape shape = context.shape();
        for (Property property : BY_TYPE.get(type)) {
            if (!context.request().atLeast(property.since)) {
                continue;
            }
            if (wanted(context, shape, property)) {
                property.writer.write(context, view, element);
            }
        }
        return element;
    }

    private static boolean wanted(Context context, Shape shape, Property property) {
        if (property.uri.equals("item:ItemId")) {
            return true;
        }
        if (property.uri.equals("item:MimeContent")) {
            return shape.includeMime() || shape.asks(property.uri);
        }
        if (shape.asks(property.uri)) {
            return true;
        }
        if (context.find() && !property.has(FIND)) {
            return false;
        }
        return switch (shape.base()) {
            case ALL -> property.has(ALL);
            case DEFAULT -> property.has(DEFAULT);
            case ID_ONLY -> false;
        };
    }

    // ------------------------------------------------------------------ values

    static XmlOut itemId(View view) {
        if (view.occurrence() != null) {
            return new XmlOut("t:ItemId").attr("Id", view.occurrence().id()).attr("ChangeKey", view.occurrence().changeKey());
        }
        return itemId(view.item());
    }

    static XmlOut itemId(Item item) {
        return new XmlOut("t:ItemId").attr("Id", item.id).attr("ChangeKey", item.changeKey());
    }

    private static String subject(View view) {
        return view.occurrence() != null ? view.occurrence().subject() : view.item().subject;
    }

    private static Body body(View view) {
        return view.occurrence() != null ? view.occurrence().body() : view.item().body();
    }

    private static XmlOut body(Context context, String elementName, Body body) {
        XmlOut element = new XmlOut(elementName).attr("BodyType", body.type() == Body.BodyType.HTML ? "HTML" : "Text");
        if (context.request().atLeast(EwsVersion.Exchange2013)) {
            element.attr("IsTruncated", "false");
        }
        return element.text(body.content());
    }

    /** The body without the quoted original a reply or forward carries below its separator line. */
    private static Body unique(Body body) {
        String separator = body.type() == Body.BodyType.HTML ? "<hr>" : "\n\n________________________________\n";
        int cut = body.content().indexOf(separator);
        if (cut < 0) {
            return body;
        }
        String content = body.content().substring(0, cut);
        return body.type() == Body.BodyType.HTML ? Body.html(content + "</body></html>") : Body.text(content);
    }

    private static void attachments(Context context, View view, XmlOut parent) {
        if (view.item().attachments.isEmpty()) {
            return;
        }
        XmlOut attachments = parent.child("t:Attachments");
        for (Attachment attachment : view.item().attachments) {
            attachments.add(AttachmentXml.summary(context.request(), attachment));
        }
    }

    private static void headers(Context context, View view, XmlOut parent) {
        if (!(view.item() instanceof Message message) || message.headers.isEmpty()) {
            return;
        }
        XmlOut headers = parent.child("t:InternetMessageHeaders");
        for (InternetHeader header : message.headers) {
            headers.child("t:InternetMessageHeader").attr("HeaderName", header.name()).text(header.value());
        }
    }

    private static Instant received(Item item) {
        return item instanceof Message m && m.received != null ? m.received : item.created;
    }

    private static Instant sent(Item item) {
        if (item instanceof Message m) {
            return m.sent != null ? m.sent : m.created;
        }
        return item.created;
    }

    private static Instant lastModified(View view) {
        OccurrenceOverride override = view.occurrence() == null ? null : view.occurrence().override();
        return override != null ? override.lastModified() : view.item().lastModified;
    }

    private static String lastModifiedName(Item item) {
        return item.lastModifiedName == null || item.lastModifiedName.isEmpty() ? item.mailbox.displayName : item.lastModifiedName;
    }

    private static boolean fromMe(Item item) {
        return item instanceof Message m && m.from != null && m.from.sameAddress(item.mailbox.address);
    }

    private static Recipient receivedBy(Message message) {
        return message.draft || fromMe(message) ? null : message.mailbox.recipient();
    }

    private static String displayTo(Item item) {
        if (item instanceof Message m) {
            return Message.display(m.to);
        }
        if (item instanceof CalendarEvent e) {
            return Message.display(e.attendees.stream().filter(a -> a.type() == Attendee.Type.REQUIRED).map(Attendee::recipient)
                    .toList());
        }
        return null;
    }

    private static String displayCc(Item item) {
        if (item instanceof Message m) {
            return Message.display(m.cc);
        }
        if (item instanceof CalendarEvent e) {
            return Message.display(e.attendees.stream().filter(a -> a.type() == Attendee.Type.OPTIONAL).map(Attendee::recipient)
                    .toList());
        }
        return null;
    }

    private static XmlOut strings(String elementName, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        XmlOut element = new XmlOut(elementName);
        values.forEach(value -> element.el("t:String", value));
        return element;
    }

    static String capitalized(String constant) {
        return constant.charAt(0) + constant.substring(1).toLowerCase(Locale.ROOT);
    }

    private static XmlOut flag(Flag flag) {
        XmlOut element = XmlOut.t("Flag");
        element.el("t:FlagStatus", switch (flag.status()) {
            case NOT_FLAGGED -> "NotFlagged";
            case FLAGGED -> "Flagged";
            case COMPLETE -> "Complete";
        });
        element.el("t:StartDate", Xsd.dateTime(flag.start()));
        element.el("t:DueDate", Xsd.dateTime(flag.due()));
        element.el("t:CompleteDate", Xsd.dateTime(flag.completed()));
        return element;
    }

    /** A {@code t:Mailbox}: name, address, SMTP routing, and whether it is a mailbox of the organisation or a one-off address. */
    static XmlOut mailbox(Context context, Recipient recipient) {
        XmlOut mailbox = XmlOut.t("Mailbox");
        mailbox.el("t:Name", recipient.name().isEmpty() ? recipient.address() : recipient.name());
        mailbox.el("t:EmailAddress", recipient.address());
        mailbox.el("t:RoutingType", "SMTP");
        mailbox.el("t:MailboxType", context.request().store().hasMailbox(recipient.address()) ? "Mailbox" : "OneOff");
        return mailbox;
    }

    private static XmlOut single(Context context, String elementName, Recipient recipient) {
        return recipient == null ? null : new XmlOut(elementName).add(mailbox(context, recipient));
    }

    private static XmlOut recipients(Context context, String elementName, List<Recipient> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            return null;
        }
        XmlOut element = new XmlOut(elementName);
        recipients.forEach(recipient -> element.add(mailbox(context, recipient)));
        return element;
    }

    private static Message message(View view) {
        return (Message) view.item();
    }

    private static CalendarEvent event(View view) {
        return (CalendarEvent) view.item();
    }

    private static Contact contact(View view) {
        return (Contact) view.item();
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The recipient's calendar item a meeting message is about. */
    private static CalendarEvent associated(Context context, View view) {
        Message message = message(view);
        return message.meetingUid == null ? null : context.request().store().findByUid(message.mailbox, message.meetingUid);
    }

    private static String meetingMessageResponse(Context context, View view) {
        return switch (message(view).kind) {
            case MEETING_ACCEPTED -> "Accept";
            case MEETING_TENTATIVE -> "Tentative";
            case MEETING_DECLINED -> "Decline";
            default -> {
                CalendarEvent event = associated(context, view);
                yield responseType(event == null ? ResponseType.NOT_RESPONDED : event.myResponse);
            }
        };
    }

    static String responseType(ResponseType response) {
        return switch (response) {
            case UNKNOWN -> "Unknown";
            case ORGANIZER -> "Organizer";
            case TENTATIVE -> "Tentative";
            case ACCEPTED -> "Accept";
            case DECLINED -> "Decline";
            case NOT_RESPONDED -> "NoResponseReceived";
        };
    }

    private static String freeBusy(CalendarEvent event) {
        return switch (event.showAs) {
            case FREE -> "Free";
            case TENTATIVE -> "Tentative";
            case BUSY -> "Busy";
            case OOF -> "OOF";
            case WORKING_ELSEWHERE -> "WorkingElsewhere";
            case NO_DATA -> "NoData";
        };
    }

    private static String calendarItemType(View view) {
        if (view.occurrence() == null || view.occurrence().isSingle()) {
            return event(view).isRecurring() && view.occurrence() == null ? "RecurringMaster" : "Single";
        }
        return view.occurrence().isException() ? "Exception" : "Occurrence";
    }

    /** Exchange's AppointmentState bits: 1 a meeting, 2 received (not organised here), 4 cancelled. */
    private static int appointmentState(CalendarEvent event) {
        int state = 0;
        if (event.isMeeting()) {
            state |= 1;
            if (!event.isOrganizer()) {
                state |= 2;
            }
        }
        if (event.cancelled) {
            state |= 4;
        }
        return state;
    }

    /**
     * An attendee list of the organizer's item. Exchange tells an attendee who has not answered as
     * {@code Unknown} there; {@code NoResponseReceived} is only an attendee's own MyResponseType.
     */
    private static XmlOut attendees(Context context, String elementName, CalendarEvent event, Attendee.Type type) {
        List<Attendee> matching = event.attendees.stream().filter(a -> a.type() == type).toList();
        if (matching.isEmpty()) {
            return null;
        }
        XmlOut element = new XmlOut(elementName);
        for (Attendee attendee : matching) {
            XmlOut entry = element.child("t:Attendee");
            entry.add(mailbox(context, attendee.recipient()));
            entry.el("t:ResponseType", attendee.response() == ResponseType.NOT_RESPONDED ? "Unknown"
                    : responseType(attendee.response()));
            entry.el("t:LastResponseTime", Xsd.dateTime(attendee.responseTime()));
        }
        return element;
    }

    /** The first occurrence not deleted; deleted ones still count in the series' positions. */
    private static Occurrence firstOccurrence(CalendarEvent event) {
        for (int index = 1; ; index++) {
            Occurrence occurrence = event.occurrenceByIndex(index);
            if (occurrence != null || !event.occurrenceDeleted(index)) {
                return occurrence;
            }
        }
    }

    private static Occurrence lastOccurrence(CalendarEvent event) {
        Recurrence r = event.recurrence;
        if (r.range() == Recurrence.RangeType.NUMBERED) {
            for (int index = r.numberOfOccurrences(); index > 0; index--) {
                Occurrence occurrence = event.occurrenceByIndex(index);
                if (occurrence != null) {
                    return occurrence;
                }
            }
            return null;
        }
        ZoneId zone = event.startZone == null ? ZoneOffset.UTC : event.startZone;
        Instant end = r.endDate().plusDays(1).atStartOfDay(zone).toInstant();
        List<Occurrence> all = event.occurrences(event.start, end);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private static XmlOut occurrenceInfo(String elementName, Occurrence occurrence) {
        if (occurrence == null) {
            return null;
        }
        XmlOut element = new XmlOut(elementName);
        element.add(new XmlOut("t:ItemId").attr("Id", occurrence.id()).attr("ChangeKey", occurrence.changeKey()));
        element.el("t:Start", Xsd.dateTime(occurrence.start()));
        element.el("t:End", Xsd.dateTime(occurrence.end()));
        element.el("t:OriginalStart", Xsd.dateTime(occurrence.originalStart()));
        return element;
    }

    private static XmlOut modified(CalendarEvent event) {
        if (event.overrides.isEmpty()) {
            return null;
        }
        XmlOut element = XmlOut.t("ModifiedOccurrences");
        for (Instant originalStart : event.overrides.keySet()) {
            Occurrence occurrence = event.occurrence(originalStart);
            if (occurrence != null) {
                element.add(occurrenceInfo("t:Occurrence", occurrence));
            }
        }
        return element.isEmpty() ? null : element;
    }

    private static XmlOut deleted(CalendarEvent event) {
        if (event.deletedOccurrences.isEmpty()) {
            return null;
        }
        XmlOut element = XmlOut.t("DeletedOccurrences");
        event.deletedOccurrences.stream().sorted().forEach(start -> element.child("t:DeletedOccurrence")
                .el("t:Start", Xsd.dateTime(start)));
        return element;
    }

    private static XmlOut timeZone(String elementName, ZoneId zone) {
        return zone == null ? null : TimeZoneXml.definition(elementName, zone);
    }

    private static XmlOut emailAddresses(Contact contact) {
        if (contact.emailAddresses.isEmpty()) {
            return null;
        }
        XmlOut element = XmlOut.t("EmailAddresses");
        for (int i = 0; i < Math.min(3, contact.emailAddresses.size()); i++) {
            element.child("t:Entry").attr("Key", "EmailAddress" + (i + 1)).text(contact.emailAddresses.get(i).address());
        }
        return element;
    }

    private static XmlOut physicalAddresses(Contact contact) {
        if (contact.addresses.isEmpty()) {
            return null;
        }
        XmlOut element = XmlOut.t("PhysicalAddresses");
        for (Map.Entry<Contact.AddressKind, Contact.Address> entry : contact.addresses.entrySet()) {
            Contact.Address address = entry.getValue();
            element.child("t:Entry").attr("Key", capitalized(entry.getKey().name()))
                    .el("t:Street", blankless(address.street())).el("t:City", blankless(address.city()))
                    .el("t:State", blankless(address.state())).el("t:CountryOrRegion", blankless(address.country()))
                    .el("t:PostalCode", blankless(address.postalCode()));
        }
        return element;
    }

    private static XmlOut phoneNumbers(Contact contact) {
        if (contact.phones.isEmpty()) {
            return null;
        }
        XmlOut element = XmlOut.t("PhoneNumbers");
        Map<String, String> ordered = new LinkedHashMap<>();
        contact.phones.forEach((kind, number) -> ordered.put(PHONE_KEYS.get(kind), number));
        ordered.forEach((key, number) -> element.child("t:Entry").attr("Key", key).text(number));
        return element;
    }

    static Contact.PhoneKind phoneKind(String key) {
        for (Map.Entry<Contact.PhoneKind, String> entry : PHONE_KEYS.entrySet()) {
            if (entry.getValue().equals(key)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static XmlOut imAddresses(Contact contact) {
        if (contact.imAddresses.isEmpty()) {
            return null;
        }
        XmlOut element = XmlOut.t("ImAddresses");
        for (int i = 0; i < Math.min(3, contact.imAddresses.size()); i++) {
            element.child("t:Entry").attr("Key", "ImAddress" + (i + 1)).text(contact.imAddresses.get(i));
        }
        return element;
    }
}
