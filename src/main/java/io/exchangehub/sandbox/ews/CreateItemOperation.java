package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.DeleteMode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.ReplyKind;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * CreateItem: messages (saved, sent, or sent with a copy; from properties or from MIME), calendar
 * items (with or without sending invitations), contacts, and the response objects: replies and
 * forwards, meeting answers (accept, tentative, decline) and meeting cancellations.
 */
@Component
final class CreateItemOperation implements EwsOperation {

    static final Set<String> DISPOSITIONS = Set.of("SaveOnly", "SendOnly", "SendAndSaveCopy");
    static final Set<String> INVITATIONS = Set.of("SendToNone", "SendOnlyToAll", "SendToAllAndSaveCopy");

    @Override
    public String name() {
        return "CreateItem";
    }

    /**
     * One element of {@code m:Items}, parsed before anything is written.
     *
     * @param element     the element
     * @param parsed      its properties (items) or null (response objects)
     * @param mime        its MIME, read, or null
     * @param attachments its attachments
     * @param error       why it cannot be created, found while parsing; or null
     */
    private record Prepared(XmlIn element, ItemReader.Parsed parsed, MimeReader.MimeItem mime, List<AttachmentReader> attachments,
            EwsError error) {}

    @Override
    public XmlOut execute(EwsRequest request) {
        XmlIn operation = request.operation();
        String disposition = Xsd.enumAttr(operation, "MessageDisposition", "MessageDispositionType", DISPOSITIONS, null);
        String invitations = Xsd.enumAttr(operation, "SendMeetingInvitations", "CalendarItemCreateOrDeleteOperationType",
                INVITATIONS, null);
        XmlIn saved = operation.child("SavedItemFolderId");
        List<Prepared> prepared = new ArrayList<>();
        for (XmlIn element : operation.require("Items").children()) {
            prepared.add(prepare(request, element));
        }
        return Responses.each(name(), prepared, (item, message) -> {
            if (item.error() != null) {
                throw item.error();
            }
            request.store().write(() -> {
                switch (item.element().name()) {
                    case "Message" -> message(request, item, disposition, saved, message);
                    case "CalendarItem" -> calendarItem(request, item, invitations, saved, message);
                    case "Contact" -> contact(request, item, saved, message);
                    case "ReplyToItem", "ReplyAllToItem", "ForwardItem" -> smartResponse(request, item.element(), disposition,
                            saved, message);
                    case "AcceptItem", "TentativelyAcceptItem", "DeclineItem" -> meetingResponse(request, item.element(),
                            disposition, message);
                    case "CancelCalendarItem" -> cancel(request, item.element(), message);
                    default -> throw new EwsError("ErrorInvalidItemForOperationCreateItem",
                            "The sandbox cannot create a '" + item.element().name() + "'.");
                }
            });
        }, Responses.empty("m:Items"));
    }

    private static Prepared prepare(EwsRequest request, XmlIn element) {
        try {
            if (!Set.of("Message", "CalendarItem", "Contact").contains(element.name())) {
                return new Prepared(element, null, null, List.of(), null);
            }
            ItemReader.Parsed parsed = ItemReader.read(element);
            MimeReader.MimeItem mime = null;
            if (parsed.mime() != null) {
                mime = MimeReader.read(parsed.mime().binary(), request.reader());
            }
            List<AttachmentReader> attachments = new ArrayList<>();
            for (XmlIn attachment : parsed.attachments()) {
                attachments.add(AttachmentReader.read(request, attachment));
            }
            return new Prepared(element, parsed, mime, attachments, null);
        } catch (EwsError e) {
            return new Prepared(element, null, null, List.of(), e);
        }
    }

    // ------------------------------------------------------------------ items

    private static void message(EwsRequest request, Prepared item, String disposition, XmlIn saved, XmlOut response) {
        if (disposition == null) {
            throw new EwsError("ErrorMessageDispositionRequired", "MessageDisposition is required for this operation.");
        }
        SandboxStore store = request.store();
        Folder target = saved == null ? null : Ids.folderIn(request, saved);
        Mailbox mailbox = target != null ? target.mailbox : Ids.own(request);
        boolean sending = !disposition.equals("SaveOnly");
        if (sending) {
            Message scratch = new Message(mailbox, -1, store.now());
            fill(scratch, item, true);
            checkRecipients(scratch.to, scratch.cc, scratch.bcc);
        }
        Folder folder = !sending && target != null ? target : store.wellKnown(mailbox, WellKnownFolder.DRAFTS);
        Message created = store.createMessage(folder, m -> fill(m, item, sending));
        addAttachments(request, item, created);
        if (sending) {
            Folder saveTo = disposition.equals("SendAndSaveCopy")
                    ? target != null ? target : store.wellKnown(mailbox, WellKnownFolder.SENT_ITEMS) : null;
            store.send(created, saveTo);
            response.child("m:Items");
            return;
        }
        response.child("m:Items").add(idOnly(created));
    }

    /**
     * The message's values: from its MIME first, then its properties. A dated MIME message that
     * is saved, not sent, is imported as it is: no draft.
     */
    private static void fill(Message message, Prepared item, boolean sending) {
        MimeReader.MimeItem mime = item.mime();
        if (mime != null) {
            message.subject = mime.subject();
            if (mime.from() != null) {
                message.from = mime.from();
                message.sender = mime.from();
            }
            message.to = new ArrayList<>(mime.to());
            message.cc = new ArrayList<>(mime.cc());
            message.bcc = new ArrayList<>(mime.bcc());
            message.replyTo = new ArrayList<>(mime.replyTo());
            message.sent = mime.date();
            message.received = mime.date();
            message.internetMessageId = mime.messageId();
            message.inReplyTo = mime.inReplyTo();
            message.references = mime.references();
            message.importance = mime.importance();
            message.body(mime.body());
            message.headers = new ArrayList<>(mime.headers());
            message.draft = sending || mime.date() == null;
        }
        item.parsed().applyTo(message);
        if (item.parsed().read() != null) {
            message.read = item.parsed().read();
        }
    }

    private static void addAttachments(EwsRequest request, Prepared item, Item owner) {
        for (AttachmentReader attachment : item.attachments()) {
            attachment.addTo(request, owner);
        }
        if (item.mime() != null) {
            addMimeParts(request, item.mime(), owner);
        }
    }

    private static void addMimeParts(EwsRequest request, MimeReader.MimeItem mime, Item owner) {
        for (MimeReader.MimeFile file : mime.files()) {
            request.store().addFileAttachment(owner, file.name(), file.contentType(), file.content(), a -> {
                a.inline = file.inline();
                a.contentId = file.contentId();
            });
            request.keep(file.content());
        }
        for (MimeReader.MimeItem attached : mime.messages()) {
            Message message = request.store().detachedMessage(owner.mailbox, m -> {
                m.subject = attached.subject();
                m.from = attached.from();
                m.sender = attached.from();
                m.to = new ArrayList<>(attached.to());
                m.cc = new ArrayList<>(attached.cc());
                m.sent = attached.date();
                m.received = attached.date();
                m.internetMessageId = attached.messageId();
                m.body(attached.body());
                m.read = true;
            });
            addMimeParts(request, attached, message);
            request.store().addItemAttachment(owner, MimeReader.attachmentName(attached.subject(), "Attached message"), message);
        }
    }

    /** What Exchange checks before it sends: at least one recipient, and only addresses it can route. */
    static void checkRecipients(List<Recipient> to, List<Recipient> cc, List<Recipient> bcc) {
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new EwsError("ErrorInvalidRecipients", "At least one recipient is required, but none were found.");
        }
        for (List<Recipient> list : List.of(to, cc, bcc)) {
            for (Recipient recipient : list) {
                if (!recipient.routable()) {
                    throw new EwsError("ErrorInvalidRecipients", "One or more recipients are invalid.");
                }
            }
        }
    }

    private static void calendarItem(EwsRequest request, Prepared item, String invitations, XmlIn saved, XmlOut response) {
        if (invitations == null) {
            throw new EwsError("ErrorSendMeetingInvitationsRequired",
                    "SendMeetingInvitations attribute is required for calendar items.");
        }
        SandboxStore store = request.store();
        Folder folder = saved != null ? Ids.folderIn(request, saved) : store.wellKnown(Ids.own(request), WellKnownFolder.CALENDAR);
        CalendarEvent scratch = new CalendarEvent(folder.mailbox, -1, store.now());
        item.parsed().applyTo(scratch);
        checkTimes(scratch.start, scratch.end);
        CalendarEvent created = store.createEvent(folder, e -> item.parsed().applyTo(e));
        addAttachments(request, item, created);
        if (!invitations.equals("SendToNone") && created.isMeeting()) {
            store.sendMeetingRequests(created);
        }
        response.child("m:Items").add(idOnly(created));
    }

    static void checkTimes(Instant start, Instant end) {
        if (start == null || end == null) {
            throw new EwsError("ErrorCalendarInvalidPropertyValue", "A calendar item needs a Start and an End.");
        }
        if (end.isBefore(start)) {
            throw new EwsError("ErrorCalendarEndDateIsEarlierThanStartDate", "EndDate is earlier than StartDate.");
        }
    }

    private static void contact(EwsRequest request, Prepared item, XmlIn saved, XmlOut response) {
        SandboxStore store = request.store();
        Folder folder = saved != null ? Ids.folderIn(request, saved) : store.wellKnown(Ids.own(request), WellKnownFolder.CONTACTS);
        Contact created = store.createContact(folder, c -> item.parsed().applyTo(c));
        addAttachments(request, item, created);
        response.child("m:Items").add(idOnly(created));
    }

    private static XmlOut idOnly(Item item) {
        return new XmlOut(ItemXml.typeOf(item).element).add(ItemXml.itemId(item));
    }

    // ------------------------------------------------------------------ response objects

    /** ReplyToItem, ReplyAllToItem, ForwardItem: a draft answering the referenced message, saved or sent. */
    private static void smartResponse(EwsRequest request, XmlIn element, String disposition, XmlIn saved, XmlOut response) {
        if (disposition == null) {
            throw new EwsError("ErrorMessageDispositionRequired", "MessageDisposition is required for this operation.");
        }
        Item reference = Ids.target(request, element.require("ReferenceItemId")).stored();
        if (!(reference instanceof Message original)) {
            throw new EwsError("ErrorInvalidReferenceItem", "The sandbox replies to and forwards messages only.");
        }
        ReplyKind kind = switch (element.name()) {
            case "ReplyToItem" -> ReplyKind.REPLY;
            case "ReplyAllToItem" -> ReplyKind.REPLY_ALL;
            default -> ReplyKind.FORWARD;
        };
        XmlIn newBody = element.child("NewBodyContent") != null ? element.child("NewBodyContent") : element.child("Body");
        Body comment = newBody == null ? Body.text("") : ItemReader.body(newBody);
        List<Recipient> to = element.child("ToRecipients") == null ? List.of() : ItemReader.recipients(element.child("ToRecipients"));
        List<Recipient> cc = element.child("CcRecipients") == null ? List.of() : ItemReader.recipients(element.child("CcRecipients"));
        List<Recipient> bcc = element.child("BccRecipients") == null ? List.of()
                : ItemReader.recipients(element.child("BccRecipients"));
        String subject = element.childText("Subject");
        SandboxStore store = request.store();
        boolean sending = !disposition.equals("SaveOnly");
        if (sending) {
            Message scratch = new Message(original.mailbox, -1, store.now());
            SandboxStore.addressResponse(original, kind, scratch);
            checkRecipients(ItemReader.appended(scratch.to, to), ItemReader.appended(scratch.cc, cc),
                    ItemReader.appended(scratch.bcc, bcc));
        }
        Folder target = saved == null ? null : Ids.folderIn(request, saved);
        Message draft = store.createResponse(original, kind, comment.content(), comment.type());
        store.update(draft, null, m -> {
            m.to = ItemReader.appended(m.to, to);
            m.cc = ItemReader.appended(m.cc, cc);
            m.bcc = ItemReader.appended(m.bcc, bcc);
            if (subject != null) {
                m.subject = subject;
            }
        });
        if (sending) {
            Folder saveTo = disposition.equals("SendAndSaveCopy")
                    ? target != null ? target : store.wellKnown(draft.mailbox, WellKnownFolder.SENT_ITEMS) : null;
            store.send(draft, saveTo);
            response.child("m:Items");
            return;
        }
        Item kept = target != null && target != draft.folder ? store.move(draft, target) : draft;
        response.child("m:Items").add(idOnly(kept));
    }

    /**
     * AcceptItem, TentativelyAcceptItem, DeclineItem: the attendee's answer to a meeting, by its
     * calendar item or by the meeting request (which then goes to Deleted Items, as Exchange does).
     */
    private static void meetingResponse(EwsRequest request, XmlIn element, String disposition, XmlOut response) {
        ResponseType answer = switch (element.name()) {
            case "AcceptItem" -> ResponseType.ACCEPTED;
            case "TentativelyAcceptItem" -> ResponseType.TENTATIVE;
            default -> ResponseType.DECLINED;
        };
        String verb = switch (answer) {
            case ACCEPTED -> "Accept";
            case TENTATIVE -> "Tentative";
            default -> "Decline";
        };
        SandboxStore store = request.store();
        Item reference = Ids.target(request, element.require("ReferenceItemId")).stored();
        Message meetingRequest = reference instanceof Message m ? m : null;
        CalendarEvent meeting;
        if (meetingRequest != null) {
            if (meetingRequest.meetingUid == null) {
                throw new EwsError("ErrorInvalidItemForOperation" + (answer == ResponseType.DECLINED ? "DeclineItem"
                        : answer == ResponseType.TENTATIVE ? "Tentative" : "AcceptItem"),
                        "The item is not a meeting request.");
            }
            meeting = store.findByUid(meetingRequest.mailbox, meetingRequest.meetingUid);
            if (meeting == null) {
                throw new EwsError("ErrorCalendarMeetingRequestIsOutOfDate", "The meeting request is out of date.");
            }
        } else if (reference instanceof CalendarEvent event) {
            meeting = event;
        } else {
            throw new EwsError("ErrorInvalidReferenceItem", "Meeting responses refer to a meeting or a meeting request.");
        }
        if (meeting.isOrganizer()) {
            throw new EwsError("ErrorCalendarIsOrganizerFor" + verb, "The organizer of a meeting cannot respond to it.");
        }
        if (meeting.cancelled) {
            throw new EwsError("ErrorCalendarIsCancelledFor" + verb, "The meeting has been cancelled.");
        }
        XmlIn body = element.child("Body");
        String comment = body == null ? null : body.text();
        store.respond(meeting, answer, comment, !"SaveOnly".equals(disposition));
        if (meetingRequest != null && meetingRequest.folder != null) {
            store.delete(meetingRequest, DeleteMode.MOVE_TO_DELETED_ITEMS);
        }
        response.child("m:Items");
    }

    /** CancelCalendarItem: the organizer cancels; attendees get cancellations, the meeting goes to Deleted Items. */
    private static void cancel(EwsRequest request, XmlIn element, XmlOut response) {
        Item reference = Ids.target(request, element.require("ReferenceItemId")).stored();
        if (!(reference instanceof CalendarEvent meeting) || !meeting.isOrganizer()) {
            throw new EwsError("ErrorCalendarIsNotOrganizer", "Only the organizer can cancel a meeting.");
        }
        XmlIn body = element.child("NewBodyContent") != null ? element.child("NewBodyContent") : element.child("Body");
        request.store().cancelMeeting(meeting, body == null ? "" : body.text());
        response.child("m:Items");
    }
}
