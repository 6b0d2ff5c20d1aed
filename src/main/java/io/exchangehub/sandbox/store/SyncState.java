package io.exchangehub.sandbox.store;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.BitSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * What a client knows of a folder (or of a mailbox's folder tree), as Exchange's ICS sync
 * state does: the journal sequence number it is up to date with, and the set of objects it
 * has been told about. Self-contained, so the server keeps nothing per client; compressed,
 * since the numbers of a folder's items are mostly contiguous.
 *
 * @param mailbox the mailbox ordinal
 * @param scope   the folder number it belongs to (0 for a whole-mailbox folder hierarchy)
 * @param seq     the journal sequence the client is up to date with
 * @param known   the numbers of the objects the client has been told about
 */
public record SyncState(int mailbox, long scope, long seq, BitSet known) {

    private static final byte VERSION = 1;

    public static SyncState initial(int mailbox, long scope) {
        return new SyncState(mailbox, scope, 0, new BitSet());
    }

    public String encode() {
        byte[] bits = known.toByteArray();
        ByteBuffer raw = ByteBuffer.allocate(1 + 4 + 8 + 8 + bits.length);
        raw.put(VERSION).putInt(mailbox).putLong(scope).putLong(seq).put(bits);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw.array());
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * Reads a state a client sent back.
     *
     * @throws StoreException {@link StoreError#INVALID_SYNC_STATE} if it is not one of ours, or not of that scope
     */
    public static SyncState decode(String text, int mailbox, long scope) {
        try {
            byte[] compressed = Base64.getUrlDecoder().decode(text.strip());
            Inflater inflater = new Inflater();
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated");
                }
                out.write(chunk, 0, n);
                if (out.size() > 16 * 1024 * 1024) {
                    throw new DataFormatException("too large");
                }
            }
            inflater.end();
            ByteBuffer raw = ByteBuffer.wrap(out.toByteArray());
            if (raw.remaining() < 21 || raw.get() != VERSION) {
                throw invalid();
            }
            int stateMailbox = raw.getInt();
            long stateScope = raw.getLong();
            long seq = raw.getLong();
            byte[] bits = new byte[raw.remaining()];
            raw.get(bits);
            if (stateMailbox != mailbox || stateScope != scope || seq < 0) {
                throw invalid();
            }
            return new SyncState(stateMailbox, stateScope, seq, BitSet.valueOf(bits));
        } catch (IllegalArgumentException | DataFormatException e) {
            throw invalid();
        }
    }

    private static StoreException invalid() {
        return new StoreException(StoreError.INVALID_SYNC_STATE, "Synchronization state data is corrupt or otherwise invalid.");
    }
}
