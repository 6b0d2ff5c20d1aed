package io.exchangehub.component.msgraph.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.model.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorsTest {

    private static final String ROOT = "https://graph.microsoft.com/v1.0";

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNextLinkSurvivesTheRoundTripAsAUrlSafeCursor() {
        String next = ROOT + "/users/carol@contoso.example/mailFolders/inbox/messages?$top=50&$skip=50&$select=id,subject";
        String cursor = Cursors.encode(next, ROOT);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor, ROOT)).isEqualTo(next);
        assertThat(Cursors.encode(null, ROOT)).isNull();
    }

    @Test
    void aCursorCanOnlyLeadBelowTheConfiguredRoot() {
        for (String forged : new String[] {"//evil.example/v1.0/me", "/../beta/me", "/me\\..", "/me messages", "users",
                "@evil.example/x"}) {
            assertThatThrownBy(() -> Cursors.decode(encoded(forged), ROOT)).as(forged).isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> Cursors.decode("not base64!", ROOT)).isInstanceOf(InvalidRequestException.class);
        assertThat(Cursors.decode(encoded("/@evil.example/x"), ROOT)).as("a path below the root, never another host")
                .isEqualTo(ROOT + "/@evil.example/x");
    }
}
