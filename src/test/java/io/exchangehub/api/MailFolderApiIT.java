package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailFolderApiIT extends ApiIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void theFolderTreeIsFlatWithPathsCountsAndWellKnownNames(String user) {
        Answer answer = get(user, "/mail/folders");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("ETag")).isNotBlank();
        List<String> paths = new ArrayList<>();
        answer.json().get("items").forEach(folder -> paths.add(folder.get("path").asText()));
        assertThat(paths).contains("/Inbox", "/Inbox/Clients", "/Inbox/Clients/ACME", "/Archive 2024");
        JsonNode inbox = find(answer.json(), "/Inbox");
        assertThat(inbox.get("wellKnownName").asText()).isEqualTo("inbox");
        assertThat(find(answer.json(), "/Archive 2024").get("totalCount").asInt()).isEqualTo(10_000);
        assertThat(find(answer.json(), "/Inbox/Clients").get("parentId").asText()).isEqualTo(inbox.get("id").asText());

        Answer again = get(user, "/mail/folders", Map.of("If-None-Match", answer.header("ETag")));
        assertThat(again.status()).as("nothing changed").isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aFolderIsCreatedRenamedMovedAndDeleted(String user) {
        Answer created = post(user, "/mail/folders", "{\"displayName\": \"Hub test " + user.charAt(0) + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/mail/folders/" + id);
        assertThat(get(user, "/mail/folders/" + id).json().get("displayName").asText()).isEqualTo("Hub test " + user.charAt(0));

        String inbox = find(get(user, "/mail/folders").json(), "/Inbox").get("id").asText();
        Answer moved = patch(user, "/mail/folders/" + id,
                "{\"displayName\": \"Hub test renamed\", \"parentId\": \"" + inbox + "\"}", Map.of());
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("path").asText()).isEqualTo("/Inbox/Hub test renamed");

        assertThat(delete(user, "/mail/folders/" + moved.json().get("id").asText()).status()).isEqualTo(204);
        assertThat(delete(user, "/mail/folders/inbox").status()).as("a well-known folder stays").isEqualTo(403);
    }

    private static JsonNode find(JsonNode folders, String path) {
        for (JsonNode folder : folders.get("items")) {
            if (folder.get("path").asText().equals(path)) {
                return folder;
            }
        }
        throw new AssertionError("no folder " + path);
    }
}
