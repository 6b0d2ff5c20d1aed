package io.exchangehub.component.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.model.Attachment;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Page;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class EwsAttachmentIT extends EwsComponentTestSupport {

    private static final long MB = 1024 * 1024;

    @SuppressWarnings("unchecked")
    private MailMessage boardPack(String user) {
        Page<MailMessage> page = body(user, EwsOperation.listMessages, null, Map.of(EwsConstants.FILTER_SUBJECT,
                "Board pack for Q3 (25 MB)"), Page.class);
        return page.items().get(0);
    }

    /**
     * The 25 MB PDF is read through the component's stream while the heap is measured after a
     * collection half-way through: the attachment is never held whole (nor its 33 MB of base64).
     */
    @Test
    void downloadsTheTwentyFiveMegabyteAttachmentAsAStreamWithBoundedHeap() throws Exception {
        MailMessage message = boardPack(ALICE);
        @SuppressWarnings("unchecked")
        List<Attachment> attachments = body(ALICE, EwsOperation.listAttachments, null, Map.of(EwsConstants.ITEM_ID, message.id()),
                List.class);
        Attachment pdf = attachments.get(0);
        assertThat(pdf.size()).isEqualTo(25 * MB);
        assertThat(body(ALICE, EwsOperation.getAttachment, null, Map.of(EwsConstants.ITEM_ID, message.id(),
                EwsConstants.ATTACHMENT_ID, pdf.id()), Attachment.class)).isEqualTo(pdf);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        Exchange download = call(ALICE, EwsOperation.downloadAttachment, null, Map.of(EwsConstants.ATTACHMENT_ID, pdf.id()));
        assertThat(download.getException()).isNull();
        assertThat(download.getMessage().getHeader(EwsConstants.CONTENT_TYPE)).isEqualTo("application/pdf");
        assertThat(download.getMessage().getHeader(EwsConstants.CONTENT_LENGTH, Long.class)).isEqualTo(25 * MB);
        assertThat(download.getMessage().getHeader(EwsConstants.FILE_NAME)).isEqualTo("Board-pack-Q3.pdf");
        long total = 0;
        long midway = -1;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = download.getMessage().getBody(InputStream.class)) {
            assertThat(in).isNotInstanceOf(java.io.ByteArrayInputStream.class);
            assertThat(in.readNBytes(5)).isEqualTo("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            total = 5;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (midway < 0 && total >= 12 * MB) {
                    System.gc();
                    midway = memory.getHeapMemoryUsage().getUsed() - baseline;
                }
            }
        }
        assertThat(total).isEqualTo(25 * MB);
        assertThat(midway).as("heap growth half-way through the download").isLessThan(16 * MB);
    }

    @Test
    void smallAttachmentsAreReadWholeAndReleaseTheConnection() throws Exception {
        @SuppressWarnings("unchecked")
        Page<MailMessage> page = body(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.FILTER_SUBJECT,
                "Documents for the audit"), Page.class);
        assertThat(page.items()).isNotEmpty();
        @SuppressWarnings("unchecked")
        List<Attachment> attachments = body(ALICE, EwsOperation.listAttachments, null, Map.of(EwsConstants.ITEM_ID,
                page.items().get(0).id()), List.class);
        Attachment small = attachments.stream().filter(a -> a.size() < 200 * 1024).findFirst().orElseThrow();
        Exchange download = call(ALICE, EwsOperation.downloadAttachment, null, Map.of(EwsConstants.ATTACHMENT_ID, small.id()));
        try (InputStream in = download.getMessage().getBody(InputStream.class)) {
            assertThat(in).isInstanceOf(java.io.ByteArrayInputStream.class);
            assertThat(in.readAllBytes()).hasSize((int) small.size());
        }
    }

    /** An 8 MB file (above the streaming threshold) is attached from a stream that makes its bytes as it is read, then read back and compared. */
    @Test
    void addsALargeAttachmentStreamedAndDeletesIt() throws Exception {
        String subject = "Large upload " + UUID.randomUUID();
        MailMessage draft = body(ALICE, EwsOperation.createDraft, new MessageDraft(subject, null, null, null, null, null, null,
                null, null), Map.of(), MailMessage.class);
        try {
            long size = 8 * MB;
            Attachment added = body(ALICE, EwsOperation.addAttachment, new AttachmentUpload("big.bin",
                    "application/octet-stream", size, false, null, () -> new Generated(size)), Map.of(EwsConstants.ITEM_ID,
                    draft.id()), Attachment.class);
            assertThat(added.name()).isEqualTo("big.bin");
            assertThat(added.size()).isEqualTo(size);
            MessageDigest expected = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new Generated(size)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    expected.update(buffer, 0, n);
                }
            }
            assertThat(digestOf(ALICE, added.id())).isEqualTo(HexFormat.of().formatHex(expected.digest()));

            assertThat(call(ALICE, EwsOperation.deleteAttachment, null, Map.of(EwsConstants.ATTACHMENT_ID, added.id()))
                    .getException()).isNull();
            assertThat(call(ALICE, EwsOperation.getAttachment, null, Map.of(EwsConstants.ITEM_ID, draft.id(),
                    EwsConstants.ATTACHMENT_ID, added.id())).getException()).isInstanceOf(NotFoundException.class);
        } finally {
            call(ALICE, EwsOperation.deleteMessage, null, Map.of(EwsConstants.ITEM_ID, draft.id(), EwsConstants.DELETE_MODE,
                    DeleteMode.HARD));
        }
    }

    @Test
    void anAttachedItemDownloadsAsMime() throws Exception {
        @SuppressWarnings("unchecked")
        Page<MailMessage> page = body(ALICE, EwsOperation.listMessages, null, Map.of(EwsConstants.FILTER_SUBJECT, "FW: Original offer from",
                EwsConstants.TOP, 100), Page.class);
        for (MailMessage message : page.items()) {
            @SuppressWarnings("unchecked")
            List<Attachment> attachments = body(ALICE, EwsOperation.listAttachments, null, Map.of(EwsConstants.ITEM_ID,
                    message.id()), List.class);
            for (Attachment attachment : attachments) {
                if (attachment.kind() == Attachment.Kind.ITEM) {
                    Exchange download = call(ALICE, EwsOperation.downloadAttachment, null, Map.of(EwsConstants.ATTACHMENT_ID,
                            attachment.id()));
                    assertThat(download.getMessage().getHeader(EwsConstants.CONTENT_TYPE)).isEqualTo("message/rfc822");
                    try (InputStream in = download.getMessage().getBody(InputStream.class)) {
                        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("Subject:");
                    }
                    return;
                }
            }
        }
        throw new AssertionError("the seed has a forward carrying an item attachment");
    }

    private String digestOf(String user, String attachmentId) throws Exception {
        Exchange download = call(user, EwsOperation.downloadAttachment, null, Map.of(EwsConstants.ATTACHMENT_ID, attachmentId));
        assertThat(download.getException()).isNull();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = download.getMessage().getBody(InputStream.class)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Bytes made as they are read (a pseudo-random sequence), so a large upload costs no memory in the test either. */
    static final class Generated extends InputStream {
        private final long size;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            position++;
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (int) (state & 0xff);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
