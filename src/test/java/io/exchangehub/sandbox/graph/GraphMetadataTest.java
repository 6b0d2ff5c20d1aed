package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Flag;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.InternetHeader;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.MailboxType;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.MessageKind;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.Recurrence;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every property the Graph face writes exists, with that name, on its type in Graph's v1.0
 * {@code $metadata} (nested values are checked against the declared types, recursively).
 * Skipped where the reference copy of the metadata is absent.
 */
class GraphMetadataTest {

    /** A type of the metadata: its base type and its properties with their declared types. */
    private record Type(String base, Map<String, String> properties) {}

    private static final Map<String, Type> TYPES = new HashMap<>();
    private static SandboxStore store;
    private static Mailbox mailbox;

    @BeforeAll
    static void readMetadata() throws Exception {
        Path csdl = Path.of(System.getProperty("hub.reference.dir", "../shared/reference"), "graph-samples", "metadata",
                "v1.0-Prod.csdl");
        assumeTrue(Files.isRegularFile(csdl), "the Graph metadata is not at " + csdl);
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(csdl)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            String namespace = null;
            Type current = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String element = reader.getLocalName();
                    if (element.equals("Schema")) {
                        namespace = reader.getAttributeValue(null, "Namespace");
                    } else if ((element.equals("EntityType") || element.equals("ComplexType"))
                            && "microsoft.graph".equals(namespace)) {
                        current = new Type(reader.getAttributeValue(null, "BaseType"), new HashMap<>());
                        TYPES.put(reader.getAttributeValue(null, "Name"), current);
                    } else if (current != null && (element.equals("Property") || element.equals("NavigationProperty"))) {
                        current.properties().put(reader.getAttributeValue(null, "Name"), reader.getAttributeValue(null, "Type"));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && (reader.getLocalName().equals("EntityType") || reader.getLocalName().equals("ComplexType"))) {
                    current = null;
                }
            }
        }
        assertThat(TYPES).containsKeys("message", "event", "contact", "mailFolder", "fileAttachment");
        mailbox = new Mailbox(0, "metadata@contoso.example", "Meta Data", MailboxType.USER, "graph", Set.of(),
                ZoneId.of("Europe/Berlin"));
        store = new SandboxStore(List.of(mailbox), List.of(), builder -> { }, Clock.systemUTC(), "contoso.example");
    }

    /** The declared type of a property of a type or its bases, or null when it has none of that name. */
    private static String propertyType(String type, String property) {
        for (Type t = TYPES.get(type); t != null; t = t.base() == null ? null : TYPES.get(t.base().replace("graph.", ""))) {
            String declared = t.properties().get(property);
            if (declared != null) {
                return declared;
            }
        }
        return null;
    }

    /** Checks a JSON value of a type, and every nested value of a Graph type. */
    private static void check(JsonNode node, String type, String path, List<String> problems) {
        if (node.isArray()) {
            node.forEach(element -> check(element, type, path + "[]", problems));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String actual = node.has("@odata.type") ? node.get("@odata.type").asText().replace("#microsoft.graph.", "") : type;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().startsWith("@")) {
                continue;
            }
            String declared = propertyType(actual, field.getKey());
            if (declared == null) {
                problems.add(path + "." + field.getKey() + " is not a property of " + actual);
                continue;
            }
            String element = declared.replace("Collection(", "").replace(")", "");
            if (element.startsWith("graph.")) {
                check(field.getValue(), element.substring(6), path + "." + field.getKey(), problems);
            }
        }
    }

    private static void assertFits(ObjectNode json, String type) {
        List<String> problems = new ArrayList<>();
        check(json, type, type, problems);
        assertThat(problems).as(json.toString()).isEmpty();
    }

    private static Projection everything(Set<String> properties) {
        return new Projection(properties, null, Preferences.OutputZone.UTC, true, true, false);
    }

    @Test
    void theDeclaredPropertySetsAreThoseOfTheMetadata() {
        Map<String, Set<String>> sets = Map.of("message", MessageJson.PROPERTIES, "event", EventJson.PROPERTIES, "contact",
                ContactJson.PROPERTIES, "mailFolder", FolderJson.MAIL_PROPERTIES, "contactFolder", FolderJson.CONTACT_PROPERTIES,
                "calendar", FolderJson.CALENDAR_PROPERTIES);
        sets.forEach((type, names) -> assertThat(names).as(type).allSatisfy(name ->
                assertThat(propertyType(type, name)).as(type + "." + name).isNotNull()));
        assertThat(AttachmentJson.PROPERTIES).allSatisfy(name -> assertThat(propertyType("fileAttachment", name) != null
                || propertyType("itemAttachment", name) != null).as(name).isTrue());
    }

    @Test
    void messagesMeetingMessagesAndAttachmentsWriteOnlyMetadataProperties() {
        store.write(() -> {
            Folder inbox = store.wellKnown(store.mailbox(mailbox.address), WellKnownFolder.INBOX);
            Message message = store.createMessage(inbox, m -> {
                m.subject = "All properties";
                m.body(Body.html("<p>Hello</p>"));
                m.sender = new Recipient("Sender", "sender@contoso.example");
                m.to = new ArrayList<>(List.of(new Recipient("To", "to@contoso.example")));
                m.cc = new ArrayList<>(List.of(new Recipient("Cc", "cc@contoso.example")));
                m.bcc = new ArrayList<>(List.of(new Recipient("Bcc", "bcc@contoso.example")));
                m.replyTo = new ArrayList<>(List.of(new Recipient("Reply", "reply@contoso.example")));
                m.categories = List.of("Red");
                m.flag = new Flag(Flag.Status.COMPLETE, Instant.now(), Instant.now(), Instant.now());
                m.conversationIndex = new byte[] {1, 2, 3};
                m.internetMessageId = "<id@contoso.example>";
                m.headers = List.of(new InternetHeader("X-Test", "1"));
            });
            store.addFileAttachment(message, "a.txt", "text/plain", new BytesContent(new byte[] {65}), a -> a.contentId = "cid");
            store.addItemAttachment(message, "attached", store.detachedMessage(message.mailbox, m -> m.subject = "inner"));
            assertFits(MessageJson.write(message, everything(MessageJson.PROPERTIES)), "message");
            assertFits(MessageJson.write(message, Projection.DEFAULT), "message");

            Message request = store.createMessage(inbox, m -> {
                m.kind(MessageKind.MEETING_REQUEST);
                m.meetingStart = Instant.now();
                m.meetingEnd = Instant.now().plusSeconds(3600);
                m.meetingLocation = "Room 1";
            });
            ObjectNode requestJson = MessageJson.write(request, Projection.DEFAULT);
            assertThat(requestJson.get("@odata.type").asText()).isEqualTo("#microsoft.graph.eventMessageRequest");
            assertFits(requestJson, "eventMessageRequest");
            Message accepted = store.createMessage(inbox, m -> m.kind(MessageKind.MEETING_ACCEPTED));
            assertFits(MessageJson.write(accepted, Projection.DEFAULT), "eventMessageResponse");
            message.attachments.forEach(a -> assertFits(AttachmentJson.write(a, everything(null)), "attachment"));
        });
    }

    @Test
    void eventsTheirOccurrencesAndCalendarsWriteOnlyMetadataProperties() {
        store.write(() -> {
            Folder calendar = store.wellKnown(store.mailbox(mailbox.address), WellKnownFolder.CALENDAR);
            CalendarEvent series = store.createEvent(calendar, e -> {
                e.subject = "Series";
                e.start = Instant.parse("2026-03-03T09:00:00Z");
                e.end = Instant.parse("2026-03-03T10:00:00Z");
                e.startZone = ZoneId.of("Europe/Berlin");
                e.location = "Room 2";
                e.attendees = List.of(new Attendee(new Recipient("Bob", "bob@contoso.example"), Attendee.Type.REQUIRED,
                        ResponseType.ACCEPTED, Instant.now()));
                e.recurrence = Recurrence.weekly(1, Set.of(DayOfWeek.TUESDAY), LocalDate.parse("2026-03-03"),
                        Recurrence.RangeType.NUMBERED, null, 3);
                e.onlineMeeting = true;
                e.onlineMeetingUrl = "https://teams.example/l/1";
            });
            assertFits(EventJson.write(EventController.whole(series), true, everything(EventJson.PROPERTIES)), "event");
            Occurrence second = series.occurrenceByIndex(2);
            assertFits(EventJson.write(second, false, everything(EventJson.PROPERTIES)), "event");
            assertFits(FolderJson.calendar(calendar, Projection.DEFAULT), "calendar");
            assertFits(FolderJson.mailFolder(store.wellKnown(series.mailbox, WellKnownFolder.INBOX), Projection.DEFAULT), "mailFolder");
            Folder contacts = store.wellKnown(series.mailbox, WellKnownFolder.CONTACTS);
            assertFits(FolderJson.contactFolder(store.createFolder(contacts, "Sub", FolderKind.CONTACTS, null), Projection.DEFAULT),
                    "contactFolder");
        });
    }

    @Test
    void contactsWriteOnlyMetadataProperties() {
        store.write(() -> {
            Folder contacts = store.wellKnown(store.mailbox(mailbox.address), WellKnownFolder.CONTACTS);
            Contact contact = store.createContact(contacts, c -> {
                c.givenName = "Ada";
                c.surname = "Lovelace";
                c.emailAddresses = List.of(new Recipient("Ada", "ada@example.com"));
                c.phones = new EnumMap<>(Map.of(Contact.PhoneKind.BUSINESS, "1", Contact.PhoneKind.HOME, "2",
                        Contact.PhoneKind.MOBILE, "3"));
                c.addresses = new EnumMap<>(Map.of(Contact.AddressKind.BUSINESS, new Contact.Address("s", "c", "st", "p", "co"),
                        Contact.AddressKind.HOME, new Contact.Address("s", "c", "st", "p", "co")));
                c.birthday = LocalDate.parse("1815-12-10");
                c.imAddresses = new ArrayList<>(List.of("ada@im"));
                c.body(Body.text("Notes"));
            });
            assertFits(ContactJson.write(contact, everything(new LinkedHashSet<>(ContactJson.PROPERTIES))), "contact");
        });
    }
}
