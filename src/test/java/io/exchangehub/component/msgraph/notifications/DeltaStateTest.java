package io.exchangehub.component.msgraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaStateTest {

    @Test
    void aStateOfThousandsOfVersionsSurvivesTheStoreCompactly() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            versions.put("AAMkAGI2TG93AAA" + i, DeltaState.version("CQAAABYAAAB" + i));
        }
        DeltaState state = new DeltaState("https://graph.microsoft.com/v1.0/users/a/mailFolders/inbox/messages/delta?$deltatoken=x",
                "AQMkAD", versions);
        String text = state.encode();
        assertThat(text.length()).as("deflated").isLessThan(versions.size() * 20);
        assertThat(DeltaState.decode(text)).isEqualTo(state);
        assertThat(new DeltaState("link", null, Map.of()).encode()).satisfies(t -> assertThat(DeltaState.decode(t).folderId()).isNull());
    }

    @Test
    void anUnreadableStateIsNoState() {
        assertThat(DeltaState.decode("not base64 !")).isNull();
        assertThat(DeltaState.decode("aGVsbG8=")).isNull();
    }

    @Test
    void versionsDifferWhenTheChangeKeyOrReadStateDoes() {
        assertThat(DeltaState.version("ck|true")).isNotEqualTo(DeltaState.version("ck|false"));
        assertThat(DeltaState.version(null)).isEmpty();
    }
}
