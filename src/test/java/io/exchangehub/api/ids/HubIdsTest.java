package io.exchangehub.api.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.Problems;
import io.exchangehub.api.ids.HubId.Backend;
import io.exchangehub.api.ids.HubId.Kind;
import org.junit.jupiter.api.Test;

class HubIdsTest {

    private static final String EWS_ID = "AAMkADk0ZjBiYmI5LTQ5ZGUtNGRmZS1iMjc2LTQ3MjZkYmUxNTIxZQBGAAAAAAA+/==";

    private static void refusedAs(Problems.Kind kind, Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void anIdSurvivesTheRoundTripAndIsUrlSafe() {
        HubId attachment = new HubId(Kind.ATTACHMENT, Backend.GRAPH, "Carol@Contoso.example", "AAMkAtt=", EWS_ID);
        String text = HubIds.encode(attachment);
        assertThat(text).matches("[A-Za-z0-9_-]+");
        HubId back = HubIds.decode(text, Kind.ATTACHMENT, "carol@contoso.example", Backend.GRAPH);
        assertThat(back).isEqualTo(attachment);
        assertThat(back.mailbox()).isEqualTo("carol@contoso.example");
        assertThat(back.parentId()).isEqualTo(EWS_ID);
    }

    @Test
    void wellKnownFolderNamesAreIdsOfTheRequestsMailbox() {
        HubId inbox = HubIds.decode("Inbox", Kind.FOLDER, "alice@contoso.example", Backend.EWS);
        assertThat(inbox).isEqualTo(HubId.of(Kind.FOLDER, Backend.EWS, "alice@contoso.example", "inbox"));
        refusedAs(Problems.Kind.VALIDATION, () -> HubIds.decode("inbox", Kind.MESSAGE, "alice@contoso.example", Backend.EWS));
    }

    @Test
    void anIdOfAnotherMailboxKindOrBackendIsNotFoundThere() {
        String message = HubIds.encode(HubId.of(Kind.MESSAGE, Backend.EWS, "bob@contoso.example", EWS_ID));
        refusedAs(Problems.Kind.NOT_FOUND, () -> HubIds.decode(message, Kind.MESSAGE, "alice@contoso.example", Backend.EWS));
        refusedAs(Problems.Kind.NOT_FOUND, () -> HubIds.decode(message, Kind.CONTACT, "bob@contoso.example", Backend.EWS));
        refusedAs(Problems.Kind.NOT_FOUND, () -> HubIds.decode(message, Kind.MESSAGE, "bob@contoso.example", Backend.GRAPH));
    }

    @Test
    void mistypedTruncatedAndForeignIdsAreMalformed() {
        String id = HubIds.encode(HubId.of(Kind.MESSAGE, Backend.EWS, "bob@contoso.example", EWS_ID));
        char flipped = id.charAt(10) == 'A' ? 'B' : 'A';
        String mistyped = id.substring(0, 10) + flipped + id.substring(11);
        refusedAs(Problems.Kind.VALIDATION, () -> HubIds.decode(mistyped, Kind.MESSAGE, "bob@contoso.example", Backend.EWS));
        refusedAs(Problems.Kind.VALIDATION, () -> HubIds.decode(id.substring(0, id.length() - 3), Kind.MESSAGE, "bob@contoso.example", Backend.EWS));
        refusedAs(Problems.Kind.VALIDATION, () -> HubIds.decode(EWS_ID, Kind.MESSAGE, "bob@contoso.example", Backend.EWS));
        refusedAs(Problems.Kind.VALIDATION, () -> HubIds.decode("", Kind.MESSAGE, "bob@contoso.example", Backend.EWS));
        refusedAs(Problems.Kind.VALIDATION, () -> HubIds.decode("AA", Kind.MESSAGE, "bob@contoso.example", Backend.EWS));
    }
}
