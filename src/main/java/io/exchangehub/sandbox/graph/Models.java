package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.graph.query.EntityFields;
import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.ItemOrder;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.Recipient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The query models of the collections the Graph face serves. */
final class Models {

    private static final Set<String> IMPORTANCE = Set.of("low", "normal", "high");
    private static final Set<String> FLAG_STATUS = Set.of("notflagged", "flagged", "complete");

    private Models() {}

    /** Addresses and names of recipients, as {@code toRecipients/any(r: r/emailAddress/address eq …)} sees them. */
    private static EntityFields<Recipient> recipientFields() {
        return new EntityFields<Recipient>("microsoft.graph.recipient", Set.of("emailAddress"))
                .string("emailAddress/address", Recipient::address)
                .string("emailAddress/name", Recipient::name);
    }

    private static EntityFields<String> stringElements() {
        return new EntityFields<String>("Edm.String", Set.of()).string("", s -> s);
    }

    static final EntityModel<Message> MESSAGE = message();
    static final EntityModel<Occurrence> EVENT = event();
    static final EntityModel<Contact> CONTACT = contact();
    static final EntityModel<Folder> MAIL_FOLDER = folder(FolderJson.MAIL_TYPE, FolderJson.MAIL_PROPERTIES);
    static final EntityModel<Folder> CONTACT_FOLDER = folder(FolderJson.CONTACT_TYPE, FolderJson.CONTACT_PROPERTIES);
    static final EntityModel<Folder> CALENDAR = new EntityModel<>(FolderJson.CALENDAR_TYPE, FolderJson.CALENDAR_PROPERTIES,
            null, Map.of(), Map.of(), List.of(), Set.of());
    static final EntityModel<Attachment> ATTACHMENT = new EntityModel<>(AttachmentJson.TYPE, AttachmentJson.PROPERTIES,
            null, Map.of(), Map.of(), List.of(), Set.of("microsoft.graph.itemattachment/item"));

    private static EntityModel<Message> message() {
        EntityFields<Message> fields = new EntityFields<Message>(MessageJson.TYPE, MessageJson.PROPERTIES)
                .bool("isRead", m -> m.read)
                .bool("isDraft", m -> m.draft)
                .bool("hasAttachments", Message::hasAttachments)
                .bool("isReadReceiptRequested", m -> m.readReceiptRequested)
                .bool("isDeliveryReceiptRequested", m -> m.deliveryReceiptRequested)
                .enumeration("importance", IMPORTANCE, m -> GraphJson.camel(m.importance))
                .enumeration("flag/flagStatus", FLAG_STATUS, m -> m.flag.status().name().replace("_", "").toLowerCase(Locale.ROOT))
                .enumeration("inferenceClassification", Set.of("focused", "other"), m -> "focused")
                .string("subject", m -> m.subject)
                .string("conversationId", m -> m.conversationId)
                .string("internetMessageId", m -> m.internetMessageId)
                .string("parentFolderId", m -> m.folder == null ? null : m.folder.id)
                .string("from/emailAddress/address", m -> m.from == null ? null : m.from.address())
                .string("from/emailAddress/name", m -> m.from == null ? null : m.from.name())
                .string("sender/emailAddress/address", m -> m.sender == null ? null : m.sender.address())
                .string("sender/emailAddress/name", m -> m.sender == null ? null : m.sender.name())
                .dateTime("receivedDateTime", m -> m.received != null ? m.received : m.created)
                .dateTime("sentDateTime", m -> m.sent != null ? m.sent : m.created)
                .dateTime("createdDateTime", m -> m.created)
                .dateTime("lastModifiedDateTime", m -> m.lastModified)
                .collection("categories", m -> m.categories, stringElements())
                .collection("toRecipients", m -> m.to, recipientFields())
                .collection("ccRecipients", m -> m.cc, recipientFields())
                .collection("bccRecipients", m -> m.bcc, recipientFields())
                .collection("replyTo", m -> m.replyTo, recipientFields());
        Map<String, ItemOrder.Property> sortable = new LinkedHashMap<>();
        sortable.put("receiveddatetime", ItemOrder.Property.RECEIVED);
        sortable.put("sentdatetime", ItemOrder.Property.SENT);
        sortable.put("createddatetime", ItemOrder.Property.CREATED);
        sortable.put("lastmodifieddatetime", ItemOrder.Property.LAST_MODIFIED);
        sortable.put("subject", ItemOrder.Property.SUBJECT);
        sortable.put("from/emailaddress/name", ItemOrder.Property.FROM);
        sortable.put("from/emailaddress/address", ItemOrder.Property.FROM);
        sortable.put("importance", ItemOrder.Property.IMPORTANCE);
        sortable.put("isread", ItemOrder.Property.IS_READ);
        sortable.put("hasattachments", ItemOrder.Property.HAS_ATTACHMENTS);
        sortable.put("flag/flagstatus", ItemOrder.Property.FLAG_STATUS);
        Map<String, Function<Message, List<String>>> search = new LinkedHashMap<>();
        search.put("subject", m -> List.of(m.subject));
        search.put("from", m -> names(m.from == null ? List.of() : List.of(m.from)));
        search.put("to", m -> names(m.to));
        search.put("cc", m -> names(m.cc));
        search.put("bcc", m -> names(m.bcc));
        search.put("participants", m -> {
            List<String> all = new ArrayList<>(names(m.from == null ? List.of() : List.of(m.from)));
            all.addAll(names(m.to));
            all.addAll(names(m.cc));
            all.addAll(names(m.bcc));
            return all;
        });
        search.put("attachment", m -> m.attachments.stream().map(a -> a.name).toList());
        search.put("hasattachment", m -> List.of(Boolean.toString(m.hasAttachments())));
        search.put("hasattachments", m -> List.of(Boolean.toString(m.hasAttachments())));
        search.put("body", m -> List.of(m.body().asText()));
        // KQL's dates are days; the sandbox's days are UTC
        search.put("received", m -> List.of(utcDate(m.received != null ? m.received : m.created)));
        search.put("sent", m -> m.sent == null ? List.of() : List.of(utcDate(m.sent)));
        return new EntityModel<>(MessageJson.TYPE, MessageJson.PROPERTIES, fields, sortable, search,
                List.of("subject", "from", "to", "cc", "attachment", "body"), Set.of("attachments"));
    }

    private static String utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static List<String> names(List<Recipient> recipients) {
        List<String> names = new ArrayList<>();
        for (Recipient r : recipients) {
            names.add(r.name());
            names.add(r.address());
        }
        return names;
    }

    private static EntityModel<Occurrence> event() {
        EntityFields<Occurrence> fields = new EntityFields<Occurrence>(EventJson.TYPE, EventJson.PROPERTIES)
                .string("subject", Occurrence::subject)
                .string("iCalUId", o -> o.master().uid)
                .string("organizer/emailAddress/address",
                        o -> o.master().organizer == null ? o.master().mailbox.address : o.master().organizer.address())
                .dateTime("start/dateTime", Occurrence::start)
                .dateTime("end/dateTime", Occurrence::end)
                .dateTime("createdDateTime", o -> o.master().created)
                .dateTime("lastModifiedDateTime", o -> o.master().lastModified)
                .bool("isAllDay", o -> o.master().allDay)
                .bool("isCancelled", o -> o.master().cancelled)
                .bool("isOrganizer", o -> o.master().isOrganizer())
                .bool("hasAttachments", o -> o.master().hasAttachments())
                .enumeration("importance", IMPORTANCE, o -> GraphJson.camel(o.master().importance))
                .enumeration("sensitivity", Set.of("normal", "personal", "private", "confidential"),
                        o -> GraphJson.camel(o.master().sensitivity))
                .enumeration("showAs", Set.of("unknown", "free", "tentative", "busy", "oof", "workingelsewhere"),
                        o -> GraphJson.camel(o.master().showAs).toLowerCase(Locale.ROOT))
                .enumeration("type", Set.of("singleinstance", "occurrence", "exception", "seriesmaster"),
                        o -> o.master().isRecurring() && o.isSingle() ? "seriesmaster" : o.isSingle() ? "singleinstance"
                                : o.isException() ? "exception" : "occurrence")
                .collection("categories", o -> o.master().categories, stringElements())
                .collection("attendees", o -> o.master().attendees.stream().map(a -> a.recipient()).toList(),
                        recipientFields());
        Map<String, ItemOrder.Property> sortable = new LinkedHashMap<>();
        sortable.put("start/datetime", ItemOrder.Property.START);
        sortable.put("end/datetime", ItemOrder.Property.END);
        sortable.put("subject", ItemOrder.Property.SUBJECT);
        sortable.put("createddatetime", ItemOrder.Property.CREATED);
        sortable.put("lastmodifieddatetime", ItemOrder.Property.LAST_MODIFIED);
        sortable.put("importance", ItemOrder.Property.IMPORTANCE);
        return new EntityModel<>(EventJson.TYPE, EventJson.PROPERTIES, fields, sortable, Map.of(), List.of(),
                Set.of("attachments"));
    }

    private static EntityModel<Contact> contact() {
        EntityFields<Contact> fields = new EntityFields<Contact>(ContactJson.TYPE, ContactJson.PROPERTIES)
                .string("displayName", c -> c.displayName)
                .string("givenName", c -> c.givenName)
                .string("surname", c -> c.surname)
                .string("middleName", c -> c.middleName)
                .string("nickName", c -> c.nickname)
                .string("companyName", c -> c.companyName)
                .string("department", c -> c.department)
                .string("jobTitle", c -> c.jobTitle)
                .string("fileAs", c -> c.fileAs)
                .string("officeLocation", c -> c.officeLocation)
                .string("parentFolderId", c -> c.folder == null ? null : c.folder.id)
                .dateTime("createdDateTime", c -> c.created)
                .dateTime("lastModifiedDateTime", c -> c.lastModified)
                .collection("categories", c -> c.categories, stringElements())
                .collection("emailAddresses", c -> c.emailAddresses,
                        new EntityFields<Recipient>("microsoft.graph.emailAddress", Set.of("address", "name"))
                                .string("address", Recipient::address).string("name", Recipient::name));
        Map<String, ItemOrder.Property> sortable = new LinkedHashMap<>();
        sortable.put("displayname", ItemOrder.Property.DISPLAY_NAME);
        sortable.put("givenname", ItemOrder.Property.GIVEN_NAME);
        sortable.put("surname", ItemOrder.Property.SURNAME);
        sortable.put("companyname", ItemOrder.Property.COMPANY);
        sortable.put("fileas", ItemOrder.Property.FILE_AS);
        sortable.put("createddatetime", ItemOrder.Property.CREATED);
        sortable.put("lastmodifieddatetime", ItemOrder.Property.LAST_MODIFIED);
        Map<String, Function<Contact, List<String>>> search = new LinkedHashMap<>();
        search.put("name", c -> List.of(c.displayName, c.givenName, c.surname, c.nickname));
        search.put("company", c -> List.of(c.companyName));
        search.put("email", c -> c.emailAddresses.stream().map(Recipient::address).toList());
        return new EntityModel<>(ContactJson.TYPE, ContactJson.PROPERTIES, fields, sortable, search,
                List.of("name", "company", "email"), Set.of());
    }

    private static EntityModel<Folder> folder(String type, Set<String> properties) {
        EntityFields<Folder> fields = new EntityFields<Folder>(type, properties)
                .string("displayName", f -> f.displayName)
                .string("parentFolderId", f -> f.parent == null ? null : f.parent.id)
                .bool("isHidden", f -> f.hidden)
                .number("totalItemCount", f -> (long) f.totalCount())
                .number("unreadItemCount", f -> (long) f.unreadCount())
                .number("childFolderCount", f -> (long) f.childFolderCount());
        return new EntityModel<>(type, properties, fields, Map.of(), Map.of(), List.of(), Set.of());
    }
}
