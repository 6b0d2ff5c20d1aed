package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.model.Attachment;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.Attendee;
import io.exchangehub.model.Body;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.Flag;
import io.exchangehub.model.Importance;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageChanges;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import io.exchangehub.model.ResponseStatus;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

/**
 * The same message or meeting as the {@code ews:} component gives it from an EWS mailbox (Alice)
 * and as the {@code msgraph:} component gives it from a Graph mailbox (Carol): list entries and
 * whole items have the same fields filled, and the same values where the item is the same
 * (everything but ids, change keys and folder ids, which each backend names its own way).
 */
class EwsGraphParityIT extends EwsComponentTestSupport {

    private static final Instant WEEK_START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant WEEK_END = Instant.parse("2026-03-07T00:00:00Z");
    private static final byte[] LOGO = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private Exchange graph(MsGraphOperation operation, Object body, Map<String, Object> headers) {
        return graph(CAROL, operation, body, headers);
    }

    /** msgraph: as a user in their own mailbox. */
    private Exchange graph(String user, MsGraphOperation operation, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request("msgraph:" + operation.resource(), e -> {
            e.getMessage().setHeaders(new LinkedHashMap<>(headers));
            e.getMessage().setHeader(MsGraphConstants.MAILBOX, user);
            e.getMessage().setHeader(MsGraphConstants.ACCESS_TOKEN, graphToken(user));
            e.getMessage().setHeader(MsGraphConstants.OPERATION, operation);
            e.getMessage().setBody(body);
        });
        if (exchange.getException() != null) {
            throw new AssertionError("msgraph:" + operation + " failed", exchange.getException());
        }
        return exchange;
    }

    @SuppressWarnings("unchecked")
    private MailMessage graphListed(String folder, String subject) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> ((Page<MailMessage>) graph(MsGraphOperation.listMessages, null,
                Map.of(MsGraphConstants.FOLDER_ID, folder, MsGraphConstants.FILTER_SUBJECT, subject)).getMessage()
                .getBody(Page.class)).items().stream().findFirst().orElse(null), m -> m != null);
    }

    @SuppressWarnings("unchecked")
    private MailMessage ewsListed(String folder, String subject) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> ((Page<MailMessage>) body(ALICE, EwsOperation.listMessages, null,
                Map.of(EwsConstants.FOLDER_ID, folder, EwsConstants.FILTER_SUBJECT, subject), Page.class)).items().stream()
                .findFirst().orElse(null), m -> m != null);
    }

    private MailMessage graphWhole(String id) {
        return graph(MsGraphOperation.getMessage, null, Map.of(MsGraphConstants.ITEM_ID, id)).getMessage()
                .getBody(MailMessage.class);
    }

    private MailMessage ewsWhole(String id) {
        return body(ALICE, EwsOperation.getMessage, null, Map.of(EwsConstants.ITEM_ID, id), MailMessage.class);
    }

    /** Which fields of a record hold something (not null, not an empty list or text). */
    private static Map<String, Boolean> filled(Record record) throws Exception {
        Map<String, Boolean> filled = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = component.getAccessor().invoke(record);
            filled.put(component.getName(), value != null && !(value instanceof Collection<?> c && c.isEmpty())
                    && !(value instanceof String s && s.isEmpty()));
        }
        return filled;
    }

    /** What must be equal when both sides hold the same message. */
    private static final List<Function<MailMessage, Object>> SAME = List.of(MailMessage::subject, MailMessage::from,
            m -> m.toRecipients().stream().map(Recipient::address).sorted().toList(),
            m -> m.ccRecipients() == null ? null : m.ccRecipients().stream().map(Recipient::address).sorted().toList(),
            MailMessage::sentAt, MailMessage::isRead, MailMessage::isDraft, MailMessage::importance, MailMessage::flag,
            MailMessage::categories, MailMessage::hasAttachments, MailMessage::preview, MailMessage::internetMessageId);

    private static void sameMessage(MailMessage ews, MailMessage graph) throws Exception {
        assertThat(filled(ews)).as("fields filled, ews: vs msgraph:").isEqualTo(filled(graph));
        for (Function<MailMessage, Object> field : SAME) {
            assertThat(field.apply(ews)).isEqualTo(field.apply(graph));
        }
        if (ews.body() != null) {
            assertThat(ews.body().contentType()).isEqualTo(graph.body().contentType());
            assertThat(ews.attachments()).hasSameSizeAs(graph.attachments());
            for (Attachment mine : ews.attachments()) {
                Attachment theirs = graph.attachments().stream().filter(a -> a.name().equals(mine.name())).findFirst()
                        .orElseThrow();
                assertThat(filled(mine)).as("attachment fields filled").isEqualTo(filled(theirs));
                assertThat(List.of(mine.contentType(), mine.size(), mine.isInline(), String.valueOf(mine.contentId()), mine.kind()))
                        .as(mine.name()).isEqualTo(List.of(theirs.contentType(), theirs.size(), theirs.isInline(),
                                String.valueOf(theirs.contentId()), theirs.kind()));
            }
        }
    }

    /**
     * Bob writes to Alice and Carol with a cc, high importance, a file and an inline image; each
     * flags and categorises her copy alike through her own backend. The list entries and the
     * whole messages then match field by field (inline images do not count as attachments).
     */
    @Test
    void theSameMessageListsAndReadsAlikeFromEwsAndGraph() throws Exception {
        String subject = "Parity " + UUID.randomUUID();
        byte[] pdf = "%PDF-1.4 parity".getBytes(StandardCharsets.US_ASCII);
        MessageDraft draft = new MessageDraft(subject, new Body(Body.ContentType.HTML,
                "<html><body><p><img src=\"cid:logo@parity\">Dear customer, the offer is attached.</p></body></html>"),
                List.of(new Recipient("Alice Wong", ALICE), new Recipient("Carol Dupont", CAROL)),
                List.of(new Recipient("Sales", SALES)), null, null, Importance.HIGH, null,
                List.of(new AttachmentUpload("offer.pdf", "application/pdf", pdf.length, false, null,
                        () -> new ByteArrayInputStream(pdf)), new AttachmentUpload("logo.png", "image/png", LOGO.length, true,
                                "logo@parity", () -> new ByteArrayInputStream(LOGO))));
        assertThat(call(BOB, EwsOperation.sendMessage, draft, Map.of()).getException()).isNull();
        MailMessage ewsListed = ewsListed("inbox", subject);
        MailMessage graphListed = graphListed("inbox", subject);
        try {
            Flag flag = new Flag(Flag.Status.FLAGGED, Instant.parse("2026-03-03T09:00:00Z"), Instant.parse("2026-03-05T17:00:00Z"),
                    null);
            MessageChanges changes = new MessageChanges(null, flag, List.of("Customer"), null);
            body(ALICE, EwsOperation.updateMessage, changes, Map.of(EwsConstants.ITEM_ID, ewsListed.id()), MailMessage.class);
            graph(MsGraphOperation.updateMessage, changes, Map.of(MsGraphConstants.ITEM_ID, graphListed.id()));

            MailMessage ewsEntry = ewsListed("inbox", subject);
            MailMessage graphEntry = graphListed("inbox", subject);
            sameMessage(ewsEntry, graphEntry);
            assertThat(ewsEntry.flag()).isEqualTo(flag);
            assertThat(ewsEntry.ccRecipients()).extracting(Recipient::address).containsExactly(SALES);
            assertThat(ewsEntry.hasAttachments()).isTrue();
            assertThat(ewsEntry.preview()).isEqualTo("Dear customer, the offer is attached.");

            MailMessage ewsMessage = ewsWhole(ewsEntry.id());
            MailMessage graphMessage = graphWhole(graphEntry.id());
            sameMessage(ewsMessage, graphMessage);
            assertThat(ewsMessage.attachments()).extracting(Attachment::name, Attachment::isInline, Attachment::contentId)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("offer.pdf", false, null),
                            org.assertj.core.groups.Tuple.tuple("logo.png", true, "logo@parity"));
            assertThat(ewsMessage.attachments()).allMatch(a -> a.lastModified() != null);
        } finally {
            call(ALICE, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, ewsListed.id(), EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
            graph(MsGraphOperation.deleteMessage, null, Map.of(MsGraphConstants.ITEM_ID, graphListed.id()));
        }
    }

    /** The seeded newsletters (an inline logo, nothing else attached) have the same shape on both sides. */
    @Test
    @SuppressWarnings("unchecked")
    void aMessageWithOnlyAnInlineImageHasNoAttachmentsOnEitherSide() throws Exception {
        MailMessage ewsEntry = ewsListed(folderId(ALICE, "/Inbox/Newsletters"), "Contoso Insider");
        List<MailFolder> carolsFolders = graph(MsGraphOperation.listFolders, null, Map.of()).getMessage().getBody(List.class);
        MailMessage graphEntry = graphListed(carolsFolders.stream().filter(f -> f.path().equals("/Inbox/Newsletters"))
                .findFirst().orElseThrow().id(), "Contoso Insider");
        assertThat(filled(ewsEntry)).isEqualTo(filled(graphEntry));
        MailMessage ewsMessage = ewsWhole(ewsEntry.id());
        MailMessage graphMessage = graphWhole(graphEntry.id());
        assertThat(filled(ewsMessage)).isEqualTo(filled(graphMessage));
        for (MailMessage message : List.of(ewsEntry, graphEntry, ewsMessage, graphMessage)) {
            assertThat(message.hasAttachments()).isFalse();
            assertThat(message.preview()).startsWith(message.subject());
        }
        assertThat(ewsMessage.attachments()).singleElement().satisfies(a -> {
            Attachment theirs = graphMessage.attachments().get(0);
            assertThat(List.of(a.name(), a.contentType(), a.size(), a.isInline(), a.contentId(), a.kind()))
                    .isEqualTo(List.of(theirs.name(), theirs.contentType(), theirs.size(), theirs.isInline(), theirs.contentId(),
                            theirs.kind()));
        });
    }

    @SuppressWarnings("unchecked")
    private List<CalendarEvent> ewsWeek() {
        return body(ALICE, EwsOperation.listEvents, null, Map.of(EwsConstants.START, WEEK_START, EwsConstants.END, WEEK_END),
                List.class);
    }

    @SuppressWarnings("unchecked")
    private List<CalendarEvent> graphWeek() {
        return graph(MsGraphOperation.listEvents, null, Map.of(MsGraphConstants.START, WEEK_START, MsGraphConstants.END, WEEK_END))
                .getMessage().getBody(List.class);
    }

    /**
     * The seeded stand-up series on both sides (each mailbox has its own, with three colleagues of
     * its own who accepted): its occurrence and its moved occurrence fill the same fields in a
     * calendar view, series master, join URL, attendees and preview included, with attendees of the
     * same kinds and answers and the same preview; read whole, an occurrence fills the same fields.
     */
    @Test
    void standUpOccurrencesListAndReadAlikeFromEwsAndGraph() throws Exception {
        List<CalendarEvent> ews = ewsWeek();
        List<CalendarEvent> graph = graphWeek();
        for (CalendarEvent.Type type : List.of(CalendarEvent.Type.OCCURRENCE, CalendarEvent.Type.EXCEPTION)) {
            CalendarEvent mine = standUp(ews, type);
            CalendarEvent theirs = standUp(graph, type);
            assertThat(filled(mine)).as("%s fields filled in a calendar view", type).isEqualTo(filled(theirs));
            assertThat(List.of(mine.subject(), mine.isOnlineMeeting(), mine.showAs(), mine.myResponse(), mine.location(),
                    mine.preview())).isEqualTo(List.of(theirs.subject(), theirs.isOnlineMeeting(), theirs.showAs(),
                            theirs.myResponse(), theirs.location(), theirs.preview()));
            assertThat(mine.attendees()).extracting(Attendee::type, Attendee::response, a -> a.respondedAt() != null)
                    .isEqualTo(theirs.attendees().stream().map(a -> tuple(a.type(), a.response(), a.respondedAt() != null))
                            .toList()).hasSize(3);
            assertThat(mine.onlineMeetingUrl()).startsWith("https://teams.example/l/meetup-join/standup-");

            CalendarEvent mineWhole = body(ALICE, EwsOperation.getEvent, null, Map.of(EwsConstants.ITEM_ID, mine.id()),
                    CalendarEvent.class);
            CalendarEvent theirsWhole = graph(MsGraphOperation.getEvent, null, Map.of(MsGraphConstants.ITEM_ID, theirs.id()))
                    .getMessage().getBody(CalendarEvent.class);
            assertThat(filled(mineWhole)).as("%s fields filled, read whole", type).isEqualTo(filled(theirsWhole));
            assertThat(mineWhole.seriesMasterId()).isEqualTo(mine.seriesMasterId());
            assertThat(mineWhole.preview()).isEqualTo(theirsWhole.preview()).isEqualTo(mine.preview());
            assertThat(mineWhole.attendees()).isEqualTo(mine.attendees());
        }
    }

    /**
     * The seeded pipeline review is one meeting in two calendars: Alice (EWS) organises it, Carol
     * (Graph) has tentatively accepted. Its occurrence in each calendar view has the same attendees,
     * Bob's and Carol's answers and when they came, and the same preview of the same body.
     */
    @Test
    void theSameMeetingListsWithTheSameAttendeesAndPreviewFromEwsAndGraph() throws Exception {
        CalendarEvent mine = review(ewsWeek());
        CalendarEvent theirs = review(graphWeek());
        assertThat(filled(mine)).isEqualTo(filled(theirs));
        assertThat(List.of(mine.iCalUid(), mine.start(), mine.end(), mine.location(), mine.organizer().address(), mine.preview()))
                .isEqualTo(List.of(theirs.iCalUid(), theirs.start(), theirs.end(), theirs.location(), theirs.organizer().address(),
                        theirs.preview()));
        assertThat(mine.preview()).startsWith("Sales pipeline review");
        assertThat(mine.attendees()).containsExactlyInAnyOrderElementsOf(theirs.attendees());
        assertThat(mine.attendees()).extracting(a -> a.recipient().address(), Attendee::response)
                .containsExactlyInAnyOrder(tuple(BOB, ResponseStatus.ACCEPTED), tuple(CAROL, ResponseStatus.TENTATIVE));
        assertThat(mine.attendees()).allMatch(a -> a.type() == Attendee.Type.REQUIRED && a.respondedAt() != null);
        assertThat(List.of(mine.myResponse(), theirs.myResponse())).containsExactly(ResponseStatus.ORGANIZER,
                ResponseStatus.TENTATIVE);
    }

    private static CalendarEvent review(List<CalendarEvent> events) {
        return events.stream().filter(e -> e.subject().equals("Sales pipeline review")).findFirst().orElseThrow();
    }

    /**
     * Alice's one mailbox through both components: {@code ews:} lists the folders {@code msgraph:}
     * lists, with the same well-known names, paths, parents and counts. The mailbox has a calendar,
     * contacts with a subfolder, tasks and notes (none of them mail folders), and the test adds a
     * folder of a mail subclass (made with ews-java-api, which can set a folder class) and a hidden
     * one (made through Graph, which can hide it).
     */
    @Test
    @SuppressWarnings("unchecked")
    void oneMailboxListsTheSameFoldersWithTheSameWellKnownNamesFromEwsAndGraph() throws Exception {
        String custom = "Custom class " + UUID.randomUUID();
        String customId;
        try (ExchangeService service = ewsJavaApi(ALICE)) {
            Folder folder = new Folder(service);
            folder.setDisplayName(custom);
            folder.setFolderClass("IPF.Note.Parity");
            folder.save(WellKnownFolderName.MsgFolderRoot);
            customId = folder.getId().getUniqueId();
        }
        String hidden = "Hidden " + UUID.randomUUID();
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(sandboxInfo().get("graphUrl").asText() + "/users/"
                + ALICE + "/mailFolders")).header("Authorization", "Bearer " + graphToken(ALICE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"" + hidden + "\",\"isHidden\":true}")).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String hiddenId = readJson(created.body()).get("id").asText();
        try {
            List<MailFolder> ews = body(ALICE, EwsOperation.listFolders, null, Map.of(), List.class);
            List<MailFolder> graph = graph(ALICE, MsGraphOperation.listFolders, null, Map.of()).getMessage().getBody(List.class);
            assertThat(entries(ews)).containsExactlyInAnyOrderElementsOf(entries(graph));
            assertThat(ews).extracting(MailFolder::path).contains("/" + custom, "/Archive 2024", "/Inbox/Projects/Apollo/Design")
                    .doesNotContain("/" + hidden, "/Calendar", "/Contacts", "/Contacts/Key accounts", "/Tasks", "/Notes");
            assertThat(ews).extracting(MailFolder::wellKnownName).filteredOn(Objects::nonNull).containsExactlyInAnyOrder("inbox",
                    "drafts", "sentitems", "deleteditems", "junkemail", "outbox", "archive", "conversationhistory");
        } finally {
            call(ALICE, EwsOperation.deleteFolder, null, Map.of(EwsConstants.FOLDER_ID, customId, EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
            graph(ALICE, MsGraphOperation.deleteFolder, null, Map.of(MsGraphConstants.FOLDER_ID, hiddenId,
                    MsGraphConstants.DELETE_MODE, DeleteMode.HARD));
        }
    }

    /** What must match of each folder of a list: path, well-known name, the parent's path and the counts. */
    private static List<List<Object>> entries(List<MailFolder> folders) {
        Map<String, String> paths = new HashMap<>();
        folders.forEach(f -> paths.put(f.id(), f.path()));
        return folders.stream().map(f -> List.<Object>of(f.path(), String.valueOf(f.wellKnownName()),
                f.parentId() == null ? "" : paths.getOrDefault(f.parentId(), "(not listed)"), f.totalCount(), f.unreadCount(),
                f.childFolderCount())).toList();
    }

    private static CalendarEvent standUp(List<CalendarEvent> events, CalendarEvent.Type type) {
        return events.stream().filter(e -> e.type() == type && e.subject().startsWith("Team stand-up")).findFirst().orElseThrow();
    }
}
