package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Attendee;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Flag;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Recipient;
import io.exchangehub.sandbox.store.Recurrence;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.Sensitivity;
import io.exchangehub.sandbox.store.ShowAs;
import io.exchangehub.sandbox.store.StoreException;
import io.exchangehub.sandbox.store.TimeZones;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Item XML ({@code t:Message}, {@code t:CalendarItem}, {@code t:Contact}) read into changes of
 * store items. Everything is parsed and checked first, so that applying the changes, inside one
 * store write, cannot fail half-way: a request with a bad value leaves the store unchanged.
 */
final class ItemReader {

    private static final Set<String> IMPORTANCES = Set.of("Low", "Normal", "High");
    private static final Set<String> SENSITIVITIES = Set.of("Normal", "Personal", "Private", "Confidential");
    private static final Set<String> BODY_TYPES = Set.of("HTML", "Text");
    private static final Set<String> FREE_BUSY = Set.of("Free", "Tentative", "Busy", "OOF", "WorkingElsewhere", "NoData");
    private static final Set<String> FLAG_STATUSES = Set.of("NotFlagged", "Flagged", "Complete");
    private static final Set<String> ADDRESS_KEYS = Set.of("Business", "Home", "Other");

    /** Contact texts DeleteItemField empties. */
    private static final Set<String> CONTACT_TEXTS = Set.of("contacts:FileAs", "contacts:DisplayName", "contacts:GivenName",
            "contacts:Initials", "contacts:MiddleName", "contacts:Nickname", "contacts:CompanyName", "contacts:Department",
            "contacts:JobTitle", "contacts:OfficeLocation", "contacts:Surname", "contacts:BusinessHomePage");

    /** What an UpdateItem path names: the element it stands for in item XML. */
    private static final Map<String, String> INDEXED_ELEMENTS = Map.of("contacts:EmailAddress", "EmailAddresses",
            "contacts:PhoneNumber", "PhoneNumbers", "contacts:ImAddress", "ImAddresses", "contacts:PhysicalAddress",
            "PhysicalAddresses");

    private ItemReader() {}

    /**
     * One parsed property value.
     *
     * @param element the element it came from
     * @param kind    the kind of item it applies to
     * @param action  applies it
     */
    record Change(String element, Class<? extends Item> kind, Consumer<Item> action) {

        boolean appliesTo(Item item) {
            return kind.isInstance(item);
        }
    }

    /**
     * A whole item element, parsed.
     *
     * @param changes     its properties
     * @param read        its IsRead, if given
     * @param attachments its {@code t:Attachments} children, created after the item
     * @param mime        its MimeContent, if given
     */
    record Parsed(List<Change> changes, Boolean read, List<XmlIn> attachments, XmlIn mime) {

        /** Applies every change that fits the item. */
        void applyTo(Item item) {
            for (Change change : changes) {
                if (change.appliesTo(item)) {
                    change.action().accept(item);
                }
            }
            normalizeAllDay(item);
        }
    }

    /** Parses every property of an item element. */
    static Parsed read(XmlIn element) {
        List<Change> changes = new ArrayList<>();
        Boolean read = null;
        List<XmlIn> attachments = List.of();
        XmlIn mime = null;
        for (XmlIn child : element.children()) {
            switch (child.name()) {
                case "IsRead" -> read = Xsd.bool(child, false);
                case "Attachments" -> attachments = child.children();
                case "MimeContent" -> mime = child;
                default -> {
                    Change change = set(child);
                    if (change != null) {
                        changes.add(change);
                    }
                }
            }
        }
        return new Parsed(List.copyOf(changes), read, attachments, mime);
    }

    /** The element name of item XML that an UpdateItem property path stands for. */
    static String elementFor(XmlIn path) {
        String uri = path.attr("FieldURI");
        if (uri == null) {
            throw new EwsError("ErrorInvalidPropertySet", "Extended properties cannot be updated in the sandbox.");
        }
        if (path.name().equals("IndexedFieldURI")) {
            String base = uri.startsWith("contacts:PhysicalAddress") ? "contacts:PhysicalAddress" : uri;
            String element = INDEXED_ELEMENTS.get(base);
            if (element == null) {
                throw SoapFault.invalidValue(path, "FieldURI", uri, "DictionaryURIType");
            }
            return element;
        }
        return uri.substring(uri.indexOf(':') + 1);
    }

    /**
     * The change one property element makes; null for properties the sandbox keeps no value of
     * (extended properties, client-side flags), which it accepts and ignores as Exchange ignores
     * read-only ones on create.
     */
    static Change set(XmlIn e) {
        String name = e.name();
        return switch (name) {
            case "ItemClass" -> item(name, i -> i.itemClass = e.token());
            case "Subject" -> {
                String subject = e.text();
                yield item(name, i -> i.subject = subject);
            }
            case "Sensitivity" -> {
                Sensitivity value = Sensitivity.valueOf(Xsd.enumValue(e, e.text(), name, "SensitivityChoicesType", SENSITIVITIES)
                        .toUpperCase(Locale.ROOT));
                yield item(name, i -> i.sensitivity = value);
            }
            case "Body" -> {
                Body body = body(e);
                yield item(name, i -> i.body(body));
            }
            case "Categories" -> {
                List<String> categories = e.children("String").stream().map(XmlIn::text).toList();
                yield item(name, i -> i.categories = categories);
            }
            case "Importance" -> {
                Importance value = Importance.valueOf(Xsd.enumValue(e, e.text(), name, "ImportanceChoicesType", IMPORTANCES)
                        .toUpperCase(Locale.ROOT));
                yield item(name, i -> i.importance = value);
            }
            case "ReminderIsSet" -> {
                boolean value = Xsd.bool(e, false);
                yield item(name, i -> i.reminderSet = value);
            }
            case "ReminderMinutesBeforeStart" -> {
                int minutes = Xsd.integer(e);
                yield item(name, i -> i.reminderMinutesBeforeStart = minutes);
            }
            case "InReplyTo" -> {
                String value = e.text();
                yield message(name, m -> m.inReplyTo = value);
            }
            case "Sender" -> {
                Recipient value = single(e);
                yield message(name, m -> m.sender = value);
            }
            case "From" -> {
                Recipient value = single(e);
                yield message(name, m -> m.from = value);
            }
            case "ToRecipients" -> {
                List<Recipient> value = recipients(e);
                yield message(name, m -> m.to = new ArrayList<>(value));
            }
            case "CcRecipients" -> {
                List<Recipient> value = recipients(e);
                yield message(name, m -> m.cc = new ArrayList<>(value));
            }
            case "BccRecipients" -> {
                List<Recipient> value = recipients(e);
                yield message(name, m -> m.bcc = new ArrayList<>(value));
            }
            case "ReplyTo" -> {
                List<Recipient> value = recipients(e);
                yield message(name, m -> m.replyTo = new ArrayList<>(value));
            }
            case "IsReadReceiptRequested" -> {
                boolean value = Xsd.bool(e, false);
                yield message(name, m -> m.readReceiptRequested = value);
            }
            case "IsDeliveryReceiptRequested" -> {
                boolean value = Xsd.bool(e, false);
                yield message(name, m -> m.deliveryReceiptRequested = value);
            }
            case "References" -> {
                String value = e.text();
                yield message(name, m -> m.references = value);
            }
            case "InternetMessageId" -> {
                String value = e.token();
                yield message(name, m -> m.internetMessageId = value);
            }
            case "Flag" -> {
                Flag flag = flag(e);
                yield message(name, m -> m.flag = flag);
            }
            case "Start" -> {
                Instant value = Xsd.dateTime(e);
                yield event(name, ev -> ev.start = value);
            }
            case "End" -> {
                Instant value = Xsd.dateTime(e);
                yield event(name, ev -> ev.end = value);
            }
            case "IsAllDayEvent" -> {
                boolean value = Xsd.bool(e, false);
                yield event(name, ev -> ev.allDay = value);
            }
            case "LegacyFreeBusyStatus" -> {
                ShowAs value = showAs(Xsd.enumValue(e, e.text(), name, "LegacyFreeBusyType", FREE_BUSY));
                yield event(name, ev -> ev.showAs = value);
            }
            case "Location" -> {
                String value = e.text();
                yield event(name, ev -> ev.location = value);
            }
            case "IsResponseRequested" -> {
                boolean value = Xsd.bool(e, true);
                yield event(name, ev -> ev.responseRequested = value);
            }
            case "AllowNewTimeProposal" -> {
                boolean value = Xsd.bool(e, true);
                yield event(name, ev -> ev.allowNewTimeProposal = value);
            }
            case "IsOnlineMeeting" -> {
                boolean value = Xsd.bool(e, false);
                yield event(name, ev -> ev.onlineMeeting = value);
            }
            case "RequiredAttendees", "OptionalAttendees", "Resources" -> {
                Attendee.Type type = attendeeType(name);
                List<Attendee> value = attendees(e, type);
                yield event(name, ev -> ev.attendees = replaceAttendees(ev.attendees, type, value));
            }
            case "Recurrence" -> {
                Recurrence value = RecurrenceXml.read(e);
                yield event(name, ev -> ev.recurrence = value);
            }
            case "StartTimeZone" -> {
                ZoneId zone = zone(e, e.attr("Id"));
                yield event(name, ev -> ev.startZone = zone);
            }
            case "EndTimeZone" -> {
                ZoneId zone = zone(e, e.attr("Id"));
                yield event(name, ev -> ev.endZone = zone);
            }
            case "MeetingTimeZone" -> {
                ZoneId zone = meetingTimeZone(e);
                yield event(name, ev -> {
                    ev.startZone = zone;
                    ev.endZone = zone;
                });
            }
            case "FileAs" -> contactText(e, (c, v) -> c.fileAs = v);
            case "DisplayName" -> contactText(e, (c, v) -> c.displayName = v);
            case "GivenName" -> contactText(e, (c, v) -> c.givenName = v);
            case "Initials" -> contactText(e, (c, v) -> c.initials = v);
            case "MiddleName" -> contactText(e, (c, v) -> c.middleName = v);
            case "Nickname" -> contactText(e, (c, v) -> c.nickname = v);
            case "CompanyName" -> contactText(e, (c, v) -> c.companyName = v);
            case "Department" -> contactText(e, (c, v) -> c.department = v);
            case "JobTitle" -> contactText(e, (c, v) -> c.jobTitle = v);
            case "OfficeLocation" -> contactText(e, (c, v) -> c.officeLocation = v);
            case "Surname" -> contactText(e, (c, v) -> c.surname = v);
            case "BusinessHomePage" -> contactText(e, (c, v) -> c.personalHomePage = v);
            case "Birthday" -> {
                LocalDate value = Xsd.dateTime(e).atOffset(ZoneOffset.UTC).toLocalDate();
                yield contact(name, c -> c.birthday = value);
            }
            case "EmailAddresses" -> emailAddresses(e);
            case "PhoneNumbers" -> phoneNumbers(e);
            case "PhysicalAddresses" -> physicalAddresses(e);
            case "ImAddresses" -> imAddresses(e);
            default -> null;
        };
    }

    /** AppendToItemField: the recipients, attendees, categories or body text are added to what is there. */
    static Change append(XmlIn e) {
        String name = e.name();
        return switch (name) {
            case "Body" -> {
                Body addition = body(e);
                yield item(name, i -> {
                    Body current = i.body();
                    i.body(current.content().isEmpty() ? addition
                            : new Body(current.type(), current.content() + addition.as(current.type()).content()));
                });
            }
            case "Categories" -> {
                List<String> more = e.children("String").stream().map(XmlIn::text).toList();
                yield item(name, i -> {
                    List<String> categories = new ArrayList<>(i.categories);
                    more.stream().filter(c -> !categories.contains(c)).forEach(categories::add);
                    i.categories = List.copyOf(categories);
                });
            }
            case "ToRecipients" -> {
                List<Recipient> more = recipients(e);
                yield message(name, m -> m.to = appended(m.to, more));
            }
            case "CcRecipients" -> {
                List<Recipient> more = recipients(e);
                yield message(name, m -> m.cc = appended(m.cc, more));
            }
            case "BccRecipients" -> {
                List<Recipient> more = recipients(e);
                yield message(name, m -> m.bcc = appended(m.bcc, more));
            }
            case "ReplyTo" -> {
                List<Recipient> more = recipients(e);
                yield message(name, m -> m.replyTo = appended(m.replyTo, more));
            }
            case "RequiredAttendees", "OptionalAttendees", "Resources" -> {
                List<Attendee> more = attendees(e, attendeeType(name));
                yield event(name, ev -> {
                    List<Attendee> all = new ArrayList<>(ev.attendees);
                    all.addAll(more);
                    ev.attendees = all;
                });
            }
            default -> throw new EwsError("ErrorInvalidPropertyAppend", "The property '" + name + "' cannot be appended to.");
        };
    }

    /** DeleteItemField: the property goes back to empty, as far as it can. */
    static Change delete(XmlIn path) {
        String uri = path.attr("FieldURI", "");
        String index = path.attr("FieldIndex");
        return switch (uri) {
            case "item:Categories" -> item(uri, i -> i.categories = List.of());
            case "item:Body" -> item(uri, i -> i.body(Body.empty()));
            case "item:ReminderIsSet" -> item(uri, i -> i.reminderSet = false);
            case "item:Subject" -> item(uri, i -> i.subject = "");
            case "contacts:Birthday" -> contact(uri, c -> c.birthday = null);
            case "message:ToRecipients" -> message(uri, m -> m.to = new ArrayList<>());
            case "message:CcRecipients" -> message(uri, m -> m.cc = new ArrayList<>());
            case "message:BccRecipients" -> message(uri, m -> m.bcc = new ArrayList<>());
            case "message:ReplyTo" -> message(uri, m -> m.replyTo = new ArrayList<>());
            case "item:Flag" -> message(uri, m -> m.flag = Flag.NONE);
            case "calendar:Location" -> event(uri, ev -> ev.location = "");
            case "calendar:Recurrence" -> event(uri, ev -> ev.recurrence = null);
            case "calendar:RequiredAttendees" -> event(uri, ev -> ev.attendees = replaceAttendees(ev.attendees,
                    Attendee.Type.REQUIRED, List.of()));
            case "calendar:OptionalAttendees" -> event(uri, ev -> ev.attendees = replaceAttendees(ev.attendees,
                    Attendee.Type.OPTIONAL, List.of()));
            case "calendar:Resources" -> event(uri, ev -> ev.attendees = replaceAttendees(ev.attendees,
                    Attendee.Type.RESOURCE, List.of()));
            case "contacts:EmailAddress" -> {
                int position = entryIndex(path, index, "EmailAddress");
                yield contact(uri, c -> {
                    List<Recipient> addresses = new ArrayList<>(c.emailAddresses);
                    if (position < addresses.size()) {
                        addresses.remove(position);
                    }
                    c.emailAddresses = addresses;
                });
            }
            case "contacts:PhoneNumber" -> {
                Contact.PhoneKind kind = ItemXml.phoneKind(index);
                if (kind == null) {
                    throw new EwsError("ErrorInvalidPropertyDelete", "The sandbox keeps no phone number '" + index + "'.");
                }
                yield contact(uri, c -> {
                    Map<Contact.PhoneKind, String> phones = phones(c);
                    phones.remove(kind);
                    c.phones = phones;
                });
            }
            case "contacts:ImAddress" -> {
                int position = entryIndex(path, index, "ImAddress");
                yield contact(uri, c -> {
                    List<String> addresses = new ArrayList<>(c.imAddresses);
                    if (position < addresses.size()) {
                        addresses.remove(position);
                    }
                    c.imAddresses = addresses;
                });
            }
            default -> {
                if (uri.startsWith("contacts:PhysicalAddress:")) {
                    String field = uri.substring("contacts:PhysicalAddress:".length());
                    Contact.AddressKind kind = addressKind(path, index);
                    yield contact(uri, c -> {
                        Map<Contact.AddressKind, Contact.Address> addresses = addresses(c);
                        Contact.Address address = addresses.get(kind);
                        if (address != null) {
                            addresses.put(kind, withField(address, field, ""));
                            c.addresses = addresses;
                        }
                    });
                }
                if (CONTACT_TEXTS.contains(uri)) {
                    yield set(new XmlIn(null, uri.substring("contacts:".length()), path.line(), path.column()));
                }
                throw new EwsError("ErrorInvalidPropertyDelete", "The property '" + uri + "' cannot be deleted.");
            }
        };
    }

    // ------------------------------------------------------------------ helpers

    private static Change item(String element, Consumer<Item> action) {
        return new Change(element, Item.class, action);
    }

    private static Change message(String element, Consumer<Message> action) {
        return new Change(element, Message.class, i -> action.accept((Message) i));
    }

    private static Change event(String element, Consumer<CalendarEvent> action) {
        return new Change(element, CalendarEvent.class, i -> action.accept((CalendarEvent) i));
    }

    private static Change contact(String element, Consumer<Contact> action) {
        return new Change(element, Contact.class, i -> action.accept((Contact) i));
    }

    private interface TextSetter {
        void set(Contact contact, String value);
    }

    private static Change contactText(XmlIn e, TextSetter setter) {
        String value = e.text();
        return contact(e.name(), c -> setter.set(c, value));
    }

    static Body body(XmlIn e) {
        String type = Xsd.enumValue(e, e.attr("BodyType"), "BodyType", "BodyTypeType", BODY_TYPES);
        return type.equals("HTML") ? Body.html(e.text()) : Body.text(e.text());
    }

    /** A {@code t:Mailbox}: its address, or its name when that is all the client knows. */
    static Recipient recipient(XmlIn mailbox) {
        String address = mailbox.childText("EmailAddress");
        String name = mailbox.childText("Name");
        return new Recipient(name == null ? "" : name.strip(), address == null ? "" : address.strip());
    }

    private static Recipient single(XmlIn e) {
        XmlIn mailbox = e.require("Mailbox");
        return recipient(mailbox);
    }

    static List<Recipient> recipients(XmlIn e) {
        List<Recipient> recipients = new ArrayList<>();
        for (XmlIn mailbox : e.children("Mailbox")) {
            recipients.add(recipient(mailbox));
        }
        return List.copyOf(recipients);
    }

    /** The recipients with those of {@code more} whose addresses are not among them yet. */
    static List<Recipient> appended(List<Recipient> current, List<Recipient> more) {
        List<Recipient> all = new ArrayList<>(current);
        for (Recipient recipient : more) {
            if (all.stream().noneMatch(r -> r.sameAddress(recipient.address()))) {
                all.add(recipient);
            }
        }
        return all;
    }

    private static Attendee.Type attendeeType(String element) {
        return switch (element) {
            case "RequiredAttendees" -> Attendee.Type.REQUIRED;
            case "OptionalAttendees" -> Attendee.Type.OPTIONAL;
            default -> Attendee.Type.RESOURCE;
        };
    }

    private static List<Attendee> attendees(XmlIn e, Attendee.Type type) {
        List<Attendee> attendees = new ArrayList<>();
        for (XmlIn attendee : e.children("Attendee")) {
            attendees.add(new Attendee(recipient(attendee.require("Mailbox")), type, ResponseType.NOT_RESPONDED, null));
        }
        return List.copyOf(attendees);
    }

    /** The attendees of one type replaced, keeping the answers of those who stay. */
    private static List<Attendee> replaceAttendees(List<Attendee> current, Attendee.Type type, List<Attendee> replacement) {
        List<Attendee> result = new ArrayList<>();
        for (Attendee attendee : current) {
            if (attendee.type() != type) {
                result.add(attendee);
            }
        }
        for (Attendee attendee : replacement) {
            Attendee previous = current.stream().filter(a -> a.recipient().sameAddress(attendee.recipient().address()))
                    .findFirst().orElse(null);
            result.add(previous == null ? attendee
                    : new Attendee(attendee.recipient(), type, previous.response(), previous.responseTime()));
        }
        return result;
    }

    private static ShowAs showAs(String value) {
        return switch (value) {
            case "Free" -> ShowAs.FREE;
            case "Tentative" -> ShowAs.TENTATIVE;
            case "OOF" -> ShowAs.OOF;
            case "WorkingElsewhere" -> ShowAs.WORKING_ELSEWHERE;
            case "NoData" -> ShowAs.NO_DATA;
            default -> ShowAs.BUSY;
        };
    }

    private static Flag flag(XmlIn e) {
        String status = Xsd.enumValue(e, e.require("FlagStatus").text(), "FlagStatus", "FlagStatusType", FLAG_STATUSES);
        Instant start = e.child("StartDate") == null ? null : Xsd.dateTime(e.child("StartDate"));
        Instant due = e.child("DueDate") == null ? null : Xsd.dateTime(e.child("DueDate"));
        Instant completed = e.child("CompleteDate") == null ? null : Xsd.dateTime(e.child("CompleteDate"));
        return switch (status) {
            case "Flagged" -> new Flag(Flag.Status.FLAGGED, start, due, null);
            case "Complete" -> new Flag(Flag.Status.COMPLETE, start, due, completed == null ? Instant.now() : completed);
            default -> Flag.NONE;
        };
    }

    private static ZoneId zone(XmlIn at, String name) {
        try {
            return TimeZones.zone(name);
        } catch (StoreException e) {
            throw new EwsError("ErrorTimeZone", "The time zone '" + name + "' is not valid.");
        }
    }

    /**
     * Exchange 2007's MeetingTimeZone: by its TimeZoneName when Windows knows it, else the fixed
     * offset its BaseOffset gives (a bias: UTC = local + bias).
     */
    private static ZoneId meetingTimeZone(XmlIn e) {
        String name = e.attr("TimeZoneName");
        if (name != null && !name.isBlank()) {
            try {
                return TimeZones.zone(name);
            } catch (StoreException unknown) {
                // fall back to the offset below
            }
        }
        XmlIn baseOffset = e.child("BaseOffset");
        if (baseOffset == null) {
            throw new EwsError("ErrorTimeZone", "The MeetingTimeZone has neither a known TimeZoneName nor a BaseOffset.");
        }
        try {
            Duration bias = Duration.parse(baseOffset.token());
            return ZoneOffset.ofTotalSeconds((int) -bias.getSeconds());
        } catch (java.time.DateTimeException ex) {
            throw SoapFault.invalidValue(baseOffset, "BaseOffset", baseOffset.token(), "http://www.w3.org/2001/XMLSchema:duration");
        }
    }

    /** An all-day event runs from midnight to midnight on its own wall clock, whatever times the client sent. */
    static void normalizeAllDay(Item item) {
        if (!(item instanceof CalendarEvent event) || !event.allDay || event.start == null || event.end == null) {
            return;
        }
        ZoneId zone = event.startZone != null ? event.startZone : event.mailbox.timeZone;
        LocalDate first = event.start.atZone(zone).toLocalDate();
        LocalDate endDate = event.end.atZone(zone).toLocalDate();
        if (!event.end.atZone(zone).toLocalTime().equals(LocalTime.MIDNIGHT) || !endDate.isAfter(first)) {
            endDate = endDate.plusDays(1);
        }
        event.start = first.atStartOfDay(zone).toInstant();
        event.end = endDate.atStartOfDay(zone).toInstant();
    }

    private static Change emailAddresses(XmlIn e) {
        Map<Integer, String> entries = new LinkedHashMap<>();
        for (XmlIn entry : e.children("Entry")) {
            entries.put(entryIndex(entry, entry.attr("Key"), "EmailAddress"), entry.token());
        }
        return contact(e.name(), c -> {
            List<Recipient> addresses = new ArrayList<>(c.emailAddresses);
            entries.forEach((position, address) -> {
                Recipient recipient = new Recipient(c.displayName, address);
                while (addresses.size() < position) {
                    addresses.add(new Recipient("", ""));
                }
                if (position < addresses.size()) {
                    addresses.set(position, recipient);
                } else {
                    addresses.add(recipient);
                }
            });
            addresses.removeIf(r -> r.address().isEmpty());
            c.emailAddresses = addresses;
        });
    }

    private static int entryIndex(XmlIn at, String key, String prefix) {
        if (key == null || !key.matches(prefix + "[123]")) {
            throw SoapFault.invalidValue(at, "Key", key, prefix + "KeyType");
        }
        return key.charAt(key.length() - 1) - '1';
    }

    private static Change phoneNumbers(XmlIn e) {
        Map<Contact.PhoneKind, String> entries = new EnumMap<>(Contact.PhoneKind.class);
        for (XmlIn entry : e.children("Entry")) {
            Contact.PhoneKind kind = ItemXml.phoneKind(entry.attr("Key"));
            if (kind == null) {
                throw new EwsError("ErrorInvalidValueForProperty", "The sandbox keeps no phone number '" + entry.attr("Key") + "'.");
            }
            entries.put(kind, entry.token());
        }
        return contact(e.name(), c -> {
            Map<Contact.PhoneKind, String> phones = phones(c);
            entries.forEach((kind, number) -> {
                if (number.isEmpty()) {
                    phones.remove(kind);
                } else {
                    phones.put(kind, number);
                }
            });
            c.phones = phones;
        });
    }

    /** Copies of a contact's maps to change: an item's collections are replaced, never changed in place. */
    private static Map<Contact.PhoneKind, String> phones(Contact contact) {
        Map<Contact.PhoneKind, String> copy = new EnumMap<>(Contact.PhoneKind.class);
        copy.putAll(contact.phones);
        return copy;
    }

    private static Map<Contact.AddressKind, Contact.Address> addresses(Contact contact) {
        Map<Contact.AddressKind, Contact.Address> copy = new EnumMap<>(Contact.AddressKind.class);
        copy.putAll(contact.addresses);
        return copy;
    }

    private static Contact.AddressKind addressKind(XmlIn at, String key) {
        String value = Xsd.enumValue(at, key, "Key", "PhysicalAddressKeyType", ADDRESS_KEYS);
        return Contact.AddressKind.valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Merges the given parts of each address into what the contact has. */
    private static Change physicalAddresses(XmlIn e) {
        Map<Contact.AddressKind, Map<String, String>> entries = new EnumMap<>(Contact.AddressKind.class);
        for (XmlIn entry : e.children("Entry")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (XmlIn part : entry.children()) {
                fields.put(part.name(), part.text());
            }
            entries.put(addressKind(entry, entry.attr("Key")), fields);
        }
        return contact(e.name(), c -> {
            Map<Contact.AddressKind, Contact.Address> addresses = addresses(c);
            entries.forEach((kind, fields) -> {
                Contact.Address address = addresses.getOrDefault(kind, new Contact.Address("", "", "", "", ""));
                for (Map.Entry<String, String> field : fields.entrySet()) {
                    address = withField(address, field.getKey(), field.getValue());
                }
                addresses.put(kind, address);
            });
            c.addresses = addresses;
        });
    }

    private static Contact.Address withField(Contact.Address a, String field, String value) {
        return switch (field) {
            case "Street" -> new Contact.Address(value, a.city(), a.state(), a.postalCode(), a.country());
            case "City" -> new Contact.Address(a.street(), value, a.state(), a.postalCode(), a.country());
            case "State" -> new Contact.Address(a.street(), a.city(), value, a.postalCode(), a.country());
            case "PostalCode" -> new Contact.Address(a.street(), a.city(), a.state(), value, a.country());
            case "CountryOrRegion" -> new Contact.Address(a.street(), a.city(), a.state(), a.postalCode(), value);
            default -> a;
        };
    }

    private static Change imAddresses(XmlIn e) {
        Map<Integer, String> entries = new LinkedHashMap<>();
        for (XmlIn entry : e.children("Entry")) {
            entries.put(entryIndex(entry, entry.attr("Key"), "ImAddress"), entry.token());
        }
        return contact(e.name(), c -> {
            List<String> addresses = new ArrayList<>(c.imAddresses);
            entries.forEach((position, address) -> {
                while (addresses.size() < position) {
                    addresses.add("");
                }
                if (position < addresses.size()) {
                    addresses.set(position, address);
                } else {
                    addresses.add(address);
                }
            });
            addresses.removeIf(String::isEmpty);
            c.imAddresses = addresses;
        });
    }
}
