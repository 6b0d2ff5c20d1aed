package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.mime.MimeRenderer;
import io.exchangehub.sandbox.store.Body;
import io.exchangehub.sandbox.store.BytesContent;
import io.exchangehub.sandbox.store.FileAttachment;
import io.exchangehub.sandbox.store.FileContent;
import io.exchangehub.sandbox.store.GeneratedContent;
import io.exchangehub.sandbox.store.Importance;
import io.exchangehub.sandbox.store.ItemAttachment;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.MailboxType;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.Recipient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What GetItem's MimeContent writes, CreateItem's MimeContent reads back. */
class MimeRoundTripTest {

    private static final Mailbox MAILBOX = new Mailbox(0, "alice@contoso.example", "Alice Wong", MailboxType.USER, "ews",
            Set.of(), ZoneId.of("Europe/Berlin"));

    @Test
    void aMessageWithFilesAnInlineImageAndAnAttachedMessageSurvivesMime() throws Exception {
        Instant sent = Instant.parse("2026-03-02T10:15:30Z");
        Message message = new Message(MAILBOX, 1, sent);
        message.subject = "Angebot für Müller & Söhne";
        message.from = new Recipient("Jürgen Groß", "juergen@fabrikam.example");
        message.to = List.of(MAILBOX.recipient(), new Recipient("", "sales@contoso.example"));
        message.cc = List.of(new Recipient("Bob Müller", "bob@contoso.example"));
        message.sent = sent;
        message.internetMessageId = "<offer-1@fabrikam.example>";
        message.inReplyTo = "<question-1@contoso.example>";
        message.importance = Importance.HIGH;
        message.body(Body.html("<html><body><p>Anbei das Angebot.</p><img src=\"cid:logo@fabrikam\"></body></html>"));
        GeneratedContent pdf = GeneratedContent.forFile("offer.pdf", 5, 2 * 1024 * 1024 + 3);
        message.attachments.add(new FileAttachment(2, message, "Angebot.pdf", "application/pdf", pdf, sent));
        FileAttachment logo = new FileAttachment(3, message, "logo.png", "image/png", new BytesContent(new byte[] {1, 2, 3}), sent);
        logo.inline = true;
        logo.contentId = "logo@fabrikam";
        message.attachments.add(logo);
        Message earlier = new Message(MAILBOX, 4, sent.minusSeconds(86_400));
        earlier.subject = "Anfrage";
        earlier.from = MAILBOX.recipient();
        earlier.to = List.of(new Recipient("Jürgen Groß", "juergen@fabrikam.example"));
        earlier.sent = earlier.created;
        earlier.body(Body.text("Bitte um ein Angebot."));
        message.attachments.add(new ItemAttachment(5, message, "Anfrage", earlier, sent));

        ByteArrayOutputStream mime = new ByteArrayOutputStream();
        MimeRenderer.render(message).writeTo(mime);
        MimeReader.MimeItem read;
        try (RequestReader files = new RequestReader()) {
            read = MimeReader.read(new BytesContent(mime.toByteArray()), files);
            try (InputStream actual = read.files().get(0).content().open(); InputStream expected = pdf.open()) {
                assertThat(actual).hasSameContentAs(expected);
            }
        }
        assertThat(((FileContent) read.files().get(0).content()).path()).as("a copy nobody kept goes with the request")
                .doesNotExist();

        assertThat(read.subject()).isEqualTo("Angebot für Müller & Söhne");
        assertThat(read.from()).isEqualTo(new Recipient("Jürgen Groß", "juergen@fabrikam.example"));
        assertThat(read.to()).extracting(Recipient::address).containsExactly("alice@contoso.example", "sales@contoso.example");
        assertThat(read.cc()).containsExactly(new Recipient("Bob Müller", "bob@contoso.example"));
        assertThat(read.date()).isEqualTo(sent);
        assertThat(read.messageId()).isEqualTo("<offer-1@fabrikam.example>");
        assertThat(read.inReplyTo()).isEqualTo("<question-1@contoso.example>");
        assertThat(read.importance()).isEqualTo(Importance.HIGH);
        assertThat(read.body().type()).isEqualTo(Body.BodyType.HTML);
        assertThat(read.body().content()).contains("Anbei das Angebot.");
        assertThat(read.files()).extracting(MimeReader.MimeFile::name).containsExactly("Angebot.pdf", "logo.png");
        assertThat(read.files().get(0).content()).isInstanceOf(FileContent.class);
        assertThat(read.files().get(1).inline()).isTrue();
        assertThat(read.files().get(1).contentId()).isEqualTo("logo@fabrikam");
        assertThat(read.messages()).hasSize(1);
        assertThat(read.messages().get(0).subject()).isEqualTo("Anfrage");
        assertThat(read.messages().get(0).body().content().strip()).isEqualTo("Bitte um ein Angebot.");
    }

    @Test
    void mimeThatCannotBeReadIsRefusedWithoutQuotingIt() {
        String mime = "From: Dana <dana@fabrikam.example>\r\nTo: board@contoso.example\r\nSubject: Merger plans\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: merger-with-contoso\r\n\r\n"
                + "Confidential\r\n";
        assertThatThrownBy(() -> MimeReader.read(new BytesContent(mime.getBytes(StandardCharsets.UTF_8)), new RequestReader()))
                .isInstanceOfSatisfying(EwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("ErrorMimeContentConversionFailed");
                    assertThat(e.getMessage()).doesNotContainIgnoringCase("merger", "contoso", "confidential");
                });
    }
}
