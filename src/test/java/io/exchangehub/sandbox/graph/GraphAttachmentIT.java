package io.exchangehub.sandbox.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.core.models.UploadResult;
import com.microsoft.graph.core.tasks.LargeFileUploadTask;
import com.microsoft.graph.models.Attachment;
import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.AttachmentType;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.ItemAttachment;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.messages.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.exchangehub.sandbox.seed.SeedPopulator;
import io.exchangehub.sandbox.store.Content;
import io.exchangehub.sandbox.store.FileContent;
import io.exchangehub.sandbox.store.GeneratedContent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GraphAttachmentIT extends GraphIntegrationTest {

    /** A chunk size the way Graph asks for it: a multiple of 320 KiB, at most 4 MB. */
    private static final long CHUNK = 12 * 320 * 1024;
    private static final long FORTY_MB = 40L * 1024 * 1024;

    @Test
    void attachmentsAreListedAndReadWithTheirBytes() throws Exception {
        GraphServiceClient graph = graph(CAROL);
        io.exchangehub.sandbox.store.Message audit = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class,
                m -> m.subject.equals("Documents for the audit"));
        List<Attachment> listed = graph.me().messages().byMessageId(audit.id).attachments().get(r ->
                r.queryParameters.select = new String[] {"name", "size", "contentType"}).getValue();
        assertThat(listed).extracting(Attachment::getName).containsExactly("checklist.txt", "Summary.docx", "Ledger-2024.xlsx",
                "Scans.pdf");
        assertThat(listed).extracting(Attachment::getSize).containsExactly(1024, 100 * 1024, 1024 * 1024, 5 * 1024 * 1024);
        assertThat(((FileAttachment) listed.get(0)).getContentBytes()).isNull();

        io.exchangehub.sandbox.store.FileAttachment ledger = (io.exchangehub.sandbox.store.FileAttachment) audit.attachments.get(2);
        FileAttachment read = (FileAttachment) graph.me().messages().byMessageId(audit.id).attachments().byAttachmentId(ledger.id)
                .get();
        assertThat(read.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(read.getIsInline()).isFalse();
        try (InputStream expected = ledger.content.open()) {
            assertThat(read.getContentBytes()).isEqualTo(expected.readAllBytes());
        }
    }

    @Test
    void anItemAttachmentExpandsToItsMessage() {
        io.exchangehub.sandbox.store.Message forward = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class,
                m -> m.subject.startsWith("FW: Original offer"));
        String attachmentId = forward.attachments.get(0).id;
        ItemAttachment plain = (ItemAttachment) graph(CAROL).me().messages().byMessageId(forward.id).attachments()
                .byAttachmentId(attachmentId).get();
        assertThat(plain.getItem()).isNull();
        ItemAttachment expanded = (ItemAttachment) graph(CAROL).me().messages().byMessageId(forward.id).attachments()
                .byAttachmentId(attachmentId).get(r -> r.queryParameters.expand = new String[] {"microsoft.graph.itemattachment/item"});
        Message item = (Message) expanded.getItem();
        assertThat(item.getSubject()).startsWith("Original offer from");
        assertThat(item.getBody().getContent()).contains("120 seats");
    }

    @Test
    void valueStreamsTheTwentyFiveMegabyteAttachmentAndRanges() throws Exception {
        io.exchangehub.sandbox.store.Message board = itemIn(CAROL, "Inbox", io.exchangehub.sandbox.store.Message.class,
                m -> m.subject.startsWith("Board pack"));
        io.exchangehub.sandbox.store.FileAttachment pdf = (io.exchangehub.sandbox.store.FileAttachment) board.attachments.get(0);
        assertThat(pdf.size()).isEqualTo(SeedPopulator.LARGE_ATTACHMENT_SIZE);
        try (InputStream in = value(graph(CAROL), board.id, pdf.id)) {
            assertThat(digest(in)).isEqualTo(digest(pdf.content.open()));
        }

        HttpResponse<byte[]> range = send(HttpRequest.newBuilder(URI.create(baseUrl() + ROOT + "/me/messages/" + board.id
                        + "/attachments/" + pdf.id + "/$value")).header("Authorization", "Bearer " + tokenOf(CAROL))
                .header("Range", "bytes=1000-1999").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + pdf.size());
        try (InputStream expected = pdf.content.open(1000, 1000)) {
            assertThat(range.body()).isEqualTo(expected.readAllBytes());
        }
        HttpResponse<byte[]> beyond = send(HttpRequest.newBuilder(URI.create(baseUrl() + ROOT + "/me/messages/" + board.id
                        + "/attachments/" + pdf.id + "/$value")).header("Authorization", "Bearer " + tokenOf(CAROL))
                .header("Range", "bytes=" + pdf.size() + "-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void smallFilesAreAddedAndDeletedAndOversizedOrBrokenOnesRefused() throws Exception {
        GraphServiceClient graph = graph(CAROL);
        Message draft = new Message();
        draft.setSubject("Attachments " + UUID.randomUUID());
        Message created = graph.me().messages().post(draft);
        byte[] bytes = "Hello, attachment".getBytes();
        FileAttachment file = new FileAttachment();
        file.setName("hello.txt");
        file.setContentBytes(bytes);
        Attachment added = graph.me().messages().byMessageId(created.getId()).attachments().post(file);
        assertThat(added.getSize()).isEqualTo(bytes.length);
        assertThat(added.getContentType()).isEqualTo("text/plain");
        try (InputStream in = value(graph, created.getId(), added.getId())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(graph.me().messages().byMessageId(created.getId()).get().getHasAttachments()).isTrue();

        String changeKey = graph.me().messages().byMessageId(created.getId()).get().getChangeKey();
        String tooLarge = "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"big.bin\",\"contentBytes\":\""
                + Base64.getEncoder().encodeToString(new byte[3 * 1024 * 1024 + 1]) + "\"}";
        HttpResponse<String> large = raw("POST", "/me/messages/" + created.getId() + "/attachments", tokenOf(CAROL), tooLarge);
        assertThat(large.statusCode()).isEqualTo(413);
        JsonNode broken = rawJson("POST", "/me/messages/" + created.getId() + "/attachments", tokenOf(CAROL),
                "{\"@odata.type\":\"#microsoft.graph.fileAttachment\",\"name\":\"x.bin\",\"contentBytes\":\"not*base64\"}", 400);
        assertThat(broken.at("/error/code").asText()).isEqualTo("RequestBodyRead");
        assertThat(graph.me().messages().byMessageId(created.getId()).get().getChangeKey()).isEqualTo(changeKey);

        graph.me().messages().byMessageId(created.getId()).attachments().byAttachmentId(added.getId()).delete();
        assertThat(graph.me().messages().byMessageId(created.getId()).attachments().get().getValue()).isEmpty();
        assertThatThrownBy(() -> graph.me().messages().byMessageId(created.getId()).attachments().byAttachmentId(added.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    void fortyMegabytesGoUpInAnUploadSessionAndComeBackByteForByte() throws Exception {
        GraphServiceClient graph = graph(CAROL);
        Message draft = new Message();
        draft.setSubject("Large upload " + UUID.randomUUID());
        Message created = graph.me().messages().post(draft);
        GeneratedContent source = GeneratedContent.forFile("video.mp4", 40, FORTY_MB);

        UploadSession session = graph.me().messages().byMessageId(created.getId()).attachments().createUploadSession()
                .post(uploadRequest("video.mp4", FORTY_MB));
        assertThat(session.getUploadUrl()).startsWith(baseUrl() + "/sandbox/graph/upload/");
        assertThat(session.getNextExpectedRanges()).containsExactly("0-");
        LargeFileUploadTask<AttachmentItem> task = new LargeFileUploadTask<>(null, session, source.open(), FORTY_MB, CHUNK,
                AttachmentItem::createFromDiscriminatorValue);
        UploadResult<AttachmentItem> result = task.upload();
        assertThat(result.isUploadSuccessful()).isTrue();
        assertThat(result.location.toString()).contains("/attachments/");

        Attachment attachment = graph.me().messages().byMessageId(created.getId()).attachments().get().getValue().get(0);
        assertThat(attachment.getName()).isEqualTo("video.mp4");
        assertThat(attachment.getSize()).isEqualTo((int) FORTY_MB);
        Content stored = store.read(() -> ((io.exchangehub.sandbox.store.FileAttachment) store.attachment(attachment.getId())).content);
        assertThat(stored).as("spooled to a file, not held on the heap").isInstanceOf(FileContent.class);
        try (InputStream in = value(graph, created.getId(), attachment.getId())) {
            assertThat(digest(in)).isEqualTo(digest(source.open()));
        }
    }

    @Test
    void uploadSessionsRefuseWrongRangesAndCanBeCancelled() {
        GraphServiceClient graph = graph(CAROL);
        Message draft = new Message();
        draft.setSubject("Refused upload " + UUID.randomUUID());
        Message created = graph.me().messages().post(draft);
        assertThatThrownBy(() -> graph.me().messages().byMessageId(created.getId()).attachments().createUploadSession()
                .post(uploadRequest("small.bin", 1024))).isInstanceOfSatisfying(ODataError.class,
                        e -> assertThat(e.getError().getCode()).isEqualTo("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize"));
        long size = 4L * 1024 * 1024;
        UploadSession session = graph.me().messages().byMessageId(created.getId()).attachments().createUploadSession()
                .post(uploadRequest("data.bin", size));
        String url = session.getUploadUrl();
        byte[] chunk = new byte[1024 * 1024];

        assertThat(put(url, chunk, "bytes 0-1048575/" + (size + 1)).statusCode()).isEqualTo(400);
        assertThat(put(url, chunk, "bytes 1048576-2097151/" + size).statusCode()).isEqualTo(416);
        HttpResponse<String> first = put(url, chunk, "bytes 0-1048575/" + size);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(readJson(first.body()).get("nextExpectedRanges").get(0).asText()).isEqualTo("1048576-" + (size - 1));
        HttpResponse<String> overlap = put(url, chunk, "bytes 0-1048575/" + size);
        assertThat(overlap.statusCode()).isEqualTo(416);
        assertThat(readJson(overlap.body()).at("/error/code").asText()).isEqualTo("invalidRange");
        assertThat(put(url, chunk, "bytes 1048576-2097151").statusCode()).isEqualTo(400);

        HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertThat(readJson(status.body()).get("nextExpectedRanges").get(0).asText()).startsWith("1048576-");
        assertThat(send(HttpRequest.newBuilder(URI.create(url)).DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(put(url, chunk, "bytes 1048576-2097151/" + size).statusCode()).isEqualTo(404);
        assertThat(graph.me().messages().byMessageId(created.getId()).attachments().get().getValue()).isEmpty();
    }

    private static CreateUploadSessionPostRequestBody uploadRequest(String name, long size) {
        AttachmentItem item = new AttachmentItem();
        item.setAttachmentType(AttachmentType.File);
        item.setName(name);
        item.setSize(size);
        CreateUploadSessionPostRequestBody body = new CreateUploadSessionPostRequestBody();
        body.setAttachmentItem(item);
        return body;
    }

    private static HttpResponse<String> put(String url, byte[] chunk, String contentRange) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Range", contentRange)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build());
    }

    /** {@code $value} of an attachment through the SDK's request adapter, as a stream (the SDK has no builder for it). */
    private InputStream value(GraphServiceClient graph, String messageId, String attachmentId) {
        RequestInformation request = new RequestInformation();
        request.httpMethod = HttpMethod.GET;
        request.urlTemplate = "{+baseurl}/me/messages/{message}/attachments/{attachment}/$value";
        request.pathParameters.put("message", messageId);
        request.pathParameters.put("attachment", attachmentId);
        HashMap<String, ParsableFactory<? extends Parsable>> errors = new HashMap<>();
        errors.put("XXX", ODataError::createFromDiscriminatorValue);
        return graph.getRequestAdapter().sendPrimitive(request, errors, InputStream.class);
    }

    private static byte[] digest(InputStream in) throws IOException, java.security.NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream digesting = new DigestInputStream(in, sha)) {
            byte[] buffer = new byte[64 * 1024];
            while (digesting.read(buffer) >= 0) {
                // the digest sees every byte read
            }
        }
        return sha.digest();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
