package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.exchangehub.model.ConflictException;
import io.exchangehub.model.ForbiddenException;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class EwsFolderIT extends EwsComponentTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void listFoldersGivesTheMailFolderTreeWithPathsCountsAndWellKnownNames() {
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
        assertThat(archive.wellKnownName()).as("a folder the user made").isNull();
        assertThat(folders).filteredOn(f -> f.wellKnownName() != null)
                .extracting(MailFolder::wellKnownName, MailFolder::path)
                .containsExactlyInAnyOrder(tuple("inbox", "/Inbox"), tuple("drafts", "/Drafts"), tuple("sentitems", "/Sent Items"),
                        tuple("deleteditems", "/Deleted Items"), tuple("junkemail", "/Junk Email"), tuple("outbox", "/Outbox"),
                        tuple("archive", "/Archive"), tuple("conversationhistory", "/Conversation History"));
        assertThat(folders).extracting(MailFolder::path).contains("/Inbox/Projects/Apollo/Design")
                .as("calendars, contacts, tasks and notes are not mail folders")
                .doesNotContain("/Calendar", "/Contacts", "/Contacts/Key accounts", "/Tasks", "/Notes");
    }

    @Test
    @SuppressWarnings("unchecked")
    void wellKnownNamesEwsJavaApiLacksWorkWhereverAFolderIdDoes() {
        List<MailFolder> folders = body(ALICE, EwsOperation.listFolders, null, Map.of(), List.class);
        MailFolder listed = folders.stream().filter(f -> "archive".equals(f.wellKnownName())).findFirst().orElseThrow();
        MailFolder archive = body(ALICE, EwsOperation.getFolder, null, Map.of(EwsConstants.FOLDER_ID, "Archive"), MailFolder.class);
        assertThat(archive).isEqualTo(listed);
        assertThat(body(ALICE, EwsOperation.getFolder, null, Map.of(EwsConstants.FOLDER_ID, "conversationhistory"),
                MailFolder.class).path()).isEqualTo("/Conversation History");

        String subject = "Archived " + UUID.randomUUID();
        MailMessage draft = body(ALICE, EwsOperation.createDraft, new MessageDraft(subject, null, List.of(), null, null, null, null,
                null, null), Map.of(), MailMessage.class);
        MailMessage moved = body(ALICE, EwsOperation.moveMessage, null, Map.of(EwsConstants.ITEM_ID, draft.id(),
                EwsConstants.DESTINATION_FOLDER_ID, "archive"), MailMessage.class);
        try {
            assertThat(moved.folderId()).isEqualTo(archive.id());
            Page<MailMessage> page = body(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.FOLDER_ID, "archive",
                    EwsConstants.FILTER_SUBJECT, subject), Page.class);
            assertThat(page.items()).extracting(MailMessage::id, MailMessage::folderId).containsExactly(tuple(moved.id(), archive.id()));
        } finally {
            call(ALICE, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, moved.id(), EwsConstants.DELETE_MODE, "HARD"));
        }
        Exchange missing = call(ALICE, EwsOperation.getFolder, null, Map.of(EwsConstants.FOLDER_ID, "syncissues"));
        assertThat(missing.getException()).as("a distinguished folder the mailbox does not have").isInstanceOf(NotFoundException.class);
        assertThat(((NotFoundException) missing.getException()).backendCode()).isEqualTo("ErrorFolderNotFound");
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
