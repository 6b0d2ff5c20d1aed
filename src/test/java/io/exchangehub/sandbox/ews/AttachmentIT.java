package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.sandbox.seed.SeedPopulator;
import io.exchangehub.sandbox.store.Attachment;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileContent;
import io.exchangehub.sandbox.store.GeneratedContent;
import io.exchangehub.sandbox.store.Message;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.FileAttachment;
import microsoft.exchange.webservices.data.property.complex.ItemAttachment;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import org.junit.jupiter.api.Test;

class AttachmentIT extends EwsTestSupport {

    private static final long MB = 1024 * 1024;

    @Test
    void getAttachmentStreamsTheBoardPackByteForByteWithoutBufferingIt() throws Exception {
        Attachment boardPack = store.read(() -> seeded("Board pack for Q3 (25 MB)").attachments.get(0));
        Content expected = ((io.exchangehub.sandbox.store.FileAttachment) boardPack).content;
        assertThat(expected).isInstanceOf(GeneratedContent.class);
        String request = envelope("Exchange2010_SP2", "", "<m:GetAttachment><m:AttachmentIds><t:AttachmentId Id=\""
                + boardPack.id + "\"/></m:AttachmentIds></m:GetAttachment>");
        Path copy = Files.createTempFile("get-attachment-", ".xml");
        long baseline = liveHeap();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(ewsUrl()))
                .header("Authorization", "Bearer " + token(ALICE)).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).as("a streamed answer has no length").isEmpty();
        long compared;
        try (InputStream body = new Tee(response.body(), Files.newOutputStream(copy));
                InputStream wanted = expected.open()) {
            XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(body);
            while (!(xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Content"))) {
                assertThat(xml.hasNext()).isTrue();
            }
            Base64Comparison comparison = new Base64Comparison(wanted);
            long heapWhileStreaming = -1;
            while (xml.next() == XMLStreamConstants.CHARACTERS) {
                comparison.feed(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                if (heapWhileStreaming < 0 && comparison.compared() > 2 * MB) {
                    heapWhileStreaming = liveHeap();
                    assertThat(heapWhileStreaming - baseline).as("heap growth while 25 MB are being served")
                            .isLessThan(16 * MB);
                }
            }
            compared = comparison.finish();
            while (xml.hasNext()) {
                xml.next();
            }
        }
        assertThat(compared).isEqualTo(SeedPopulator.LARGE_ATTACHMENT_SIZE);
        EwsTraffic.record(new EwsTraffic.Answer(200, "text/xml", Files.readAllBytes(copy)));
        Files.delete(copy);
    }

    @Test
    void fileAndItemAttachmentsAreLoadedThroughEwsJavaApi() throws Exception {
        ExchangeService alice = ews(ALICE);
        Message audit = store.read(() -> seeded("Documents for the audit"));
        EmailMessage message = EmailMessage.bind(alice, new ItemId(audit.id));
        List<Long> sizes = new java.util.ArrayList<>();
        for (var attachment : message.getAttachments().getItems()) {
            FileAttachment file = (FileAttachment) attachment;
            file.load();
            sizes.add((long) file.getContent().length);
            Content stored = store.read(() -> ((io.exchangehub.sandbox.store.FileAttachment) audit.attachments.stream()
                    .filter(a -> a.name.equals(file.getName())).findFirst().orElseThrow()).content);
            try (InputStream in = stored.open()) {
                assertThat(file.getContent()).as(file.getName()).isEqualTo(in.readAllBytes());
            }
        }
        assertThat(sizes).containsExactly(1024L, 100 * 1024L, MB, 5 * MB);

        Message forward = store.read(() -> folder(ALICE, WellKnownFolder.INBOX).items().stream()
                .filter(i -> i.subject.startsWith("FW: Original offer from")).map(Message.class::cast).findFirst().orElseThrow());
        EmailMessage withItem = EmailMessage.bind(alice, new ItemId(forward.id));
        ItemAttachment attached = (ItemAttachment) withItem.getAttachments().getItems().get(0);
        attached.load(ItemSchema.MimeContent, ItemSchema.Subject, ItemSchema.Body);
        assertThat(attached.getItem().getSubject()).startsWith("Original offer from");
        assertThat(new String(attached.getItem().getMimeContent().getContent(), StandardCharsets.UTF_8))
                .contains("Subject: Original offer from", "120 seats");
    }

    @Test
    void attachmentsAreAddedAndRemovedThroughEwsJavaApi() throws Exception {
        ExchangeService alice = ews(ALICE);
        EmailMessage draft = new EmailMessage(alice);
        draft.setSubject("Attachments " + UUID.randomUUID());
        draft.save(WellKnownFolderName.Drafts);
        draft.getAttachments().addFileAttachment("notes.txt", "meeting notes".getBytes(StandardCharsets.UTF_8));
        draft.update(ConflictResolutionMode.AlwaysOverwrite);
        String id = draft.getId().getUniqueId();
        // ews-java-api 2.0 refuses to attach items (it looks for declared fields EmailMessage lacks), so raw SOAP does it
        HttpResponse<String> itemAttachment = soap(ALICE, "<m:CreateAttachment><m:ParentItemId Id=\"" + id + "\"/><m:Attachments>"
                + "<t:ItemAttachment><t:Name>Earlier mail</t:Name><t:Message><t:Subject>Earlier mail</t:Subject>"
                + "<t:Body BodyType=\"Text\">as discussed</t:Body></t:Message></t:ItemAttachment></m:Attachments>"
                + "</m:CreateAttachment>");
        assertThat(itemAttachment.body()).contains("<t:ItemAttachment><t:AttachmentId Id=\"");

        assertThat(store.read(() -> store.item(id).attachments.stream().map(a -> a.name).toList()))
                .containsExactly("notes.txt", "Earlier mail");

        EmailMessage loaded = EmailMessage.bind(alice, draft.getId());
        loaded.getAttachments().removeAt(0);
        loaded.update(ConflictResolutionMode.AlwaysOverwrite);
        assertThat(store.read(() -> store.item(id).attachments.stream().map(a -> a.name).toList())).containsExactly("Earlier mail");
        loaded.delete(microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode.HardDelete);
    }

    @Test
    void largeCreateAttachmentContentIsDecodedIntoAFile() throws Exception {
        String draftId = store.write(() -> store.createMessage(folder(ALICE, WellKnownFolder.DRAFTS),
                m -> m.subject = "Upload " + UUID.randomUUID()).id);
        try {
            uploadInto(draftId);
        } finally {
            store.write(() -> store.delete(store.item(draftId), io.exchangehub.sandbox.store.DeleteMode.HARD));
        }
    }

    private void uploadInto(String draftId) throws Exception {
        long size = 30 * MB + 7;
        GeneratedContent source = new GeneratedContent(42, size, new byte[0]);
        String head = envelope("Exchange2010_SP2", "", "<m:CreateAttachment><m:ParentItemId Id=\"" + draftId + "\"/>"
                + "<m:Attachments><t:FileAttachment><t:Name>upload.bin</t:Name><t:Content>");
        String tail = "</t:Content></t:FileAttachment></m:Attachments></m:CreateAttachment></soap:Body></soap:Envelope>";
        String opening = head.substring(0, head.indexOf("</soap:Body>"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(ewsUrl()))
                .header("Authorization", "Bearer " + token(ALICE)).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(java.util.Collections.enumeration(
                        List.of(new ByteArrayInputStream(opening.getBytes(StandardCharsets.UTF_8)), encoded(source),
                                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8))))))).build());
        EwsTraffic.record(new EwsTraffic.Answer(response.statusCode(), "text/xml", response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("ResponseClass=\"Success\"", "RootItemId=\"" + draftId + "\"");
        Content stored = store.read(() -> ((io.exchangehub.sandbox.store.FileAttachment) store.item(draftId).attachments.stream()
                .filter(a -> a.name.equals("upload.bin")).findFirst().orElseThrow()).content);
        assertThat(stored).isInstanceOf(FileContent.class);
        assertThat(stored.size()).isEqualTo(size);
        try (InputStream actual = stored.open(); InputStream wanted = source.open()) {
            assertThat(actual).hasSameContentAs(wanted);
        }
        // the store keeps attachment files until the process ends; this one is 30 MB
        Files.delete(((FileContent) stored).path());
    }

    /** The base64 text (in MIME's 76-character lines, as XML allows) of a content, produced as it is read. */
    private static InputStream encoded(Content content) {
        java.io.PipedInputStream in = new java.io.PipedInputStream(64 * 1024);
        java.io.PipedOutputStream out;
        try {
            out = new java.io.PipedOutputStream(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Thread writer = new Thread(() -> {
            try (OutputStream base64 = Base64.getMimeEncoder().wrap(out); InputStream source = content.open()) {
                source.transferTo(base64);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "base64-upload");
        writer.setDaemon(true);
        writer.start();
        return in;
    }

    private Message seeded(String subject) {
        return folder(ALICE, WellKnownFolder.INBOX).items().stream().filter(i -> i.subject.equals(subject))
                .map(Message.class::cast).findFirst().orElseThrow();
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Decodes base64 text as it arrives and compares it with the expected bytes. */
    private static final class Base64Comparison {
        private final InputStream expected;
        private final StringBuilder pending = new StringBuilder();
        private long compared;

        Base64Comparison(InputStream expected) {
            this.expected = expected;
        }

        void feed(char[] chars, int start, int length) throws IOException {
            pending.append(chars, start, length);
            int usable = pending.length() - pending.length() % 4;
            if (usable > 0) {
                compare(Base64.getDecoder().decode(pending.substring(0, usable)));
                pending.delete(0, usable);
            }
        }

        long compared() {
            return compared;
        }

        long finish() throws IOException {
            compare(Base64.getDecoder().decode(pending.toString()));
            assertThat(expected.read()).as("no more expected bytes").isEqualTo(-1);
            return compared;
        }

        private void compare(byte[] decoded) throws IOException {
            byte[] wanted = expected.readNBytes(decoded.length);
            assertThat(decoded).as("bytes from offset %d", compared).isEqualTo(wanted);
            compared += decoded.length;
        }
    }

    /** Copies what is read into a file, for the schema check afterwards. */
    private static final class Tee extends java.io.FilterInputStream {
        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            super.close();
            copy.close();
        }
    }
}
