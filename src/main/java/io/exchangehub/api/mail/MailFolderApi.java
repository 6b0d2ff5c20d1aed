package io.exchangehub.api.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.ApiException;
import io.exchangehub.api.ApiRequest;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.PlainText;
import io.exchangehub.api.Problems;
import io.exchangehub.api.backend.MailboxCall;
import io.exchangehub.api.backend.MailboxCall.Param;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.ids.HubIds;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.MailFolder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The bean {@code mailFolderApi}: the mail folder operations of {@code routes/mail.camel.yaml}. Each
 * operation has a step that prepares the backend call from the request and a step that answers
 * from the backend's result.
 */
public final class MailFolderApi {

    /** The request bodies of {@code POST /mail/folders} and {@code PATCH /mail/folders/{id}}. */
    public record FolderInput(String displayName, String parentId) {}

    private static final String INPUT = "hubFolderInput";

    private final ObjectMapper json;
    private final ApiResponses responses;

    public MailFolderApi(ObjectMapper json, ApiResponses responses) {
        this.json = json;
        this.responses = responses;
    }

    public void listFolders(Exchange exchange) {
        MailboxCall.start(exchange, "folders", "listFolders");
    }

    public void getFolder(Exchange exchange) {
        MailboxCall.start(exchange, "folders", "getFolder").with(Param.FOLDER_ID, folderId(exchange));
    }

    public void createFolder(Exchange exchange) {
        FolderInput input = ApiRequest.body(exchange, json, FolderInput.class);
        PlainText.check(input.displayName(), "/body/displayName");
        MailboxRef mailbox = MailboxRef.of(exchange);
        MailboxCall.start(exchange, "folders", "createFolder")
                .with(Param.DISPLAY_NAME, input.displayName())
                .with(Param.FOLDER_ID, input.parentId() == null ? null : mailbox.read(input.parentId(), HubId.Kind.FOLDER).nativeId());
    }

    /** A rename, a move or both: the first call of a {@code PATCH}; {@link #moveAfterRename} is the second. */
    public void updateFolder(Exchange exchange) {
        FolderInput input = ApiRequest.body(exchange, json, FolderInput.class);
        PlainText.check(input.displayName(), "/body/displayName");
        exchange.setProperty(INPUT, input);
        String folder = folderId(exchange);
        if (input.displayName() != null) {
            MailboxCall.start(exchange, "folders", "renameFolder").with(Param.FOLDER_ID, folder)
                    .with(Param.DISPLAY_NAME, input.displayName());
        } else {
            startMove(exchange, folder, input);
        }
    }

    /** After the rename of a {@code PATCH} that also moves the folder: prepares the move. */
    public void moveAfterRename(Exchange exchange) {
        FolderInput input = exchange.getProperty(INPUT, FolderInput.class);
        if (input.parentId() != null && "renameFolder".equals(MailboxCall.of(exchange).operation())) {
            startMove(exchange, exchange.getMessage().getBody(MailFolder.class).id(), input);
        }
    }

    private static void startMove(Exchange exchange, String folder, FolderInput input) {
        MailboxRef mailbox = MailboxRef.of(exchange);
        MailboxCall.start(exchange, "folders", "moveFolder").with(Param.FOLDER_ID, folder)
                .with(Param.DESTINATION_FOLDER_ID, mailbox.read(input.parentId(), HubId.Kind.FOLDER).nativeId());
    }

    public void deleteFolder(Exchange exchange) {
        if (HubIds.WELL_KNOWN_FOLDERS.contains(ApiRequest.path(exchange, "folderId").toLowerCase(Locale.ROOT))) {
            throw new ApiException(Problems.Kind.FORBIDDEN, "A well-known folder cannot be deleted.");
        }
        MailboxCall.start(exchange, "folders", "deleteFolder").with(Param.FOLDER_ID, folderId(exchange))
                .with(Param.DELETE_MODE, DeleteMode.MOVE_TO_DELETED_ITEMS);
    }

    /** Answers {@code GET /mail/folders}. */
    @SuppressWarnings("unchecked")
    public void folders(Exchange exchange) {
        MailboxRef mailbox = MailboxRef.of(exchange);
        List<MailFolder> folders = exchange.getMessage().getBody(List.class);
        responses.ok(exchange, Map.of("items", folders.stream().map(folder -> MailJson.folder(folder, mailbox)).toList()));
    }

    /** Answers with one folder (get, rename, move). */
    public void folder(Exchange exchange) {
        MailJson.Folder folder = MailJson.folder(exchange.getMessage().getBody(MailFolder.class), MailboxRef.of(exchange));
        responses.ok(exchange, folder);
    }

    /** Answers {@code POST /mail/folders}. */
    public void created(Exchange exchange) {
        MailJson.Folder folder = MailJson.folder(exchange.getMessage().getBody(MailFolder.class), MailboxRef.of(exchange));
        responses.created(exchange, folder, "/mail/folders/" + folder.id());
    }

    static String folderId(Exchange exchange) {
        return MailboxRef.of(exchange).read(ApiRequest.path(exchange, "folderId"), HubId.Kind.FOLDER).nativeId();
    }
}
