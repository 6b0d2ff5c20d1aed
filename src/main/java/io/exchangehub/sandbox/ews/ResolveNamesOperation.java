package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Contact;
import io.exchangehub.sandbox.store.DirectoryEntry;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * ResolveNames: ambiguous name resolution over the caller's contacts and the organisation's
 * directory, in the order SearchScope asks; one match is a Success, several a Warning
 * (ErrorNameResolutionMultipleResults), none an Error (ErrorNameResolutionNoResults).
 */
@Component
final class ResolveNamesOperation implements EwsOperation {

    private static final Set<String> SCOPES = Set.of("ActiveDirectory", "ActiveDirectoryContacts", "Contacts",
            "ContactsActiveDirectory");
    /** Exchange returns at most 100 resolutions. */
    private static final int LIMIT = 100;

    @Override
    public String name() {
        return "ResolveNames";
    }

    @Override
    public XmlOut execute(EwsRequest request) {
        XmlIn operation = request.operation();
        boolean fullData = Xsd.boolAttr(operation, "ReturnFullContactData", false);
        String scope = Xsd.enumAttr(operation, "SearchScope", "ResolveNamesSearchScopeType", SCOPES, "ActiveDirectoryContacts");
        String text = operation.require("UnresolvedEntry").text();
        return request.store().read(() -> {
            Mailbox mailbox = Ids.own(request);
            List<Resolution> found = resolve(request, mailbox, text, scope);
            XmlOut response = Responses.response(name());
            XmlOut messages = response.child("m:ResponseMessages");
            String messageName = name() + "ResponseMessage";
            if (found.isEmpty()) {
                messages.add(Envelopes.error(messageName, new EwsError("ErrorNameResolutionNoResults", "No results were found.")));
                return response;
            }
            XmlOut message = found.size() == 1 ? Envelopes.success(messageName) : Envelopes.warning(messageName,
                    new EwsError("ErrorNameResolutionMultipleResults", "Multiple results were found."));
            messages.add(message);
            List<Resolution> shown = found.subList(0, Math.min(LIMIT, found.size()));
            XmlOut set = message.child("m:ResolutionSet").attr("TotalItemsInView", found.size())
                    .attr("IncludesLastItemInRange", Xsd.bool(shown.size() == found.size()));
            for (Resolution resolution : shown) {
                set.add(resolution(request, resolution, fullData));
            }
            return response;
        });
    }

    private static List<Resolution> resolve(EwsRequest request, Mailbox mailbox, String text, String scope) {
        List<Resolution> contacts = scope.equals("ActiveDirectory") ? List.of()
                : request.store().resolveNames(mailbox, text, true, false);
        List<Resolution> directory = scope.equals("Contacts") ? List.of()
                : request.store().resolveNames(mailbox, text, false, true);
        List<Resolution> all = new ArrayList<>();
        if (scope.startsWith("Contacts")) {
            all.addAll(contacts);
            all.addAll(directory);
        } else {
            all.addAll(directory);
            all.addAll(contacts);
        }
        return all;
    }

    private static XmlOut resolution(EwsRequest request, Resolution resolution, boolean fullData) {
        XmlOut element = XmlOut.t("Resolution");
        XmlOut mailbox = element.child("t:Mailbox");
        mailbox.el("t:Name", resolution.recipient().name().isEmpty() ? resolution.recipient().address()
                : resolution.recipient().name());
        mailbox.el("t:EmailAddress", resolution.recipient().address());
        mailbox.el("t:RoutingType", "SMTP");
        if (resolution.contact() != null) {
            mailbox.el("t:MailboxType", "Contact");
            mailbox.add(ItemXml.itemId(resolution.contact()));
        } else {
            mailbox.el("t:MailboxType", "Mailbox");
        }
        if (fullData) {
            element.add(resolution.contact() != null ? contact(request, resolution.contact()) : directory(resolution.directory()));
        }
        return element;
    }

    private static XmlOut contact(EwsRequest request, Contact contact) {
        Shape all = new Shape(Shape.Base.ALL, Set.of(), null, false);
        return ItemXml.render(new ItemXml.Context(request, all, true), new ItemXml.View(contact, null));
    }

    /** A directory entry as Exchange shows a person of the address list: ContactSource ActiveDirectory. */
    private static XmlOut directory(DirectoryEntry entry) {
        XmlOut contact = XmlOut.t("Contact");
        contact.el("t:DisplayName", entry.name());
        contact.el("t:GivenName", blank(entry.givenName()));
        contact.child("t:EmailAddresses").child("t:Entry").attr("Key", "EmailAddress1").text("SMTP:" + entry.address());
        if (blank(entry.phone()) != null) {
            contact.child("t:PhoneNumbers").child("t:Entry").attr("Key", "BusinessPhone").text(entry.phone());
        }
        contact.el("t:ContactSource", "ActiveDirectory");
        contact.el("t:Department", blank(entry.department()));
        contact.el("t:JobTitle", blank(entry.title()));
        contact.el("t:OfficeLocation", blank(entry.office()));
        contact.el("t:Surname", blank(entry.surname()));
        return contact;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
