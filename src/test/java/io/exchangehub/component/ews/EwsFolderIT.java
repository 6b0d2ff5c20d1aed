package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.model.ConflictException;
import io.exchangehub.model.ForbiddenException;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class EwsFolderIT extends EwsComponentTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void listFoldersGivesTheWholeTreeWithPathsCountsAndWellKnownNames() {
        List<MailFolder> folders = body(ALICE, EwsOperation.listFolders, null, Map.of(), List.class);
        MailFolder inbox = folders.stream().filter(f -> "inbox".equals(f.wellKnownName())).findFirst().orElseThrow();
        assertThat(inbox.path()).isEqualTo("/Inbox");
        assertThat(inbox.parentId()).isNull();
        assertThat(inbox.totalCount()).isPositive();
        MailFolder acme = folders.stream().filter(f -> "/Inbox/Clients/ACME".equals(f.path())).findFirst().orElseThrow();
        MailFolder clients = folders.stream().filter(f -> "/Inbox/Clients".equals(f.path())).findFirst().orElseThrow();
        assertThat(acme.parentId()).isEqualTo(clients.id());
        assertThat(clients.parentId()).isEqualTo(inbox.id());
        assertThat(acme.wellKnownName()).isNull();
        MailFolder archive = folders.stream().filter(f -> "/Archive 2024".equals(f.path())).findFirst().orElseThrow();
        assertThat(archive.totalCount()).isEqualTo(10_000);
        assertThat(folders).extracting(MailFolder::wellKnownName).contains("drafts", "sentitems", "deleteditems", "calendar",
                "contacts");
        assertThat(folders).extracting(MailFolder::path).contains("/Inbox/Projects/Apollo/Design", "/Contacts/Key accounts");
    }

    @Test
    void foldersAreCreatedRenamedMovedAndDeleted() {
        String name = "Component " + UUID.randomUUID();
        MailFolder created = body(ALICE, EwsOperation.createFolder, null, Map.of(EwsConstants.FOLDER_ID, "inbox",
                EwsConstants.DISPLAY_NAME, name), MailFolder.class);
        assertThat(created.path()).isEqualTo("/Inbox/" + name);
        assertThat(created.totalCount()).isZero();

        Exchange duplicate = call(ALICE, EwsOperation.createFolder, null, Map.of(EwsConstants.FOLDER_ID, "inbox",
                EwsConstants.DISPLAY_NAME, name));
        assertThat(duplicate.getException()).isInstanceOf(ConflictException.class);

        MailFolder renamed = body(ALICE, EwsOperation.renameFolder, null, Map.of(EwsConstants.FOLDER_ID, created.id(),
                EwsConstants.DISPLAY_NAME, name + " renamed"), MailFolder.class);
        assertThat(renamed.displayName()).isEqualTo(name + " renamed");

        MailFolder moved = body(ALICE, EwsOperation.moveFolder, null, Map.of(EwsConstants.FOLDER_ID, renamed.id(),
                EwsConstants.DESTINATION_FOLDER_ID, "msgfolderroot"), MailFolder.class);
        assertThat(moved.path()).isEqualTo("/" + name + " renamed");
        assertThat(body(ALICE, EwsOperation.getFolder, null, Map.of(EwsConstants.FOLDER_ID, moved.id()), MailFolder.class))
                .isEqualTo(moved);

        Exchange deleted = call(ALICE, EwsOperation.deleteFolder, null, Map.of(EwsConstants.FOLDER_ID, moved.id(),
                EwsConstants.DELETE_MODE, "HARD"));
        assertThat(deleted.getException()).isNull();
        assertThat(call(ALICE, EwsOperation.getFolder, null, Map.of(EwsConstants.FOLDER_ID, moved.id())).getException())
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void distinguishedFoldersCannotBeDeleted() {
        Exchange exchange = call(ALICE, EwsOperation.deleteFolder, null, Map.of(EwsConstants.FOLDER_ID, "inbox"));
        assertThat(exchange.getException()).isInstanceOf(ForbiddenException.class);
        assertThat(((ForbiddenException) exchange.getException()).backendCode()).isEqualTo("ErrorDeleteDistinguishedFolder");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDelegateListsTheSharedMailboxesFolders() {
        Exchange exchange = call(ALICE, SALES, EwsOperation.listFolders, null, Map.of());
        assertThat(exchange.getException()).isNull();
        List<MailFolder> folders = exchange.getMessage().getBody(List.class);
        assertThat(folders).extracting(MailFolder::path).contains("/Inbox", "/Archive 2024");
        assertThat(call(CAROL, SALES, EwsOperation.listFolders, null, Map.of()).getException())
                .isInstanceOf(io.exchangehub.model.MailboxException.class);
    }
}
