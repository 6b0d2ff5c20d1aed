package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.Recipient;
import java.util.Set;

/** {@code microsoft.graph.contact}. */
final class ContactJson {

    static final String TYPE = "microsoft.graph.contact";

    /** Every property of the type in v1.0. */
    static final Set<String> PROPERTIES = Set.of("id", "categories", "changeKey", "createdDateTime", "lastModifiedDateTime",
            "assistantName", "birthday", "businessAddress", "businessHomePage", "businessPhones", "children", "companyName",
            "department", "displayName", "emailAddresses", "fileAs", "generation", "givenName", "homeAddress", "homePhones",
            "imAddresses", "initials", "jobTitle", "manager", "middleName", "mobilePhone", "nickName", "officeLocation",
            "otherAddress", "parentFolderId", "personalNotes", "primaryEmailAddress", "profession", "secondaryEmailAddress",
            "spouseName", "surname", "tertiaryEmailAddress", "title", "yomiCompanyName", "yomiGivenName", "yomiSurname",
            "extensions", "multiValueExtendedProperties", "photo", "singleValueExtendedProperties");

    private ContactJson() {}

    static ObjectNode write(Contact c, Projection p) {
        ObjectNode node = GraphJson.NODES.objectNode();
        if (p.withType()) {
            node.put("@odata.type", "#" + TYPE);
        }
        node.put("@odata.etag", GraphJson.etag(c.changeKey()));
        node.put("id", c.id);
        if (p.wants("createdDateTime")) {
            node.put("createdDateTime", GraphJson.instant(c.created));
        }
        if (p.wants("lastModifiedDateTime")) {
            node.put("lastModifiedDateTime", GraphJson.instant(c.lastModified));
        }
        if (p.wants("changeKey")) {
            node.put("changeKey", c.changeKey());
        }
        if (p.wants("categories")) {
            node.set("categories", GraphJson.strings(c.categories));
        }
        if (p.wants("parentFolderId") && c.folder != null) {
            node.put("parentFolderId", c.folder.id);
        }
        if (p.wants("birthday")) {
            node.put("birthday", c.birthday == null ? null : c.birthday + "T11:59:00Z");
        }
        text(node, p, "fileAs", c.fileAs);
        text(node, p, "displayName", c.displayName);
        text(node, p, "givenName", c.givenName);
        text(node, p, "initials", c.initials);
        text(node, p, "middleName", c.middleName);
        text(node, p, "nickName", c.nickname);
        text(node, p, "surname", c.surname);
        text(node, p, "jobTitle", c.jobTitle);
        text(node, p, "companyName", c.companyName);
        text(node, p, "department", c.department);
        text(node, p, "officeLocation", c.officeLocation);
        text(node, p, "businessHomePage", c.personalHomePage);
        if (p.wants("imAddresses")) {
            node.set("imAddresses", GraphJson.strings(c.imAddresses));
        }
        phones(node, p, "homePhones", c.phones.get(Contact.PhoneKind.HOME));
        text(node, p, "mobilePhone", c.phones.get(Contact.PhoneKind.MOBILE));
        phones(node, p, "businessPhones", c.phones.get(Contact.PhoneKind.BUSINESS));
        if (p.wants("personalNotes")) {
            Body notes = c.body();
            node.put("personalNotes", notes.asText());
        }
        if (p.wants("emailAddresses")) {
            ArrayNode emails = node.putArray("emailAddresses");
            for (Recipient email : c.emailAddresses) {
                emails.add(GraphJson.emailAddress(email));
            }
        }
        address(node, p, "homeAddress", c.addresses.get(Contact.AddressKind.HOME));
        address(node, p, "businessAddress", c.addresses.get(Contact.AddressKind.BUSINESS));
        address(node, p, "otherAddress", c.addresses.get(Contact.AddressKind.OTHER));
        return node;
    }

    private static void text(ObjectNode node, Projection p, String name, String value) {
        if (p.wants(name)) {
            node.put(name, GraphJson.blankToNull(value));
        }
    }

    private static void phones(ObjectNode node, Projection p, String name, String phone) {
        if (p.wants(name)) {
            ArrayNode phones = node.putArray(name);
            if (phone != null && !phone.isBlank()) {
                phones.add(phone);
            }
        }
    }

    private static void address(ObjectNode node, Projection p, String name, Contact.Address address) {
        if (!p.wants(name)) {
            return;
        }
        ObjectNode a = node.putObject(name);
        if (address != null) {
            a.put("street", address.street());
            a.put("city", address.city());
            a.put("state", address.state());
            a.put("countryOrRegion", address.country());
            a.put("postalCode", address.postalCode());
        }
    }
}
