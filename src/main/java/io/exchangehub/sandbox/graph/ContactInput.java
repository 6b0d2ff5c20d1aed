package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Recipient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A contact body of a create or update, read completely before anything is applied. Contact
 * properties the store does not keep (assistant, spouse, yomi names, …) are accepted and not
 * kept, so that clients writing whole contacts are not refused.
 *
 * @param changes what to do to the contact
 */
record ContactInput(List<Consumer<Contact>> changes) {

    private static final Set<String> READ_ONLY = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime",
            "parentFolderId");
    private static final Set<String> NOT_KEPT = Set.of("assistantName", "children", "generation", "manager", "profession",
            "spouseName", "title", "yomiCompanyName", "yomiGivenName", "yomiSurname", "primaryEmailAddress",
            "secondaryEmailAddress", "tertiaryEmailAddress");
    private static final int MAX_EMAILS = 3;

    static ContactInput parse(ObjectNode body) {
        List<Consumer<Contact>> changes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (JsonIn.isAnnotation(name) || READ_ONLY.contains(name) || NOT_KEPT.contains(name)) {
                continue;
            }
            if (!ContactJson.PROPERTIES.contains(name)) {
                throw JsonIn.unknownProperty(name, ContactJson.TYPE);
            }
            switch (name) {
                case "givenName" -> text(changes, value, (c, v) -> c.givenName = v);
                case "surname" -> text(changes, value, (c, v) -> c.surname = v);
                case "middleName" -> text(changes, value, (c, v) -> c.middleName = v);
                case "displayName" -> text(changes, value, (c, v) -> c.displayName = v);
                case "nickName" -> text(changes, value, (c, v) -> c.nickname = v);
                case "initials" -> text(changes, value, (c, v) -> c.initials = v);
                case "fileAs" -> text(changes, value, (c, v) -> c.fileAs = v);
                case "companyName" -> text(changes, value, (c, v) -> c.companyName = v);
                case "department" -> text(changes, value, (c, v) -> c.department = v);
                case "jobTitle" -> text(changes, value, (c, v) -> c.jobTitle = v);
                case "officeLocation" -> text(changes, value, (c, v) -> c.officeLocation = v);
                case "businessHomePage" -> text(changes, value, (c, v) -> c.personalHomePage = v);
                case "mobilePhone" -> text(changes, value, (c, v) -> phone(c, Contact.PhoneKind.MOBILE, v));
                case "businessPhones" -> {
                    List<String> phones = JsonIn.strings(value);
                    changes.add(c -> phone(c, Contact.PhoneKind.BUSINESS, phones.isEmpty() ? "" : phones.get(0)));
                }
                case "homePhones" -> {
                    List<String> phones = JsonIn.strings(value);
                    changes.add(c -> phone(c, Contact.PhoneKind.HOME, phones.isEmpty() ? "" : phones.get(0)));
                }
                case "emailAddresses" -> {
                    List<Recipient> emails = emails(value);
                    changes.add(c -> c.emailAddresses = emails);
                }
                case "imAddresses" -> {
                    List<String> addresses = JsonIn.strings(value);
                    changes.add(c -> c.imAddresses = new ArrayList<>(addresses));
                }
                case "categories" -> {
                    List<String> categories = JsonIn.strings(value);
                    changes.add(c -> c.categories = categories);
                }
                case "birthday" -> {
                    Instant birthday = JsonIn.dateTimeOffset(value);
                    LocalDate date = birthday == null ? null : LocalDate.ofInstant(birthday, ZoneOffset.UTC);
                    changes.add(c -> c.birthday = date);
                }
                case "personalNotes" -> {
                    String notes = JsonIn.string(value);
                    changes.add(c -> c.body(Body.text(notes == null ? "" : notes)));
                }
                case "businessAddress" -> address(changes, value, Contact.AddressKind.BUSINESS);
                case "homeAddress" -> address(changes, value, Contact.AddressKind.HOME);
                case "otherAddress" -> address(changes, value, Contact.AddressKind.OTHER);
                default -> throw GraphException.bodyRead("The property '" + name + "' cannot be set on a contact.");
            }
        }
        return new ContactInput(List.copyOf(changes));
    }

    private static void text(List<Consumer<Contact>> changes, JsonNode value, BiConsumer<Contact, String> setter) {
        String text = JsonIn.string(value);
        changes.add(c -> setter.accept(c, text == null ? "" : text));
    }

    /** Phones and addresses are maps of the contact; they are replaced, never changed in place. */
    private static void phone(Contact contact, Contact.PhoneKind kind, String number) {
        Map<Contact.PhoneKind, String> phones = new EnumMap<>(Contact.PhoneKind.class);
        phones.putAll(contact.phones);
        if (number == null || number.isBlank()) {
            phones.remove(kind);
        } else {
            phones.put(kind, number);
        }
        contact.phones = phones;
    }

    private static List<Recipient> emails(JsonNode value) {
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw GraphException.bodyRead("Cannot convert the literal to the expected type 'Collection(microsoft.graph.emailAddress)'.");
        }
        if (value.size() > MAX_EMAILS) {
            throw GraphException.badRequest("ErrorInvalidRequest", "A contact has at most three email addresses.");
        }
        List<Recipient> emails = new ArrayList<>();
        for (JsonNode node : value) {
            emails.add(JsonIn.emailAddress(node));
        }
        return List.copyOf(emails);
    }

    private static void address(List<Consumer<Contact>> changes, JsonNode value, Contact.AddressKind kind) {
        Contact.Address address;
        if (value.isNull()) {
            address = null;
        } else {
            if (!value.isObject()) {
                throw GraphException.bodyRead("Cannot convert the literal to the expected type 'microsoft.graph.physicalAddress'.");
            }
            JsonIn.checkProperties((ObjectNode) value, Set.of("street", "city", "state", "countryOrRegion", "postalCode"),
                    "microsoft.graph.physicalAddress");
            address = new Contact.Address(orEmpty(value.get("street")), orEmpty(value.get("city")), orEmpty(value.get("state")),
                    orEmpty(value.get("postalCode")), orEmpty(value.get("countryOrRegion")));
        }
        changes.add(c -> {
            Map<Contact.AddressKind, Contact.Address> addresses = new EnumMap<>(Contact.AddressKind.class);
            addresses.putAll(c.addresses);
            if (address == null || address.equals(new Contact.Address("", "", "", "", ""))) {
                addresses.remove(kind);
            } else {
                addresses.put(kind, address);
            }
            c.addresses = addresses;
        });
    }

    private static String orEmpty(JsonNode value) {
        String text = JsonIn.string(value);
        return text == null ? "" : text;
    }

    void apply(Contact contact) {
        changes.forEach(change -> change.accept(contact));
    }
}
