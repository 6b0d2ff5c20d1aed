package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.IdKind;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.StoreException;
import io.exchangehub.sandbox.store.StoreId;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.util.Set;

/**
 * Resolves the ids of a request (FolderId, DistinguishedFolderId with its Mailbox, ItemId,
 * OccurrenceItemId, RecurringMasterItemId, AttachmentId) to store objects, checking that the
 * caller may open their mailbox. Runs inside the store's lock.
 */
final class Ids {

    /** DistinguishedFolderIdNameType: any other name fails schema validation. */
    private static final Set<String> DISTINGUISHED_NAMES = Set.of("calendar", "contacts", "deleteditems", "drafts", "inbox",
            "journal", "notes", "outbox", "sentitems", "tasks", "msgfolderroot", "publicfoldersroot", "root", "junkemail",
            "searchfolders", "voicemail", "recoverableitemsroot", "recoverableitemsdeletions", "recoverableitemsversions",
            "recoverableitemspurges", "recoverableitemsdiscoveryholds", "archiveroot", "archivemsgfolderroot",
            "archivedeleteditems", "archiveinbox", "archiverecoverableitemsroot", "archiverecoverableitemsdeletions",
            "archiverecoverableitemsversions", "archiverecoverableitemspurges", "archiverecoverableitemsdiscoveryholds",
            "syncissues", "conflicts", "localfailures", "serverfailures", "recipientcache", "quickcontacts",
            "conversationhistory", "adminauditlogs", "todosearch", "mycontacts", "directory", "imcontactlist", "peopleconnect",
            "favorites", "mecontact", "personmetadata", "teamspaceactivity", "teamspacemessaging", "teamspaceworkitems",
            "scheduled", "orionnotes", "tagitems", "alltaggeditems", "allcategorizeditems", "externalcontacts", "teamchat",
            "teamchathistory", "yammerdata", "yammerroot", "yammerinbound", "yammeroutbound", "yammerfeeds", "kaizaladata",
            "messageingestion", "onedriveroot", "onedriverecylebin", "onedrivesystem", "onedrivevolume", "important", "starred",
            "archive");

    private Ids() {}

    /** The folder a {@code t:FolderId} or {@code t:DistinguishedFolderId} element names. */
    static Folder folder(EwsRequest request, XmlIn id) {
        if (id == null) {
            throw SoapFault.schema((XmlIn) null, "A folder id is required.");
        }
        try {
            if (id.name().equals("DistinguishedFolderId")) {
                return distinguished(request, id);
            }
            if (!id.name().equals("FolderId")) {
                throw SoapFault.schema(id, "The element '" + id.name() + "' is not a folder id.");
            }
            String value = requireId(id);
            checkAccess(request, request.store().mailboxOf(value));
            return request.store().folder(value);
        } catch (StoreException e) {
            throw EwsError.of(e);
        }
    }

    /** The folder named by the single id element inside a container such as {@code m:ParentFolderId}. */
    static Folder folderIn(EwsRequest request, XmlIn container) {
        XmlIn id = container == null ? null : container.first();
        if (id == null) {
            throw SoapFault.schema(container, "The element '" + (container == null ? "FolderId" : container.name())
                    + "' has incomplete content. List of possible elements expected: 'FolderId, DistinguishedFolderId'.");
        }
        return folder(request, id);
    }

    private static Folder distinguished(EwsRequest request, XmlIn id) {
        String name = id.attr("Id");
        if (name == null || !DISTINGUISHED_NAMES.contains(name)) {
            throw SoapFault.schema(id, "The 'Id' attribute is invalid - The value '" + name + "' is invalid according to its "
                    + "datatype 'http://schemas.microsoft.com/exchange/services/2006/types:DistinguishedFolderIdNameType' - "
                    + "The Enumeration constraint failed.");
        }
        Mailbox mailbox = mailboxFor(request, id.child("Mailbox"));
        WellKnownFolder wellKnown = WellKnownFolder.ofEwsName(name);
        Folder folder = wellKnown == null ? null : request.store().wellKnown(mailbox, wellKnown);
        if (folder == null) {
            throw new EwsError("ErrorFolderNotFound", "The specified folder could not be found in the store.");
        }
        return folder;
    }

    /** The mailbox a {@code t:Mailbox} element names, or the caller's own when absent. */
    static Mailbox mailboxFor(EwsRequest request, XmlIn mailboxElement) {
        String address = mailboxElement == null ? null : mailboxElement.childText("EmailAddress");
        try {
            if (address == null || address.isBlank()) {
                return request.store().mailbox(request.caller().address());
            }
            return request.store().open(request.caller().address(), address.strip());
        } catch (StoreException e) {
            throw EwsError.of(e);
        }
    }

    /** The caller's own mailbox. */
    static Mailbox own(EwsRequest request) {
        return request.store().mailbox(request.caller().address());
    }

    static void checkAccess(EwsRequest request, Mailbox mailbox) {
        if (!mailbox.openableBy(request.caller().address())) {
            throw EwsError.accessDenied();
        }
    }

    private static String requireId(XmlIn id) {
        String value = id.attr("Id");
        if (value == null) {
            throw SoapFault.schema(id, "The required attribute 'Id' is missing.");
        }
        if (value.isEmpty()) {
            throw new EwsError("ErrorInvalidIdEmpty", "Id must be non-empty.");
        }
        return value;
    }

    /** What an {@code t:ItemId}: an item or one occurrence of a series (whose ids are item ids to clients). */
    static Target target(EwsRequest request, XmlIn id) {
        try {
            switch (id.name()) {
                case "ItemId", "ReferenceItemId", "ParentItemId" -> {
                    String value = requireId(id);
                    checkAccess(request, request.store().mailboxOf(value));
                    if (StoreId.decode(value).kind() == IdKind.OCCURRENCE) {
                        return new Target(null, request.store().occurrence(value));
                    }
                    return new Target(request.store().item(value), null);
                }
                case "OccurrenceItemId" -> {
                    String masterId = id.attr("RecurringMasterId");
                    int index = parseIndex(id);
                    checkAccess(request, request.store().mailboxOf(masterId));
                    CalendarEvent master = request.store().item(masterId, CalendarEvent.class);
                    if (!master.isRecurring()) {
                        throw new EwsError("ErrorCalendarCannotUseIdForOccurrenceId",
                                "The item is not a recurring master, so it has no occurrences.");
                    }
                    Occurrence occurrence = master.occurrenceByIndex(index);
                    if (occurrence == null) {
                        throw index > 0 && master.occurrenceDeleted(index)
                                ? new EwsError("ErrorCalendarOccurrenceIsDeletedFromRecurrence",
                                        "Occurrence with this index was previously deleted from the recurrence.")
                                : new EwsError("ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange",
                                        "Occurrence index is out of recurrence range.");
                    }
                    return new Target(null, occurrence);
                }
                case "RecurringMasterItemId" -> {
                    String occurrenceId = id.attr("OccurrenceId");
                    checkAccess(request, request.store().mailboxOf(occurrenceId));
                    Occurrence occurrence = request.store().occurrence(occurrenceId);
                    if (!occurrence.master().isRecurring()) {
                        throw new EwsError("ErrorCalendarCannotUseIdForRecurringMasterId",
                                "The item is not an occurrence of a recurring series.");
                    }
                    return new Target(occurrence.master(), null);
                }
                default -> throw SoapFault.schema(id, "The element '" + id.name() + "' is not an item id.");
            }
        } catch (StoreException e) {
            throw EwsError.of(e);
        }
    }

    private static int parseIndex(XmlIn id) {
        String text = id.attr("InstanceIndex");
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw SoapFault.invalidValue(id, "InstanceIndex", text, "http://www.w3.org/2001/XMLSchema:int");
        }
    }

    /** The attachment an {@code t:AttachmentId} names. */
    static Attachment attachment(EwsRequest request, XmlIn id) {
        String value = requireId(id);
        try {
            checkAccess(request, request.store().mailboxOf(value));
            if (StoreId.decode(value).kind() != IdKind.ATTACHMENT) {
                throw new EwsError("ErrorInvalidIdNotAnItemAttachmentId", "The Id is not an attachment id.");
            }
            return request.store().attachment(value);
        } catch (StoreException e) {
            throw EwsError.of(e);
        }
    }

    /**
     * An item id resolved: a stored item, or one occurrence of a series.
     *
     * @param item       the item (a single event, a series master, a message, a contact), or null
     * @param occurrence the occurrence, or null
     */
    record Target(Item item, Occurrence occurrence) {

        Item stored() {
            return item != null ? item : occurrence.master();
        }
    }
}
