package io.exchangehub.component.ews.client;

import io.exchangehub.model.Attendee;
import io.exchangehub.model.Flag;
import io.exchangehub.model.Recipient;
import io.exchangehub.model.ResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import org.apache.http.client.methods.CloseableHttpResponse;

/**
 * What a list view needs and neither FindItem nor ews-java-api gives, read for a whole page in one
 * GetItem of the component's own at the Exchange 2013 schema level: FindItem never returns
 * recipient or attendee lists, and {@code item:Flag}, {@code item:Preview} and
 * {@code calendar:JoinOnlineMeetingUrl} are Exchange 2013 schema, newer than the Exchange 2010 SP2
 * that ews-java-api 2.0 can ask for. The same GetItem resolves occurrences to their series master
 * ({@code t:RecurringMasterItemId}), which a calendar view does not name.
 */
public final class ItemDetails {

    /** The properties this class reads; a calendar item's attendees are its three lists. */
    public enum Field {
        TO_RECIPIENTS("message:ToRecipients"), CC_RECIPIENTS("message:CcRecipients"), BCC_RECIPIENTS("message:BccRecipients"),
        FLAG("item:Flag"), PREVIEW("item:Preview"), JOIN_ONLINE_MEETING_URL("calendar:JoinOnlineMeetingUrl"),
        ATTENDEES("calendar:RequiredAttendees", "calendar:OptionalAttendees", "calendar:Resources");

        final List<String> fieldUris;

        Field(String... fieldUris) {
            this.fieldUris = List.of(fieldUris);
        }
    }

    /**
     * An item to read: the item of an id, or (with {@code master}) the series master of an occurrence's id.
     *
     * @param id     an item's or occurrence's EWS id
     * @param master whether to read the series master of the occurrence {@code id}
     */
    public record Ref(String id, boolean master) {

        public static Ref item(String id) {
            return new Ref(id, false);
        }

        public static Ref masterOf(String occurrenceId) {
            return new Ref(occurrenceId, true);
        }
    }

    /**
     * One item's answer. A field that was not asked for is null; one that was asked for and that
     * Exchange left out is empty ({@code List.of()}, {@link Flag#NONE}, {@code ""} for the preview,
     * null for a join URL): Exchange omits empty recipient and attendee lists, empty previews and
     * unset flags.
     *
     * @param id        the id Exchange answered with (for a master, the master's), null on failure
     * @param error     the ResponseCode of a failed item, else null
     * @param to        to recipients
     * @param cc        cc recipients
     * @param bcc       bcc recipients (a sent message's own copy has them)
     * @param flag      the follow-up flag
     * @param preview   the first characters of the body's text
     * @param joinUrl   an online meeting's join URL
     * @param attendees a calendar item's required, then optional attendees, then resources, each with
     *                  their answer and, when Exchange gives it, when it came
     */
    public record Details(String id, String error, List<Recipient> to, List<Recipient> cc, List<Recipient> bcc, Flag flag,
            String preview, String joinUrl, List<Attendee> attendees) {

        public boolean ok() {
            return error == null;
        }
    }

    private ItemDetails() {}

    /**
     * Reads the fields of items in one GetItem.
     *
     * @return one entry per ref, in order; none (and no call) for no refs
     */
    public static List<Details> read(EwsClient client, EwsAccess access, ExchangeCredentials credentials, List<Ref> refs,
            Set<Field> fields) {
        if (refs.isEmpty()) {
            return List.of();
        }
        Set<Field> asked = fields.isEmpty() ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(fields);
        return client.retrying(refs.size() == 1 ? refs.get(0).id() : null, () -> {
            try (CloseableHttpResponse response = RawSoap.post(client, access, credentials, RawSoap.EXCHANGE_2013, "GetItem",
                    (xml, raw) -> {
                        xml.writeStartElement("m", "GetItem", RawSoap.MESSAGES);
                        xml.writeStartElement("m", "ItemShape", RawSoap.MESSAGES);
                        RawSoap.element(xml, "BaseShape", "IdOnly");
                        if (!asked.isEmpty()) {
                            xml.writeStartElement("t", "AdditionalProperties", RawSoap.TYPES);
                            for (Field field : asked) {
                                for (String fieldUri : field.fieldUris) {
                                    xml.writeEmptyElement("t", "FieldURI", RawSoap.TYPES);
                                    xml.writeAttribute("FieldURI", fieldUri);
                                }
                            }
                            xml.writeEndElement();
                        }
                        xml.writeEndElement();
                        xml.writeStartElement("m", "ItemIds", RawSoap.MESSAGES);
                        for (Ref ref : refs) {
                            if (ref.master()) {
                                xml.writeEmptyElement("t", "RecurringMasterItemId", RawSoap.TYPES);
                                xml.writeAttribute("OccurrenceId", ref.id());
                            } else {
                                xml.writeEmptyElement("t", "ItemId", RawSoap.TYPES);
                                xml.writeAttribute("Id", ref.id());
                            }
                        }
                        xml.writeEndElement();
                        xml.writeEndElement();
                    })) {
                List<Details> details = parse(RawSoap.reader(response.getEntity().getContent()), asked);
                if (details.size() != refs.size()) {
                    throw new SoapFaultException("ErrorInternalServerError", null);
                }
                return details;
            }
        });
    }

    /** One answer being read. */
    private static final class Answer {
        final Set<Field> asked;
        String id;
        String error;
        boolean errorClass;
        List<Recipient> to;
        List<Recipient> cc;
        List<Recipient> bcc;
        Flag flag;
        String preview;
        String joinUrl;
        final List<Attendee> attendees = new ArrayList<>();

        Answer(Set<Field> asked, boolean errorClass) {
            this.asked = asked;
            this.errorClass = errorClass;
        }

        Details details() {
            if (error != null) {
                return new Details(null, error, null, null, null, null, null, null, null);
            }
            return new Details(id, null, asked(Field.TO_RECIPIENTS, to, List.of()), asked(Field.CC_RECIPIENTS, cc, List.of()),
                    asked(Field.BCC_RECIPIENTS, bcc, List.of()), asked(Field.FLAG, flag, Flag.NONE), asked(Field.PREVIEW, preview, ""),
                    joinUrl, asked(Field.ATTENDEES, List.copyOf(attendees), List.of()));
        }

        private <T> T asked(Field field, T value, T empty) {
            return !asked.contains(field) ? null : value == null ? empty : value;
        }
    }

    private static List<Details> parse(XMLStreamReader xml, Set<Field> asked) throws XMLStreamException, SoapFaultException {
        List<Details> details = new ArrayList<>();
        Answer answer = null;
        String faultCode = null;
        Duration backOff = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && answer != null && xml.getLocalName().endsWith("ResponseMessage")) {
                details.add(answer.details());
                answer = null;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.endsWith("ResponseMessage")) {
                answer = new Answer(asked, "Error".equals(xml.getAttributeValue(null, "ResponseClass")));
            } else if (answer == null) {
                if (name.equals("ResponseCode")) {
                    faultCode = xml.getElementText().strip();
                } else if (name.equals("Value") && "BackOffMilliseconds".equals(xml.getAttributeValue(null, "Name"))) {
                    backOff = Duration.ofMillis(Long.parseLong(xml.getElementText().strip()));
                }
            } else {
                read(xml, name, answer);
            }
        }
        if (faultCode != null && details.isEmpty()) {
            throw new SoapFaultException(faultCode, backOff);
        }
        return details;
    }

    private static void read(XMLStreamReader xml, String name, Answer answer) throws XMLStreamException {
        switch (name) {
            case "ResponseCode" -> {
                String code = xml.getElementText().strip();
                if (answer.errorClass) {
                    answer.error = code;
                }
            }
            case "ItemId" -> {
                if (answer.id == null) {
                    answer.id = xml.getAttributeValue(null, "Id");
                }
            }
            case "ToRecipients" -> answer.to = mailboxes(xml, name);
            case "CcRecipients" -> answer.cc = mailboxes(xml, name);
            case "BccRecipients" -> answer.bcc = mailboxes(xml, name);
            case "Flag" -> answer.flag = flag(xml);
            case "Preview" -> answer.preview = xml.getElementText();
            case "JoinOnlineMeetingUrl" -> answer.joinUrl = RawSoap.text(xml);
            case "RequiredAttendees" -> attendees(xml, name, Attendee.Type.REQUIRED, answer.attendees);
            case "OptionalAttendees" -> attendees(xml, name, Attendee.Type.OPTIONAL, answer.attendees);
            case "Resources" -> attendees(xml, name, Attendee.Type.RESOURCE, answer.attendees);
            default -> {
                // the envelope, the item's element, and properties not asked for
            }
        }
    }

    /** The {@code t:Mailbox} entries of a recipient list, read up to the list's end. */
    private static List<Recipient> mailboxes(XMLStreamReader xml, String list) throws XMLStreamException {
        List<Recipient> recipients = new ArrayList<>();
        String name = null;
        String address = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("Mailbox")) {
                    recipients.add(new Recipient(name, address));
                    name = null;
                    address = null;
                } else if (xml.getLocalName().equals(list)) {
                    break;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "Name" -> name = xml.getElementText();
                    case "EmailAddress" -> address = xml.getElementText();
                    default -> {
                        // RoutingType, MailboxType, ItemId of a contact or group
                    }
                }
            }
        }
        return List.copyOf(recipients);
    }

    /** The {@code t:Attendee} entries of an attendee list, read up to the list's end. */
    private static void attendees(XMLStreamReader xml, String list, Attendee.Type type, List<Attendee> target)
            throws XMLStreamException {
        String name = null;
        String address = null;
        ResponseStatus response = ResponseStatus.NONE;
        java.time.Instant respondedAt = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (xml.getLocalName().equals("Attendee")) {
                    target.add(new Attendee(new Recipient(name, address), type, response, respondedAt));
                    name = null;
                    address = null;
                    response = ResponseStatus.NONE;
                    respondedAt = null;
                } else if (xml.getLocalName().equals(list)) {
                    break;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "Name" -> name = xml.getElementText();
                    case "EmailAddress" -> address = xml.getElementText();
                    case "ResponseType" -> response = response(xml.getElementText().strip());
                    case "LastResponseTime" -> respondedAt = EwsTimes.instant(xml.getElementText());
                    default -> {
                        // Mailbox, RoutingType, MailboxType, a contact's ItemId, ProposedStart and ProposedEnd
                    }
                }
            }
        }
    }

    /** An attendee's ResponseTypeType, as the event mapper reads ews-java-api's {@code MeetingResponseType}. */
    private static ResponseStatus response(String type) {
        return switch (type) {
            case "Organizer" -> ResponseStatus.ORGANIZER;
            case "Accept" -> ResponseStatus.ACCEPTED;
            case "Tentative" -> ResponseStatus.TENTATIVE;
            case "Decline" -> ResponseStatus.DECLINED;
            case "NoResponseReceived" -> ResponseStatus.NOT_RESPONDED;
            default -> ResponseStatus.NONE;
        };
    }

    /** A {@code t:Flag}, read up to its end. */
    private static Flag flag(XMLStreamReader xml) throws XMLStreamException {
        Flag.Status status = Flag.Status.NOT_FLAGGED;
        java.time.Instant start = null;
        java.time.Instant due = null;
        java.time.Instant completed = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Flag")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "FlagStatus" -> status = switch (xml.getElementText().strip()) {
                        case "Flagged" -> Flag.Status.FLAGGED;
                        case "Complete" -> Flag.Status.COMPLETE;
                        default -> Flag.Status.NOT_FLAGGED;
                    };
                    case "StartDate" -> start = EwsTimes.instant(xml.getElementText());
                    case "DueDate" -> due = EwsTimes.instant(xml.getElementText());
                    case "CompleteDate" -> completed = EwsTimes.instant(xml.getElementText());
                    default -> {
                        // nothing else in a flag
                    }
                }
            }
        }
        return status == Flag.Status.NOT_FLAGGED && start == null && due == null && completed == null ? Flag.NONE
                : new Flag(status, start, due, completed);
    }
}
