package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.MapiPropertyType;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.FolderTraversal;
import microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.core.service.schema.FolderSchema;
import microsoft.exchange.webservices.data.property.complex.ExtendedProperty;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.property.definition.ExtendedPropertyDefinition;
import microsoft.exchange.webservices.data.search.FindFoldersResults;
import microsoft.exchange.webservices.data.search.FolderView;
import org.junit.jupiter.api.Test;

class FolderOperationsIT extends EwsTestSupport {

    @Test
    void getFolderReturnsTheInboxWithItsCounts() throws Exception {
        ExchangeService service = ews(ALICE);
        Folder inbox = Folder.bind(service, WellKnownFolderName.Inbox);
        assertThat(inbox.getDisplayName()).isEqualTo("Inbox");
        assertThat(inbox.getTotalCount()).isEqualTo(store.read(() -> folder(ALICE, WellKnownFolder.INBOX).totalCount()));
        assertThat(inbox.getUnreadCount()).isEqualTo(store.read(() -> folder(ALICE, WellKnownFolder.INBOX).unreadCount()));
        assertThat(inbox.getChildFolderCount()).isEqualTo(store.read(() -> folder(ALICE, WellKnownFolder.INBOX).childFolderCount()));
        assertThat(inbox.getParentFolderId().getUniqueId())
                .isEqualTo(store.read(() -> folder(ALICE, WellKnownFolder.MSG_FOLDER_ROOT).id));
    }

    @Test
    void findFolderListsShallowAndDeepPageByPage() throws Exception {
        ExchangeService service = ews(ALICE);
        List<String> top = new ArrayList<>();
        for (Folder folder : service.findFolders(WellKnownFolderName.MsgFolderRoot, new FolderView(100)).getFolders()) {
            top.add(folder.getDisplayName());
        }
        assertThat(top).contains("Inbox", "Calendar", "Contacts", "Archive 2024").doesNotContain("Clients");

        List<String> expected = store.read(() -> store.descendants(folder(ALICE, WellKnownFolder.INBOX)).stream()
                .map(f -> f.displayName).toList());
        List<String> deep = new ArrayList<>();
        int offset = 0;
        FindFoldersResults page;
        do {
            FolderView view = new FolderView(4, offset);
            view.setTraversal(FolderTraversal.Deep);
            page = service.findFolders(WellKnownFolderName.Inbox, view);
            assertThat(page.getTotalCount()).isEqualTo(expected.size());
            for (Folder folder : page.getFolders()) {
                deep.add(folder.getDisplayName());
            }
            offset += page.getFolders().size();
        } while (page.isMoreAvailable());
        assertThat(deep).containsExactlyElementsOf(expected).containsSubsequence("Clients", "ACME", "Globex", "Initech",
                "Newsletters", "Projects", "Apollo", "Design", "Hermes");
    }

    @Test
    void folderIsCreatedRenamedMovedAndDeleted() throws Exception {
        ExchangeService service = ews(ALICE);
        String name = "Deals " + UUID.randomUUID();
        Folder folder = new Folder(service);
        folder.setDisplayName(name);
        folder.save(WellKnownFolderName.Inbox);
        Folder home = new Folder(service);
        home.setDisplayName(name + " home");
        home.save(WellKnownFolderName.MsgFolderRoot);

        folder.setDisplayName(name + " 2026");
        folder.update();
        folder.move(home.getId());
        Folder moved = Folder.bind(service, folder.getId());
        assertThat(moved.getDisplayName()).isEqualTo(name + " 2026");
        assertThat(moved.getParentFolderId().getUniqueId()).isEqualTo(home.getId().getUniqueId());

        moved.delete(DeleteMode.MoveToDeletedItems);
        String id = folder.getId().getUniqueId();
        assertThat(store.read(() -> store.folder(id).parent.wellKnown)).isEqualTo(WellKnownFolder.DELETED_ITEMS);
        home.delete(DeleteMode.HardDelete);
        assertThatThrownBy(() -> Folder.bind(service, home.getId()))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorItemNotFound));
    }

    @Test
    void distinguishedFoldersAndDuplicateNamesAreRefusedWithExchangesCodes() throws Exception {
        ExchangeService service = ews(ALICE);
        Folder duplicate = new Folder(service);
        duplicate.setDisplayName("Clients");
        assertThatThrownBy(() -> duplicate.save(WellKnownFolderName.Inbox))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorFolderExists));
        Folder inbox = Folder.bind(service, WellKnownFolderName.Inbox);
        assertThatThrownBy(() -> inbox.delete(DeleteMode.HardDelete))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorDeleteDistinguishedFolder));
        assertThatThrownBy(() -> inbox.move(WellKnownFolderName.DeletedItems))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorMoveDistinguishedFolder));
        assertThat(store.read(() -> folder(ALICE, WellKnownFolder.INBOX).parent.wellKnown))
                .isEqualTo(WellKnownFolder.MSG_FOLDER_ROOT);

        HttpResponse<String> unknownName = soap(ALICE, "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "</m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id=\"invalidparentid\"/></m:FolderIds></m:GetFolder>");
        assertThat(unknownName.statusCode()).isEqualTo(500);
        assertThat(unknownName.body()).contains("a:ErrorSchemaValidation", "DistinguishedFolderIdNameType");
    }

    @Test
    void mailboxesOpenOnlyForTheirOwnerAndDelegates() throws Exception {
        ExchangeService bob = ews(BOB);
        assertThatThrownBy(() -> Folder.bind(bob, new FolderId(WellKnownFolderName.Inbox, new Mailbox(ALICE))))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorAccessDenied));
        Folder shared = Folder.bind(bob, new FolderId(WellKnownFolderName.Inbox, new Mailbox(SALES)));
        assertThat(shared.getTotalCount()).isEqualTo(store.read(() -> folder(SALES, WellKnownFolder.INBOX).totalCount()));
        assertThatThrownBy(() -> Folder.bind(bob, new FolderId(WellKnownFolderName.Inbox, new Mailbox("nobody@contoso.example"))))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorNonExistentMailbox));
        String alicesInboxId = store.read(() -> folder(ALICE, WellKnownFolder.INBOX).id);
        assertThatThrownBy(() -> Folder.bind(bob, new FolderId(alicesInboxId)))
                .isInstanceOfSatisfying(ServiceResponseException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorAccessDenied));
    }

    /** Evolution's requests (as recorded against Exchange 2010 SP2) use other prefixes and a default namespace. */
    @Test
    void requestsWithOtherNamespacePrefixesAreUnderstood() {
        String name = "evolution " + UUID.randomUUID();
        String create = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<SOAP-ENV:Envelope "
                + "xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:SOAP-ENC=\"http://schemas.xmlsoap.org/soap/encoding/\" "
                + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><SOAP-ENV:Header>"
                + "<types:RequestServerVersion xmlns:types=\"" + TYPES + "\" Version=\"Exchange2010_SP2\"/></SOAP-ENV:Header>"
                + "<SOAP-ENV:Body xmlns:messages=\"" + MESSAGES + "\"><messages:CreateFolder xmlns=\"" + TYPES + "\">"
                + "<messages:ParentFolderId><DistinguishedFolderId Id=\"msgfolderroot\"/></messages:ParentFolderId>"
                + "<messages:Folders><Folder><DisplayName>" + name + "</DisplayName></Folder></messages:Folders>"
                + "</messages:CreateFolder></SOAP-ENV:Body></SOAP-ENV:Envelope>";
        HttpResponse<String> created = post(token(ALICE), create, Map.of());
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("<m:CreateFolderResponseMessage ResponseClass=\"Success\">", "<t:FolderId Id=\"");
        assertThat(store.read(() -> mailbox(ALICE).folderByPath("/" + name))).isNotNull();
        HttpResponse<String> again = post(token(ALICE), create, Map.of());
        assertThat(again.body()).contains("<m:ResponseCode>ErrorFolderExists</m:ResponseCode>", "<m:Folders/>");
    }

    /**
     * Distinguished folders ews-java-api 2.0 cannot name, as the component asks for them: one
     * GetFolder at the Exchange 2013 level, a folder the mailbox has not got failing on its own.
     */
    @Test
    void distinguishedFoldersBeyondEwsJavaApiAreFoundByName() {
        String archive = store.read(() -> folder(ALICE, WellKnownFolder.ARCHIVE).id);
        String history = store.read(() -> folder(ALICE, WellKnownFolder.CONVERSATION_HISTORY).id);
        HttpResponse<String> answer = soap(ALICE, "Exchange2013", "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape>"
                + "<t:AdditionalProperties><t:FieldURI FieldURI=\"folder:FolderClass\"/>"
                + "<t:FieldURI FieldURI=\"folder:DistinguishedFolderId\"/></t:AdditionalProperties></m:FolderShape><m:FolderIds>"
                + "<t:DistinguishedFolderId Id=\"archive\"><t:Mailbox><t:EmailAddress>" + ALICE + "</t:EmailAddress></t:Mailbox>"
                + "</t:DistinguishedFolderId><t:DistinguishedFolderId Id=\"conversationhistory\"/>"
                + "<t:DistinguishedFolderId Id=\"syncissues\"/></m:FolderIds></m:GetFolder>");
        assertThat(answer.statusCode()).isEqualTo(200);
        String body = answer.body();
        assertThat(body.split("ResponseClass=\"Success\"", -1)).hasSize(3);
        assertThat(body).contains("<t:FolderId Id=\"" + archive + "\"", "<t:FolderId Id=\"" + history + "\"",
                "<t:FolderClass>IPF.Note</t:FolderClass>", "<t:DistinguishedFolderId>archive</t:DistinguishedFolderId>",
                "<t:DistinguishedFolderId>conversationhistory</t:DistinguishedFolderId>",
                "<m:ResponseCode>ErrorFolderNotFound</m:ResponseCode>");
    }

    /** PR_ATTR_HIDDEN comes as an extended property where it is set, when asked for, and never with AllProperties. */
    @Test
    void hiddenFoldersAnswerPrAttrHiddenWhenAskedFor() throws Exception {
        String name = "Hidden " + UUID.randomUUID();
        String hiddenId = store.write(() -> {
            io.exchangehub.sandbox.store.Folder folder = store.createFolder(folder(ALICE, WellKnownFolder.MSG_FOLDER_ROOT), name,
                    FolderKind.MAIL, null);
            folder.hidden = true;
            return folder.id;
        });
        ExtendedPropertyDefinition hidden = new ExtendedPropertyDefinition(0x10F4, MapiPropertyType.Boolean);
        ExchangeService service = ews(ALICE);
        FolderView view = new FolderView(100);
        view.setPropertySet(new PropertySet(BasePropertySet.IdOnly, FolderSchema.DisplayName, hidden));
        Map<String, Object> marks = new java.util.HashMap<>();
        for (Folder folder : service.findFolders(WellKnownFolderName.MsgFolderRoot, view).getFolders()) {
            for (ExtendedProperty property : folder.getExtendedPropertiesForService()) {
                marks.put(folder.getDisplayName(), property.getValue());
            }
        }
        assertThat(marks).containsExactly(Map.entry(name, true));
        Folder all = Folder.bind(service, new FolderId(hiddenId), PropertySet.getFirstClassProperties());
        assertThat(all.getExtendedPropertiesForService().getCount()).isZero();
        service.deleteFolder(new FolderId(hiddenId), DeleteMode.HardDelete);
    }
}
