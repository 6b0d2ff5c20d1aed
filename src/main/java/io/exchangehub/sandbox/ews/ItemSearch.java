package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.ItemOrder;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Recipient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What FindItem searches and sorts on: item properties by FieldURI, and the store's canonical orders. */
final class ItemSearch {

    private static final List<String> IMPORTANCE = List.of("Low", "Normal", "High");
    private static final List<String> SENSITIVITY = List.of("Normal", "Personal", "Private", "Confidential");
    private static final Set<String> FIELDS = Set.of("item:Subject", "item:DateTimeReceived", "item:DateTimeSent",
            "item:DateTimeCreated", "item:LastModifiedTime", "item:HasAttachments", "item:Importance", "item:Sensitivity",
            "item:Size", "item:ItemClass", "item:Categories", "item:Body", "item:IsDraft", "item:InReplyTo", "item:DisplayTo",
            "item:DisplayCc", "message:IsRead", "message:From", "message:Sender", "message:ToRecipients",
            "message:CcRecipients", "message:InternetMessageId", "message:ConversationTopic", "message:IsReadReceiptRequested",
            "calendar:Start", "calendar:End", "calendar:Location", "calendar:IsAllDayEvent", "calendar:Organizer",
            "calendar:IsRecurring", "calendar:UID", "calendar:IsMeeting", "calendar:IsCancelled", "contacts:DisplayName",
            "contacts:GivenName", "contacts:Surname", "contacts:CompanyName", "contacts:FileAs", "contacts:JobTitle",
            "contacts:Department", "contacts:EmailAddress#EmailAddress1", "contacts:EmailAddress#EmailAddress2",
            "contacts:EmailAddress#EmailAddress3");

    private static final Map<String, ItemOrder.Property> ORDERS = Map.ofEntries(
            Map.entry("item:DateTimeReceived", ItemOrder.Property.RECEIVED),
            Map.entry("item:DateTimeSent", ItemOrder.Property.SENT),
            Map.entry("item:DateTimeCreated", ItemOrder.Property.CREATED),
            Map.entry("item:LastModifiedTime", ItemOrder.Property.LAST_MODIFIED),
            Map.entry("item:Subject", ItemOrder.Property.SUBJECT),
            Map.entry("message:From", ItemOrder.Property.FROM),
            Map.entry("item:Size", ItemOrder.Property.SIZE),
            Map.entry("item:Importance", ItemOrder.Property.IMPORTANCE),
            Map.entry("message:IsRead", ItemOrder.Property.IS_READ),
            Map.entry("item:HasAttachments", ItemOrder.Property.HAS_ATTACHMENTS),
            Map.entry("item:Flag", ItemOrder.Property.FLAG_STATUS),
            Map.entry("calendar:Start", ItemOrder.Property.START),
            Map.entry("calendar:End", ItemOrder.Property.END),
            Map.entry("contacts:DisplayName", ItemOrder.Property.DISPLAY_NAME),
            Map.entry("contacts:FileAs", ItemOrder.Property.FILE_AS),
            Map.entry("contacts:GivenName", ItemOrder.Property.GIVEN_NAME),
            Map.entry("contacts:Surname", ItemOrder.Property.SURNAME),
            Map.entry("contacts:CompanyName", ItemOrder.Property.COMPANY));

    private ItemSearch() {}

    static final Restrictions.Fields<Item> FIELDS_OF_ITEMS = new Restrictions.Fields<>() {
        @Override
        public boolean supports(String fieldUri) {
            return FIELDS.contains(fieldUri);
        }

        @Override
        public Object value(Item item, String fieldUri) {
            return ItemSearch.value(item, fieldUri);
        }
    };

    private static Object value(Item item, String field) {
        Message message = item instanceof Message m ? m : null;
        CalendarEvent event = item instanceof CalendarEvent e ? e : null;
        Contact contact = item instanceof Contact c ? c : null;
        return switch (field) {
            case "item:Subject" -> item.subject;
            case "item:DateTimeReceived" -> message != null && message.received != null ? message.received : item.created;
            case "item:DateTimeSent" -> message != null ? message.sent : null;
            case "item:DateTimeCreated" -> item.created;
            case "item:LastModifiedTime" -> item.lastModified;
            case "item:HasAttachments" -> item.hasAttachments();
            case "item:Importance" -> new Restrictions.Ranked(IMPORTANCE, item.importance.ordinal());
            case "item:Sensitivity" -> new Restrictions.Ranked(SENSITIVITY, item.sensitivity.ordinal());
            case "item:Size" -> item.size();
            case "item:ItemClass" -> item.itemClass;
            case "item:Categories" -> item.categories;
            case "item:Body" -> item.body().asText();
            case "item:IsDraft" -> message != null && message.draft;
            case "item:InReplyTo" -> message != null ? message.inReplyTo : null;
            case "item:DisplayTo" -> message != null ? Message.display(message.to) : null;
            case "item:DisplayCc" -> message != null ? Message.display(message.cc) : null;
            case "message:IsRead" -> message != null ? message.read : null;
            case "message:From" -> message != null ? names(message.from) : null;
            case "message:Sender" -> message != null ? names(message.sender) : null;
            case "message:ToRecipients" -> message != null ? names(message.to) : null;
            case "message:CcRecipients" -> message != null ? names(message.cc) : null;
            case "message:InternetMessageId" -> message != null ? message.internetMessageId : null;
            case "message:ConversationTopic" -> message != null ? message.conversationTopic : null;
            case "message:IsReadReceiptRequested" -> message != null ? message.readReceiptRequested : null;
            case "calendar:Start" -> event != null ? event.start : null;
            case "calendar:End" -> event != null ? event.end : null;
            case "calendar:Location" -> event != null ? event.location : null;
            case "calendar:IsAllDayEvent" -> event != null ? event.allDay : null;
            case "calendar:Organizer" -> event != null ? names(event.organizer != null ? event.organizer : event.mailbox.recipient())
                    : null;
            case "calendar:IsRecurring" -> event != null ? event.isRecurring() : null;
            case "calendar:UID" -> event != null ? event.uid : null;
            case "calendar:IsMeeting" -> event != null ? event.isMeeting() : null;
            case "calendar:IsCancelled" -> event != null ? event.cancelled : null;
            case "contacts:DisplayName" -> contact != null ? contact.displayName : null;
            case "contacts:GivenName" -> contact != null ? contact.givenName : null;
            case "contacts:Surname" -> contact != null ? contact.surname : null;
            case "contacts:CompanyName" -> contact != null ? contact.companyName : null;
            case "contacts:FileAs" -> contact != null ? contact.fileAs : null;
            case "contacts:JobTitle" -> contact != null ? contact.jobTitle : null;
            case "contacts:Department" -> contact != null ? contact.department : null;
            default -> contactEmail(contact, field);
        };
    }

    private static Object contactEmail(Contact contact, String field) {
        int index = field.charAt(field.length() - 1) - '1';
        return contact != null && index < contact.emailAddresses.size() ? contact.emailAddresses.get(index).address() : null;
    }

    /** A recipient is found by its name or its address. */
    private static List<String> names(Recipient recipient) {
        return recipient == null ? List.of() : List.of(recipient.name(), recipient.address());
    }

    private static List<String> names(List<Recipient> recipients) {
        List<String> names = new ArrayList<>();
        for (Recipient recipient : recipients) {
            names.add(recipient.name());
            names.add(recipient.address());
        }
        return names;
    }

    /** The texts of an item that a search on one property (from, to, subject, body, …) looks at. */
    static List<String> texts(Item item, String property) {
        List<String> texts = new ArrayList<>();
        Message message = item instanceof Message m ? m : null;
        switch (property) {
            case "subject" -> texts.add(item.subject);
            case "from" -> {
                if (message != null) {
                    texts.addAll(names(message.from));
                } else if (item instanceof CalendarEvent e && e.organizer != null) {
                    texts.addAll(names(e.organizer));
                }
            }
            case "to" -> {
                if (message != null) {
                    texts.addAll(names(message.to));
                } else if (item instanceof CalendarEvent e) {
                    e.attendees.stream().map(Attendee::recipient).forEach(r -> texts.addAll(names(r)));
                }
            }
            case "cc" -> {
                if (message != null) {
                    texts.addAll(names(message.cc));
                }
            }
            case "bcc" -> {
                if (message != null) {
                    texts.addAll(names(message.bcc));
                }
            }
            case "participants" -> {
                texts.addAll(texts(item, "from"));
                texts.addAll(texts(item, "to"));
                texts.addAll(texts(item, "cc"));
                texts.addAll(texts(item, "bcc"));
            }
            case "body" -> texts.add(item.body().asText());
            case "attachment" -> item.attachments.stream().map((Attachment a) -> a.name).forEach(texts::add);
            case "category" -> texts.addAll(item.categories);
            case "contact" -> {
                if (item instanceof Contact c) {
                    texts.add(c.displayName);
                    texts.add(c.companyName);
                    c.emailAddresses.forEach(r -> texts.add(r.address()));
                }
            }
            default -> throw new IllegalArgumentException("No searchable text property " + property);
        }
        return texts;
    }

    /**
     * The store's canonical order for a {@code m:SortOrder}, keyed on its first FieldOrder, since
     * folders cache their sorted contents per canonical comparator.
     */
    static Comparator<Item> order(XmlIn sortOrder, Comparator<Item> fallback) {
        XmlIn fieldOrder = sortOrder == null ? null : sortOrder.child("FieldOrder");
        if (fieldOrder == null) {
            return fallback;
        }
        XmlIn path = fieldOrder.first();
        String uri = path == null ? null : path.attr("FieldURI");
        ItemOrder.Property property = uri == null ? null : ORDERS.get(uri);
        if (property == null) {
            throw new EwsError("ErrorUnsupportedPathForSortGroup", "The property path is not supported for a sort or group by.");
        }
        String direction = Xsd.enumAttr(fieldOrder, "Order", "SortDirectionType", Set.of("Ascending", "Descending"), null);
        if (direction == null) {
            throw SoapFault.schema(fieldOrder, "The required attribute 'Order' is missing.");
        }
        return ItemOrder.of(property, direction.equals("Descending"));
    }

    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
