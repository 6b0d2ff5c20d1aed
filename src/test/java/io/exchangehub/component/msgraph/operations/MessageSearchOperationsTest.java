package io.exchangehub.component.msgraph.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import io.exchangehub.model.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSearchOperationsTest {

    private static final Instant AFTER = Instant.parse("2024-06-10T00:30:00Z");
    private static final Instant BEFORE = Instant.parse("2024-06-12T23:59:00Z");

    private static Message received(Instant at, String... bcc) {
        Message message = new Message();
        message.setIsDraft(false);
        message.setReceivedDateTime(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(2)));
        message.setBccRecipients(Arrays.stream(bcc).map(address -> {
            EmailAddress email = new EmailAddress();
            email.setAddress(address);
            Recipient recipient = new Recipient();
            recipient.setEmailAddress(email);
            return recipient;
        }).toList());
        return message;
    }

    @Test
    void theWindowGoesToGraphOneWholeDayWiderOnEachSide() {
        assertThat(MessageSearchOperations.kql("board pack", new SearchScope(AFTER, BEFORE, "bob@fabrikam.example", null)))
                .isEqualTo("\"\\\"board\\\" \\\"pack\\\" participants:\\\"bob@fabrikam.example\\\" received>=2024-06-09 "
                        + "received<=2024-06-13\"");
        assertThat(MessageSearchOperations.kql(null, new SearchScope(null, null, "bob@fabrikam.example", null)))
                .isEqualTo("\"participants:\\\"bob@fabrikam.example\\\"\"");
        assertThatThrownBy(() -> MessageSearchOperations.kql("\" *", new SearchScope(AFTER, null, null, null)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theHubKeepsOnlyTheWindowToTheMillisecondAndTheAddressItself() {
        SearchScope scope = new SearchScope(AFTER, BEFORE, "bob@fabrikam.example", null);
        assertThat(scope.accepts(received(AFTER, "BOB@Fabrikam.example"))).as("after is inclusive, any case, bcc counts").isTrue();
        assertThat(scope.accepts(received(AFTER.minusMillis(1), "bob@fabrikam.example"))).isFalse();
        assertThat(scope.accepts(received(BEFORE, "bob@fabrikam.example"))).as("before is exclusive").isFalse();
        assertThat(scope.accepts(received(AFTER, "jimbob@fabrikam.example", "bob@fabrikam.example.org"))).isFalse();
        Message draft = received(AFTER, "bob@fabrikam.example");
        draft.setIsDraft(true);
        assertThat(scope.accepts(draft)).as("a draft was never received").isFalse();
        assertThat(SearchScope.NONE.accepts(new Message())).isTrue();
    }

    @Test
    void theHubKeepsTheReadStateAsAskedAndAnEmptyWindowIsRefused() {
        Message unread = received(AFTER);
        unread.setIsRead(false);
        Message read = received(AFTER);
        read.setIsRead(true);
        SearchScope onlyUnread = new SearchScope(AFTER, BEFORE, null, Boolean.TRUE);
        assertThat(onlyUnread.accepts(unread)).isTrue();
        assertThat(onlyUnread.accepts(read)).isFalse();
        assertThat(new SearchScope(null, null, null, Boolean.FALSE).accepts(read)).isTrue();
        assertThat(new SearchScope(null, null, null, Boolean.FALSE).accepts(unread)).isFalse();
        assertThat(new SearchScope(null, null, null, null).accepts(unread)).isTrue();
        assertThat(onlyUnread.kqlWindow()).containsExactly("received>=2024-06-09", "received<=2024-06-13");
        assertThatThrownBy(() -> new SearchScope(BEFORE, AFTER, null, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new SearchScope(AFTER, AFTER, null, null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theScopeTravelsInTheCursorAndABrokenOneIsRefused() {
        SearchScope scope = new SearchScope(AFTER, BEFORE, "o'brien+crm@fabrikam.example", Boolean.FALSE);
        String fragment = scope.fragment();
        assertThat(fragment).startsWith("#").matches("#[A-Za-z0-9=&%._*+-]+").doesNotContain("..");
        assertThat(SearchScope.parse(fragment.substring(1), "c")).isEqualTo(scope);
        assertThat(SearchScope.NONE.fragment()).isEmpty();
        for (String broken : List.of("after=x", "colour=red", "before=99999999999999999999", "unread=yes",
                "after=1718000000000&before=1717000000000")) {
            assertThatThrownBy(() -> SearchScope.parse(broken, "c")).as(broken)
                    .isInstanceOf(InvalidRequestException.class);
        }
    }
}
