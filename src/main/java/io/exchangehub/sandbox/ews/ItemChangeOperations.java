package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.ChangeKeys;
import io.exchangehub.sandbox.store.DeleteMode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.StoreError;
import io.exchangehub.sandbox.store.StoreException;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Changing items: UpdateItem, DeleteItem, MoveItem, CopyItem, SendItem. */
final class ItemChangeOperations {

    private static final Set<String> CONFLICT_RESOLUTIONS = Set.of("NeverOverwrite", "AutoResolve", "AlwaysOverwrite");
    private static final Set<String> UPDATE_INVITATIONS = Set.of("SendToNone", "SendOnlyToAll", "SendOnlyToChanged",
            "SendToAllAndSaveCopy", "SendToChangedAndSaveCopy");
    /** What the store can change of a single occurrence. */
    private static final Set<String> OCCURRENCE_FIELDS = Set.of("Start", "End", "Subject", "Location", "Body");

    private ItemChangeOperations() {}

    /**
     * One update of an ItemChange.
     *
     * @param value   the property element (SetItemField, AppendToItemField), or null (DeleteItemField)
     * @param change  what it does, or null for IsRead and properties the sandbox ignores
     * @param read    for IsRead: the new state
     */
    private record Update(XmlIn value, ItemReader.Change change, Boolean read) {}

    /**
     * An ItemChange, parsed.
     *
     * @param id      the item's id element
     * @param updates its updates
     * @param error   a problem found while parsing, or null
     */
    private record Parsed(XmlIn id, List<Update> updates, EwsError error) {}

    @Component
    static final class UpdateItem implements EwsOperation {
        @Override
        public String name() {
            return "UpdateItem";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn operation = request.operation();
            String resolution = Xsd.enumAttr(operation, "ConflictResolution", "ConflictResolutionType", CONFLICT_RESOLUTIONS,
                    null);
            if (resolution == null) {
                throw SoapFault.schema(operation, "The required attribute 'ConflictResolution' is missing.");
            }
            String disposition = Xsd.enumAttr(operation, "MessageDisposition", "MessageDispositionType",
                    CreateItemOperation.DISPOSITIONS, null);
            String invitations = Xsd.enumAttr(operation, "SendMeetingInvitationsOrCancellations",
                    "CalendarItemUpdateOperationType", UPDATE_INVITATIONS, null);
            XmlIn saved = operation.child("SavedItemFolderId");
            List<Parsed> changes = new ArrayList<>();
            for (XmlIn change : operation.require("ItemChanges").children()) {
                changes.add(parse(change));
            }
            return Responses.each(name(), changes, (change, message) -> {
                if (change.error() != null) {
                    throw change.error();
                }
                request.store().write(() -> apply(request, change, resolution, disposition, invitations, saved, message));
            }, Responses.empty("m:Items"));
        }

        private static Parsed parse(XmlIn itemChange) {
            XmlIn id = itemChange.first();
            List<Update> updates = new ArrayList<>();
            try {
                for (XmlIn update : itemChange.require("Updates").children()) {
                    XmlIn path = update.first();
                    if (path == null) {
                        throw SoapFault.schema(update, "The element '" + update.name() + "' has incomplete content.");
                    }
                    if (update.name().equals("DeleteItemField")) {
                        updates.add(new Update(null, ItemReader.delete(path), null));
                        continue;
                    }
                    XmlIn item = update.children().size() == 2 ? update.children().get(1) : null;
                    if (item == null || item.children().size() != 1) {
                        throw new EwsError("ErrorIncorrectUpdatePropertyCount",
                                "An object within a change description must contain one and only one property to modify.");
                    }
                    XmlIn value = item.first();
                    if (!value.name().equals(ItemReader.elementFor(path))) {
                        throw new EwsError("ErrorUpdatePropertyMismatch",
                                "The property type of the change description does not match the object.");
                    }
                    boolean append = update.name().equals("AppendToItemField");
                    if (value.name().equals("IsRead") && !append) {
                        updates.add(new Update(value, null, Xsd.bool(value, false)));
                    } else if (value.name().equals("MimeContent") || value.name().equals("Attachments")) {
                        throw new EwsError("ErrorInvalidPropertySet", "The property '" + value.name() + "' cannot be updated.");
                    } else {
                        updates.add(new Update(value, append ? ItemReader.append(value) : ItemReader.set(value), null));
                    }
                }
                return new Parsed(id, List.copyOf(updates), null);
            } catch (EwsError e) {
                return new Parsed(id, List.of(), e);
            }
        }

        private static void apply(EwsRequest request, Parsed change, String resolution, String disposition, String invitations,
                XmlIn saved, XmlOut response) {
            SandboxStore store = request.store();
            Ids.Target target = Ids.target(request, change.id());
            String changeKey = resolution.equals("AlwaysOverwrite") ? null : change.id().attr("ChangeKey");
            if (target.occurrence() != null && !target.occurrence().isSingle()) {
                Occurrence updated = updateOccurrence(request, target.occurrence(), change.updates(), changeKey);
                response.child("m:Items").add(new XmlOut("t:CalendarItem").add(ItemXml.itemId(new ItemXml.View(updated.master(),
                        updated))));
                conflicts(response);
                return;
            }
            Item item = target.stored();
            List<ItemReader.Change> contentChanges = new ArrayList<>();
            Boolean read = null;
            for (Update update : change.updates()) {
                if (update.read() != null) {
                    if (!(item instanceof Message)) {
                        throw new EwsError("ErrorInvalidPropertySet", "IsRead is a property of messages.");
                    }
                    read = update.read();
                } else if (update.change() != null) {
                    if (!update.change().appliesTo(item)) {
                        throw new EwsError("ErrorInvalidPropertySet", "The property '" + update.change().element()
                                + "' is not valid for this item.");
                    }
                    contentChanges.add(update.change());
                }
            }
            if (item instanceof Message && disposition == null) {
                throw new EwsError("ErrorMessageDispositionRequired", "MessageDisposition is required for this operation.");
            }
            boolean sending = item instanceof Message && !"SaveOnly".equals(disposition);
            Folder saveTo = null;
            if (sending) {
                checkSendable((Message) item, contentChanges);
                saveTo = disposition.equals("SendAndSaveCopy") ? saved != null ? Ids.folderIn(request, saved)
                        : store.wellKnown(item.mailbox, WellKnownFolder.SENT_ITEMS) : null;
            }
            if (item instanceof CalendarEvent event) {
                if (invitations == null) {
                    throw new EwsError("ErrorSendMeetingInvitationsOrCancellationsRequired",
                            "SendMeetingInvitationsOrCancellations attribute is required for calendar items.");
                }
                checkTimes(event, contentChanges);
            }
            if (!contentChanges.isEmpty()) {
                store.update(item, changeKey, i -> {
                    contentChanges.forEach(c -> c.action().accept(i));
                    ItemReader.normalizeAllDay(i);
                });
            }
            if (read != null) {
                store.setRead((Message) item, read, contentChanges.isEmpty() ? changeKey : null);
            } else if (contentChanges.isEmpty()) {
                ChangeKeys.check(changeKey, item.changeKey());
            }
            if (item instanceof CalendarEvent event && event.isMeeting() && event.isOrganizer()
                    && !invitations.equals("SendToNone")) {
                store.sendMeetingRequests(event);
            }
            if (sending) {
                store.send((Message) item, saveTo);
                response.child("m:Items");
                conflicts(response);
                return;
            }
            response.child("m:Items").add(new XmlOut(ItemXml.typeOf(item).element).add(ItemXml.itemId(item)));
            conflicts(response);
        }

        private static void conflicts(XmlOut response) {
            response.child("m:ConflictResults").el("t:Count", "0");
        }

        /** Whether the message can be sent once changed, tried on a copy first, so that a refusal changes nothing. */
        private static void checkSendable(Message message, List<ItemReader.Change> changes) {
            if (!message.draft) {
                throw new EwsError("ErrorInvalidItemForOperationSendItem", "The item is not valid for the SendItem operation.");
            }
            Message scratch = new Message(message.mailbox, -1, message.created);
            scratch.to = new ArrayList<>(message.to);
            scratch.cc = new ArrayList<>(message.cc);
            scratch.bcc = new ArrayList<>(message.bcc);
            changes.forEach(c -> c.action().accept(scratch));
            CreateItemOperation.checkRecipients(scratch.to, scratch.cc, scratch.bcc);
        }

        /** The new times, tried on a copy first, so that an end before the start changes nothing. */
        private static void checkTimes(CalendarEvent event, List<ItemReader.Change> changes) {
            CalendarEvent scratch = new CalendarEvent(event.mailbox, -1, event.created);
            scratch.start = event.start;
            scratch.end = event.end;
            scratch.startZone = event.startZone;
            scratch.endZone = event.endZone;
            scratch.allDay = event.allDay;
            changes.forEach(c -> c.action().accept(scratch));
            ItemReader.normalizeAllDay(scratch);
            CreateItemOperation.checkTimes(scratch.start, scratch.end);
        }

        private static Occurrence updateOccurrence(EwsRequest request, Occurrence occurrence, List<Update> updates,
                String changeKey) {
            Instant start = null;
            Instant end = null;
            String subject = null;
            String location = null;
            Body body = null;
            for (Update update : updates) {
                XmlIn value = update.value();
                if (value == null || !OCCURRENCE_FIELDS.contains(value.name()) || update.change() == null) {
                    throw new EwsError("ErrorInvalidPropertyForOperation",
                            "The sandbox changes the Start, End, Subject, Location and Body of a single occurrence.");
                }
                switch (value.name()) {
                    case "Start" -> start = Xsd.dateTime(value);
                    case "End" -> end = Xsd.dateTime(value);
                    case "Subject" -> subject = value.text();
                    case "Location" -> location = value.text();
                    default -> body = ItemReader.body(value);
                }
            }
            CreateItemOperation.checkTimes(start != null ? start : occurrence.start(), end != null ? end : occurrence.end());
            return request.store().updateOccurrence(occurrence, changeKey, start, end, subject, location, body);
        }
    }

    @Component
    static final class DeleteItem implements EwsOperation {
        @Override
        public String name() {
            return "DeleteItem";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn operation = request.operation();
            DeleteMode mode = FolderOperations.deleteMode(operation);
            String cancellations = Xsd.enumAttr(operation, "SendMeetingCancellations", "CalendarItemCreateOrDeleteOperationType",
                    CreateItemOperation.INVITATIONS, null);
            // the sandbox has no tasks, but a value the schema does not allow is still refused
            Xsd.enumAttr(operation, "AffectedTaskOccurrences", "AffectedTaskOccurrencesType",
                    Set.of("AllOccurrences", "SpecifiedOccurrenceOnly"), null);
            List<XmlIn> ids = operation.require("ItemIds").children();
            return Responses.each(name(), ids, (id, message) -> request.store().write(() -> {
                Ids.Target target = Ids.target(request, id);
                if (target.stored() instanceof CalendarEvent && cancellations == null) {
                    throw new EwsError("ErrorSendMeetingCancellationsRequired",
                            "SendMeetingCancellations attribute is required for calendar items.");
                }
                if (target.occurrence() != null) {
                    request.store().deleteOccurrence(target.occurrence());
                    return;
                }
                Item item = target.item();
                if (item instanceof CalendarEvent event && event.isMeeting() && event.isOrganizer()
                        && !cancellations.equals("SendToNone")) {
                    request.store().cancelMeeting(event, "", mode);
                    return;
                }
                request.store().delete(item, mode);
            }), null);
        }
    }

    /** MoveItem and CopyItem: the moved or copied item has a new id, which the answer carries. */
    abstract static class MoveOrCopy implements EwsOperation {

        abstract Item apply(SandboxStore store, Item item, Folder destination);

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn operation = request.operation();
            XmlIn destinationId = operation.require("ToFolderId");
            boolean returnIds = Xsd.bool(operation.child("ReturnNewItemIds"), true);
            List<XmlIn> ids = operation.require("ItemIds").children();
            return Responses.each(name(), ids, (id, message) -> request.store().write(() -> {
                Folder destination = Ids.folderIn(request, destinationId);
                Ids.Target target = Ids.target(request, id);
                if (target.occurrence() != null) {
                    throw new EwsError("ErrorCalendarCannotMoveOrCopyOccurrence", "Cannot move or copy an occurrence.");
                }
                if (destination.mailbox != target.item().mailbox) {
                    throw new EwsError("ErrorCrossMailboxMoveCopy", "Cross-mailbox moves and copies are not supported.");
                }
                Item result;
                try {
                    result = apply(request.store(), target.item(), destination);
                } catch (StoreException e) {
                    if (e.error() == StoreError.INVALID_REQUEST) {
                        throw new EwsError("ErrorMoveCopyFailed", "The move or copy operation failed.");
                    }
                    throw e;
                }
                XmlOut items = message.child("m:Items");
                if (returnIds) {
                    items.add(new XmlOut(ItemXml.typeOf(result).element).add(ItemXml.itemId(result)));
                }
            }), Responses.empty("m:Items"));
        }
    }

    @Component
    static final class MoveItem extends MoveOrCopy {
        @Override
        public String name() {
            return "MoveItem";
        }

        @Override
        Item apply(SandboxStore store, Item item, Folder destination) {
            return store.move(item, destination);
        }
    }

    @Component
    static final class CopyItem extends MoveOrCopy {
        @Override
        public String name() {
            return "CopyItem";
        }

        @Override
        Item apply(SandboxStore store, Item item, Folder destination) {
            return store.copy(item, destination);
        }
    }

    @Component
    static final class SendItem implements EwsOperation {
        @Override
        public String name() {
            return "SendItem";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn operation = request.operation();
            String saveText = operation.attr("SaveItemToFolder");
            if (saveText == null) {
                throw SoapFault.schema(operation, "The required attribute 'SaveItemToFolder' is missing.");
            }
            boolean save = Xsd.bool(operation, saveText.strip(), "SaveItemToFolder");
            XmlIn saved = operation.child("SavedItemFolderId");
            if (saved != null && !save) {
                throw new EwsError("ErrorInvalidSendItemSaveSettings",
                        "SavedItemFolderId is not allowed when SaveItemToFolder is false.");
            }
            List<XmlIn> ids = operation.require("ItemIds").children();
            return Responses.each(name(), ids, (id, message) -> request.store().write(() -> {
                Item item = Ids.target(request, id).stored();
                if (!(item instanceof Message draft)) {
                    throw new EwsError("ErrorInvalidItemForOperationSendItem", "The item is not valid for the SendItem operation.");
                }
                ChangeKeys.check(id.attr("ChangeKey"), draft.changeKey());
                Folder saveTo = !save ? null : saved != null ? Ids.folderIn(request, saved)
                        : request.store().wellKnown(draft.mailbox, WellKnownFolder.SENT_ITEMS);
                if (draft.draft) {
                    CreateItemOperation.checkRecipients(draft.to, draft.cc, draft.bcc);
                }
                request.store().send(draft, saveTo);
            }), null);
        }
    }
}
