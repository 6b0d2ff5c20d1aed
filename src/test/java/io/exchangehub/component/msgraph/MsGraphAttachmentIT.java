package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.component.msgraph.client.MsGraphHttp;
import io.exchangehub.model.Attachment;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.InvalidIdException;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Page;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MsGraphAttachmentIT extends MsGraphIntegrationTest {

    private static final long FORTY_MB = 40L * 1024 * 1024;
    /** What the upload or the download may keep on the heap: a chunk or a buffer, never the file. */
    private static final long HEAP_BOUND = 16L * 1024 * 1024;

    @Autowired
    MeterRegistry meters;

    private MailMessage inboxMessage(String subject) {
        @SuppressWarnings("unchecked")
        Page<MailMessage> page = result("messages", MsGraphOperation.listMessages, null, Page.class, MsGraphConstants.FOLDER_ID,
                "inbox", MsGraphConstants.FILTER_SUBJECT, subject);
        return page.items().get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Attachment> attachments(String messageId) {
        return result("attachments", MsGraphOperation.listAttachments, null, List.class, MsGraphConstants.ITEM_ID, messageId);
    }

    private MailMessage draft() {
        return result("messages", MsGraphOperation.createDraft, new MessageDraft("Attachments " + UUID.randomUUID(), null, null, null,
                null, null, null, null, null), MailMessage.class);
    }

    @Test
    void attachmentsAreListedAndDownloadedWithTheirTypeLengthAndName() throws IOException {
        MailMessage audit = inboxMessage("Documents for the audit");
        List<Attachment> list = attachments(audit.id());
        assertThat(list).extracting(Attachment::name).containsExactlyInAnyOrder("checklist.txt", "Summary.docx", "Ledger-2024.xlsx",
                "Scans.pdf");
        Attachment checklist = list.stream().filter(a -> a.name().equals("checklist.txt")).findFirst().orElseThrow();
        assertThat(checklist.id()).matches("[A-Za-z0-9_-]+");
        assertThat(checklist.kind()).isEqualTo(Attachment.Kind.FILE);

        Attachment metadata = result("attachments", MsGraphOperation.getAttachment, null, Attachment.class,
                MsGraphConstants.ATTACHMENT_ID, checklist.id());
        assertThat(metadata).isEqualTo(checklist);

        Exchange download = call("attachments", MsGraphOperation.downloadAttachment, null, MsGraphConstants.ATTACHMENT_ID, checklist.id());
        assertThat(download.getMessage().getHeader(MsGraphConstants.CONTENT_TYPE)).isEqualTo("text/plain");
        assertThat(download.getMessage().getHeader(MsGraphConstants.CONTENT_LENGTH)).isEqualTo(1024L);
        assertThat(download.getMessage().getHeader(MsGraphConstants.FILE_NAME)).isEqualTo("checklist.txt");
        try (InputStream in = download.getMessage().getBody(InputStream.class)) {
            assertThat(in.readAllBytes()).hasSize(1024);
        }

        MailMessage forward = inboxMessage("FW: Original offer");
        Attachment item = attachments(forward.id()).get(0);
        assertThat(item.kind()).isEqualTo(Attachment.Kind.ITEM);
        Exchange mime = call("attachments", MsGraphOperation.downloadAttachment, null, MsGraphConstants.ATTACHMENT_ID, item.id());
        try (InputStream in = mime.getMessage().getBody(InputStream.class)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("Subject: Original offer");
        }

        Exchange forged = call("attachments", MsGraphOperation.getAttachment, null, MsGraphConstants.ATTACHMENT_ID, "bm90LW91cnM");
        assertThat(forged.getException()).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void aSmallAttachmentGoesUpInOneRequestAndIsDeleted() {
        MailMessage draft = draft();
        byte[] bytes = "a small file".getBytes(StandardCharsets.UTF_8);
        Attachment added = result("attachments", MsGraphOperation.addAttachment,
                new AttachmentUpload("small.txt", null, bytes.length, false, null, () -> new java.io.ByteArrayInputStream(bytes)),
                Attachment.class, MsGraphConstants.ITEM_ID, draft.id());
        assertThat(added.name()).isEqualTo("small.txt");
        assertThat(added.contentType()).isEqualTo("text/plain");
        assertThat(added.size()).isEqualTo(bytes.length);
        result("attachments", MsGraphOperation.deleteAttachment, null, Object.class, MsGraphConstants.ATTACHMENT_ID, added.id());
        assertThat(attachments(draft.id())).isEmpty();
        Exchange gone = call("attachments", MsGraphOperation.getAttachment, null, MsGraphConstants.ATTACHMENT_ID, added.id());
        assertThat(gone.getException()).isInstanceOf(NotFoundException.class);
        result("messages", MsGraphOperation.deleteMessage, null, Object.class, MsGraphConstants.ITEM_ID, draft.id(),
                MsGraphConstants.DELETE_MODE, "HARD");
    }

    @Test
    void fortyMegabytesGoUpInChunksOfAnUploadSessionAndComeBackStreamedWithBoundedHeap() throws Exception {
        MailMessage draft = draft();
        HeapProbe uploadProbe = new HeapProbe();
        double before = requests("PUT");
        Attachment uploaded = result("attachments", MsGraphOperation.addAttachment,
                new AttachmentUpload("video.mp4", "video/mp4", FORTY_MB, false, null, () -> new GeneratedStream(FORTY_MB, 7, uploadProbe)),
                Attachment.class, MsGraphConstants.ITEM_ID, draft.id());
        assertThat(uploaded.size()).isEqualTo(FORTY_MB);
        assertThat(uploaded.name()).isEqualTo("video.mp4");
        assertThat(requests("PUT") - before).as("chunks of 3.75 MiB").isEqualTo(11);
        assertThat(uploadProbe.growth()).as("heap kept while uploading").isLessThan(HEAP_BOUND);

        HeapProbe downloadProbe = new HeapProbe();
        Exchange download = call("attachments", MsGraphOperation.downloadAttachment, null, MsGraphConstants.ATTACHMENT_ID, uploaded.id());
        assertThat(download.getMessage().getHeader(MsGraphConstants.CONTENT_LENGTH)).isEqualTo(FORTY_MB);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        try (InputStream in = download.getMessage().getBody(InputStream.class)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.update(buffer, 0, n);
                total += n;
                downloadProbe.at(total, FORTY_MB);
            }
            assertThat(total).isEqualTo(FORTY_MB);
        }
        assertThat(downloadProbe.growth()).as("heap kept while downloading").isLessThan(HEAP_BOUND);
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new GeneratedStream(FORTY_MB, 7, new HeapProbe())) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sent.update(buffer, 0, n);
            }
        }
        assertThat(received.digest()).isEqualTo(sent.digest());
        result("messages", MsGraphOperation.deleteMessage, null, Object.class, MsGraphConstants.ITEM_ID, draft.id(),
                MsGraphConstants.DELETE_MODE, "HARD");
    }

    private double requests(String method) {
        return meters.find(MsGraphHttp.REQUESTS_METRIC).tag("method", method).counters().stream().mapToDouble(Counter::count).sum();
    }

    /**
     * The heap kept (after a full collection) half way through a transfer, against before it:
     * what a transfer holds on to, not the garbage it makes on the way.
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

    /** Reproducible bytes, made as they are read, telling a probe how far the reading got. */
    static final class GeneratedStream extends InputStream {
        private final long size;
        private final HeapProbe probe;
        private final java.util.SplittableRandom random;
        private final AtomicLong position = new AtomicLong();

        GeneratedStream(long size, long seed, HeapProbe probe) {
            this.size = size;
            this.probe = probe;
            this.random = new java.util.SplittableRandom(seed);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            long left = size - position.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            probe.at(position.addAndGet(n), size);
            return n;
        }
    }
}
