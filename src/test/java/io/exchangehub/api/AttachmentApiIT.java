package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attachment endpoints end to end, for an EWS mailbox (Alice) and a Graph mailbox (Carol) with
 * the same assertions: metadata, the seeded 25 MB file whole and in ranges (byte for byte, by
 * SHA-256 and kept slices, never held twice), uploads streamed onto a draft made through the API,
 * bad input refused with nothing attached, and the heap the hub keeps while a file goes through it.
 */
class AttachmentApiIT extends ApiIntegrationTest {

    private static final long MB = 1024 * 1024;
    private static final long BOARD_PACK_SIZE = 25 * MB;
    /** What a download or an upload through the hub may keep on the heap: buffers, never the file. */
    private static final long HEAP_BOUND = 16 * MB;

    /** HTTP/1.1 as browsers upload: the default client would offer h2c, which says nothing here. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void listsAMessagesAttachmentsWithInlineImagesFlaggedAndReadsOne(String user) {
        String boardPack = messageId(user, "Board pack for Q3 (25 MB)");
        Answer list = get(user, "/mail/messages/" + boardPack + "/attachments");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("ETag")).isNotBlank();
        JsonNode pdf = list.json().get("items").get(0);
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(pdf.get("name").asText()).isEqualTo("Board-pack-Q3.pdf");
        assertThat(pdf.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(pdf.get("size").asLong()).isEqualTo(BOARD_PACK_SIZE);
        assertThat(pdf.get("isInline").asBoolean()).isFalse();
        assertThat(pdf.get("kind").asText()).isEqualTo("file");

        Answer one = get(user, "/attachments/" + pdf.get("id").asText());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(pdf);
        assertThat(get(user, "/attachments/" + pdf.get("id").asText(), Map.of("If-None-Match", one.header("ETag"))).status())
                .isEqualTo(304);

        String newsletter = messageId(user, "Contoso Insider", "/mail/folders/" + folderId(user, "/Inbox/Newsletters") + "/messages?top=5&q=");
        JsonNode logo = get(user, "/mail/messages/" + newsletter + "/attachments").json().get("items").get(0);
        assertThat(logo.get("isInline").asBoolean()).isTrue();
        assertThat(logo.get("contentId").asText()).isEqualTo("insider-logo@contoso");
        assertThat(logo.get("contentType").asText()).isEqualTo("image/png");
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void downloadsTheTwentyFiveMegabyteFileWholeAndInRangesByteForByteWithBoundedHeap(String user) throws Exception {
        String id = boardPackAttachment(user);
        long middle = 12 * MB + 345;
        int slice = (int) MB;
        long last = BOARD_PACK_SIZE - 1;
        // the ranges first: they also let the sandbox finish building the mailbox before the heap is measured
        byte[] firstByte = range(user, id, "bytes=0-0", Map.of(), "bytes 0-0/" + BOARD_PACK_SIZE);
        byte[] middleRange = range(user, id, "bytes=" + middle + "-" + (middle + slice - 1), Map.of(),
                "bytes " + middle + "-" + (middle + slice - 1) + "/" + BOARD_PACK_SIZE);
        byte[] suffixRange = range(user, id, "bytes=-" + slice, Map.of(), "bytes " + (last - slice + 1) + "-" + last + "/" + BOARD_PACK_SIZE);

        byte[] first = new byte[1];
        byte[] middleSlice = new byte[slice];
        byte[] suffix = new byte[slice];
        HeapProbe heap = new HeapProbe();
        // HttpURLConnection reads no further than its reader asks (socket buffers aside): the probe
        // measures what the hub keeps, not a client's read-ahead
        java.net.HttpURLConnection whole = (java.net.HttpURLConnection) URI.create(baseUrl() + "/api/v1/attachments/" + id + "/content")
                .toURL().openConnection();
        whole.setRequestProperty("Authorization", "Bearer " + tokenOf(user));
        whole.setRequestProperty("Accept-Encoding", "gzip");
        assertThat(whole.getResponseCode()).isEqualTo(200);
        assertThat(whole.getHeaderField("Content-Type")).isEqualTo("application/pdf");
        assertThat(whole.getHeaderFieldLong("Content-Length", -1)).isEqualTo(BOARD_PACK_SIZE);
        assertThat(whole.getHeaderField("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.getHeaderField("Content-Disposition")).isEqualTo("attachment; filename=\"Board-pack-Q3.pdf\"");
        assertThat(whole.getHeaderField("Content-Encoding")).isNull();
        String etag = whole.getHeaderField("ETag");
        MessageDigest wholeDigest = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (InputStream in = whole.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                wholeDigest.update(buffer, 0, n);
                copyOverlap(buffer, n, total, 0, first);
                copyOverlap(buffer, n, total, middle, middleSlice);
                copyOverlap(buffer, n, total, BOARD_PACK_SIZE - slice, suffix);
                total += n;
                heap.at(total, BOARD_PACK_SIZE);
            }
        }
        assertThat(total).isEqualTo(BOARD_PACK_SIZE);
        assertThat(heap.growth()).as("heap the hub kept half-way through the download").isLessThan(HEAP_BOUND);
        assertThat(new String(first, StandardCharsets.US_ASCII)).as("a PDF starts with %PDF-").isEqualTo("%");
        assertThat(firstByte).isEqualTo(first);
        assertThat(middleRange).isEqualTo(middleSlice);
        assertThat(suffixRange).isEqualTo(suffix);
        assertThat(range(user, id, "bytes=" + (BOARD_PACK_SIZE - slice) + "-", Map.of("If-Range", etag),
                "bytes " + (last - slice + 1) + "-" + last + "/" + BOARD_PACK_SIZE)).isEqualTo(suffix);
        MessageDigest pieces = MessageDigest.getInstance("SHA-256");
        for (String piece : new String[] {"bytes=0-" + (middle - 1), "bytes=" + middle + "-" + (20 * MB - 1), "bytes=" + 20 * MB + "-"}) {
            HttpResponse<InputStream> part = download(user, id, Map.of("Range", piece));
            assertThat(part.statusCode()).as(piece).isEqualTo(206);
            digest(part.body(), pieces);
        }
        assertThat(pieces.digest()).as("the file in three ranges is the whole file").isEqualTo(wholeDigest.digest());

        assertThat(statusOf(download(user, id, Map.of("Range", "bytes=0-0", "If-Range", "\"another\"")))).as("stale If-Range")
                .isEqualTo(200);
        assertThat(statusOf(download(user, id, Map.of("Range", "bytes=0-0,5-9")))).as("several ranges: the whole file")
                .isEqualTo(200);
        assertThat(statusOf(download(user, id, Map.of("If-None-Match", etag)))).isEqualTo(304);

        HttpResponse<InputStream> outside = download(user, id, Map.of("Range", "bytes=" + BOARD_PACK_SIZE + "-"));
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */" + BOARD_PACK_SIZE);
        assertThat(outside.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        boolean gzipped = outside.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent();
        try (InputStream in = gzipped ? new java.util.zip.GZIPInputStream(outside.body()) : outside.body()) {
            assertThat(readJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)).get("type").asText())
                    .isEqualTo("urn:exchange-hub:problem:range-not-satisfiable");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void uploadsThirtyTwoMegabytesStreamedOntoADraftAndReadsThemBackEqual(String user) throws Exception {
        String draft = draft(user);
        try {
            long size = 32 * MB;
            String name = "Präsentation Q3 \"final\".bin";
            HeapProbe heap = new HeapProbe();
            HttpResponse<String> created = sendHttp1(upload(user, "/mail/messages/" + draft + "/attachments", "application/octet-stream",
                    Map.of("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                            .replace("+", "%20")), size, () -> new Generated(size, 7, heap)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(heap.growth()).as("heap the hub kept half-way through the upload").isLessThan(HEAP_BOUND);
            JsonNode attachment = readJson(created.body());
            String id = attachment.get("id").asText();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/attachments/" + id);
            assertThat(attachment.get("name").asText()).isEqualTo(name);
            assertThat(attachment.get("size").asLong()).isEqualTo(size);
            assertThat(attachment.get("contentType").asText()).isEqualTo("application/octet-stream");

            HttpResponse<InputStream> back = download(user, id, Map.of());
            assertThat(back.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"Prasentation Q3 _final_.bin\"; filename*=UTF-8''Pr%C3%A4sentation%20Q3%20%22final%22.bin");
            assertThat(sha256(back.body())).isEqualTo(sha256(new Generated(size, 7, null)));

            assertThat(delete(user, "/attachments/" + id).status()).isEqualTo(204);
            assertThat(get(user, "/attachments/" + id).status()).isEqualTo(404);
            assertThat(attachmentsOf(user, draft)).isEmpty();
        } finally {
            deleteDraft(user, draft);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void uploadsAMultipartFileAndAnInlineImage(String user) throws Exception {
        String draft = draft(user);
        try {
            long size = 200 * 1024 + 17;
            HttpResponse<String> created = sendHttp1(multipart(user, draft, "?inline=true&contentId=chart%40crm", "chart.png", "image/png",
                    size, "\r\n"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode attachment = readJson(created.body());
            assertThat(attachment.get("name").asText()).isEqualTo("chart.png");
            assertThat(attachment.get("contentType").asText()).isEqualTo("image/png");
            assertThat(attachment.get("size").asLong()).isEqualTo(size);
            assertThat(attachment.get("isInline").asBoolean()).isTrue();
            assertThat(attachment.get("contentId").asText()).isEqualTo("chart@crm");
            HttpResponse<InputStream> back = download(user, attachment.get("id").asText(), Map.of());
            assertThat(back.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(sha256(back.body())).isEqualTo(sha256(new Generated(size, 11, null)));
        } finally {
            deleteDraft(user, draft);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void badUploadsAreRefusedWithNothingAttached(String user) throws Exception {
        String draft = draft(user);
        try {
            String path = "/mail/messages/" + draft + "/attachments";
            HttpResponse<String> tooLarge = sendHttp1(upload(user, path + "?name=big.bin", "application/octet-stream", Map.of(),
                    150 * MB + 1, () -> new Generated(150 * MB + 1, 3, null)));
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(readJson(tooLarge.body()).get("type").asText()).isEqualTo("urn:exchange-hub:problem:payload-too-large");

            HttpResponse<String> crlf = sendHttp1(upload(user, path + "?name=" + encode("evil\r\nSet-Cookie: a=b.txt"), "text/plain",
                    Map.of(), 10, () -> new Generated(10, 3, null)));
            assertThat(crlf.statusCode()).isEqualTo(400);
            assertThat(readJson(crlf.body()).get("errors").get(0).get("pointer").asText()).isEqualTo("/query/name");

            HttpResponse<String> nameless = sendHttp1(upload(user, path, "application/octet-stream", Map.of(), 10,
                    () -> new Generated(10, 3, null)));
            assertThat(nameless.statusCode()).isEqualTo(400);

            HttpResponse<String> chunked = sendHttp1(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1" + path + "?name=c.bin"))
                    .header("Authorization", "Bearer " + tokenOf(user)).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(1000, 3, null))).build());
            assertThat(chunked.statusCode()).as("no declared length").isEqualTo(400);

            HttpResponse<String> twoParts = sendHttp1(multipart(user, draft, "", "a.txt", "text/plain", 4 * MB,
                    "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nmore\r\n"));
            assertThat(twoParts.statusCode()).as(twoParts.body()).isEqualTo(400);
            HttpResponse<String> smallTwoParts = sendHttp1(multipart(user, draft, "", "a.txt", "text/plain", 1000,
                    "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nmore\r\n"));
            assertThat(smallTwoParts.statusCode()).as(smallTwoParts.body()).isEqualTo(400);

            assertThat(attachmentsOf(user, draft)).as("nothing was attached").isEmpty();
        } finally {
            deleteDraft(user, draft);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void malformedAndForeignAttachmentIdsAreRefusedBeforeAnyBackend(String user) {
        assertThat(get(user, "/attachments/not-an-id").status()).isEqualTo(400);
        assertThat(get(user, "/attachments/not-an-id/content").status()).isEqualTo(400);
        String other = user.equals(ALICE) ? CAROL : ALICE;
        String foreign = boardPackAttachment(other);
        assertThat(get(user, "/attachments/" + foreign).status()).isEqualTo(404);
        assertThat(get(user, "/attachments/" + foreign + "/content").status()).isEqualTo(404);
        assertThat(delete(user, "/attachments/" + foreign).status()).isEqualTo(404);
        String message = messageId(user, "Board pack for Q3 (25 MB)");
        assertThat(get(user, "/attachments/" + message).status()).as("a message id is no attachment id").isEqualTo(404);
        assertThat(attachmentsOf(other, messageId(other, "Board pack for Q3 (25 MB)"))).as("the other mailbox is unchanged")
                .hasSize(1);
    }

    /** text/plain is among the types the server compresses; a file's bytes and ranges must stay as they are. */
    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void aTextFileIsSentUncompressedWithItsExactLength(String user) throws Exception {
        String audit = messageId(user, "Documents for the audit");
        JsonNode text = null;
        for (JsonNode attachment : attachmentsOf(user, audit)) {
            if (attachment.get("name").asText().equals("checklist.txt")) {
                text = attachment;
            }
        }
        assertThat(text).isNotNull();
        HttpResponse<InputStream> answer = download(user, text.get("id").asText(), Map.of());
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(answer.headers().firstValue("Content-Encoding")).isEmpty();
        try (InputStream in = answer.body()) {
            assertThat(in.readAllBytes()).hasSize(text.get("size").asInt());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {ALICE, CAROL})
    void anAttachedMessageDownloadsAsItsMime(String user) throws Exception {
        String forward = messageId(user, "FW: Original offer from");
        JsonNode item = get(user, "/mail/messages/" + forward + "/attachments").json().get("items").get(0);
        assertThat(item.get("kind").asText()).isEqualTo("item");
        HttpResponse<InputStream> mime = download(user, item.get("id").asText(), Map.of());
        assertThat(mime.statusCode()).isEqualTo(200);
        assertThat(mime.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        try (InputStream in = mime.body()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Subject: Original offer from");
        }
    }

    // --- helpers

    private static final String BOUNDARY = "hub-test-boundary-7MA4YWxkTrZu0gW";

    private String messageId(String user, String subject) {
        return messageId(user, subject, "/mail/folders/inbox/messages?top=50&q=");
    }

    private String messageId(String user, String subject, String listing) {
        Answer page = get(user, listing + encode(subject));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        for (JsonNode message : page.json().get("items")) {
            if (message.get("subject").asText().startsWith(subject)) {
                return message.get("id").asText();
            }
        }
        throw new AssertionError("no message '" + subject + "' in the inbox of " + user);
    }

    private String folderId(String user, String path) {
        for (JsonNode folder : get(user, "/mail/folders").json().get("items")) {
            if (folder.get("path").asText().equals(path)) {
                return folder.get("id").asText();
            }
        }
        throw new AssertionError("no folder " + path);
    }

    private String boardPackAttachment(String user) {
        return attachmentsOf(user, messageId(user, "Board pack for Q3 (25 MB)")).get(0).get("id").asText();
    }

    private JsonNode attachmentsOf(String user, String messageId) {
        Answer list = get(user, "/mail/messages/" + messageId + "/attachments");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("items");
    }

    private String draft(String user) {
        // not through call(): the contract check of the draft's answer is the mail routes' to pass
        HttpResponse<String> draft = sendHttp1(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/mail/messages"))
                .header("Authorization", "Bearer " + tokenOf(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"draft\": true, \"subject\": \"Attachment test " + UUID.randomUUID() + "\"}"))
                .build());
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        return readJson(draft.body()).get("id").asText();
    }

    private void deleteDraft(String user, String draft) {
        assertThat(delete(user, "/mail/messages/" + draft + "?mode=hard").status()).isEqualTo(204);
    }

    private HttpResponse<InputStream> download(String user, String attachmentId, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/attachments/" + attachmentId + "/content"))
                .header("Authorization", "Bearer " + tokenOf(user)).header("Accept-Encoding", "gzip");
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of a 206 answer, after checking its range headers. */
    private byte[] range(String user, String attachmentId, String range, Map<String, String> headers, String contentRange)
            throws IOException {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Range", range);
        HttpResponse<InputStream> answer = download(user, attachmentId, all);
        assertThat(answer.statusCode()).as(range).isEqualTo(206);
        assertThat(answer.headers().firstValue("Content-Range")).hasValue(contentRange);
        try (InputStream in = answer.body()) {
            byte[] bytes = in.readAllBytes();
            assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(bytes.length);
            return bytes;
        }
    }

    /** The status of a download whose body is not needed; the rest of it is not read. */
    private static int statusOf(HttpResponse<InputStream> answer) throws IOException {
        answer.body().close();
        return answer.statusCode();
    }

    private HttpRequest upload(String user, String path, String contentType, Map<String, String> headers, long length,
            java.util.function.Supplier<InputStream> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1" + path))
                .header("Authorization", "Bearer " + tokenOf(user)).header("Content-Type", contentType);
        headers.forEach(request::header);
        return request.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length)).build();
    }

    /** One part, {@code file}, as a browser sends it; {@code after} is what follows the file (normally CRLF--boundary--CRLF). */
    private HttpRequest multipart(String user, String draft, String query, String name, String type, long size, String after) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = (after.equals("\r\n") ? "\r\n--" + BOUNDARY + "--\r\n" : after + "--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return upload(user, "/mail/messages/" + draft + "/attachments" + query, "multipart/form-data; boundary=" + BOUNDARY,
                Map.of(), head.length + size + tail.length, () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                        java.util.List.of(new java.io.ByteArrayInputStream(head), new Generated(size, 11, null),
                                new java.io.ByteArrayInputStream(tail)))));
    }

    private static HttpResponse<String> sendHttp1(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(InputStream stream) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest(stream, digest);
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static void digest(InputStream stream, MessageDigest digest) throws IOException {
        try (InputStream in = stream) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    /** Copies what a buffer read at {@code position} holds of the slice at {@code offset}. */
    private static void copyOverlap(byte[] buffer, int n, long position, long offset, byte[] slice) {
        long from = Math.max(position, offset);
        long to = Math.min(position + n, offset + slice.length);
        if (from < to) {
            System.arraycopy(buffer, (int) (from - position), slice, (int) (from - offset), (int) (to - from));
        }
    }

    /**
     * The heap kept (after a full collection) half-way through a transfer, against before it: what
     * the hub holds on to while a file goes through it (hub and test share the JVM), not its garbage.
     */
    static final class HeapProbe {
        private final long baseline = retained();
        private volatile long middle = -1;

        void at(long done, long total) {
            if (middle < 0 && done >= total / 2) {
                middle = retained();
            }
        }

        long growth() {
            assertThat(middle).as("the probe saw the middle of the transfer").isNotNegative();
            return middle - baseline;
        }

        private static long retained() {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }
    }

    /** Reproducible bytes made as they are read, telling a probe how far the reading got. */
    static final class Generated extends InputStream {
        private final long size;
        private final HeapProbe probe;
        private final SplittableRandom random;
        private long position;

        Generated(long size, long seed, HeapProbe probe) {
            this.size = size;
            this.probe = probe;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            position += n;
            if (probe != null) {
                probe.at(position, size);
            }
            return n;
        }
    }
}
