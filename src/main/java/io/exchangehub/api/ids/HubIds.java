package io.exchangehub.api.ids;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.Problems;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The API's public ids: opaque, URL-safe, and self-describing, so that an id says which kind of
 * object, mailbox and backend it belongs to without a lookup. A mistyped id is told apart from an
 * unknown one (its checksum fails: 400), an id of another mailbox or kind is refused before any
 * backend is asked (404), and any id survives a round trip through every endpoint.
 *
 * <p>Layout, before URL-safe base64 without padding: a version byte, the kind and backend letters,
 * the mailbox, the native id and the parent id (each as a length-prefixed UTF-8 string), then a
 * CRC-32 of all that. Ids carry no secret and need none: Exchange checks every access itself; the
 * checksum only catches accidents.
 */
public final class HubIds {

    static final int VERSION = 1;

    /** Folder names every mailbox has; they are ids in their own right and stay as they are. */
    public static final Set<String> WELL_KNOWN_FOLDERS = Set.of("inbox", "drafts", "sentitems", "deleteditems", "junkemail",
            "archive", "outbox", "msgfolderroot");

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private HubIds() {}

    public static String encode(HubId id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + id.nativeId().length());
        out.write(VERSION);
        out.write(id.kind().letter);
        out.write(id.backend().letter);
        writeString(out, id.mailbox());
        writeString(out, id.nativeId());
        writeString(out, id.parentId() == null ? "" : id.parentId());
        CRC32 crc = new CRC32();
        byte[] body = out.toByteArray();
        crc.update(body);
        ByteBuffer checked = ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue());
        return ENCODER.encodeToString(checked.array());
    }

    /**
     * The id a client sent, checked to be of the expected kind and to belong to the mailbox the
     * request is for. A well-known folder name stands for that folder of the request's mailbox.
     *
     * @param text     the id as the client sent it
     * @param expected the kind the operation works on
     * @param mailbox  the mailbox the request is for
     * @param backend  the backend that serves that mailbox
     * @throws ApiException {@code validation} when the id is malformed, {@code not-found} when it
     *                      is of another kind, mailbox or backend
     */
    public static HubId decode(String text, HubId.Kind expected, String mailbox, HubId.Backend backend) {
        if (text == null || text.isEmpty()) {
            throw malformed(expected);
        }
        if (expected == HubId.Kind.FOLDER && WELL_KNOWN_FOLDERS.contains(text.toLowerCase(Locale.ROOT))) {
            return HubId.of(HubId.Kind.FOLDER, backend, mailbox, text.toLowerCase(Locale.ROOT));
        }
        HubId id = parse(text, expected);
        if (id.kind() != expected || !id.mailbox().equals(mailbox.toLowerCase(Locale.ROOT))) {
            throw new ApiException(Problems.Kind.NOT_FOUND, "No such " + noun(expected) + " in this mailbox.");
        }
        if (id.backend() != backend) {
            throw new ApiException(Problems.Kind.NOT_FOUND,
                    "The " + noun(expected) + " id is from before the mailbox moved to another Exchange; list it again for its new id.");
        }
        return id;
    }

    private static HubId parse(String text, HubId.Kind expected) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed(expected);
        }
        if (bytes.length < 3 + 3 * 2 + 4) {
            throw malformed(expected);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != buffer.getInt(bytes.length - 4)) {
            throw malformed(expected);
        }
        buffer.limit(bytes.length - 4);
        HubId.Kind kind;
        HubId.Backend backend;
        String mailbox;
        String nativeId;
        String parent;
        try {
            if (buffer.get() != VERSION) {
                throw malformed(expected);
            }
            kind = HubId.Kind.of(buffer.get());
            backend = HubId.Backend.of(buffer.get());
            mailbox = readString(buffer);
            nativeId = readString(buffer);
            parent = readString(buffer);
        } catch (RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw malformed(expected);
        }
        if (kind == null || backend == null || mailbox.isEmpty() || nativeId.isEmpty() || buffer.hasRemaining()) {
            throw malformed(expected);
        }
        return new HubId(kind, backend, mailbox, nativeId, parent.isEmpty() ? null : parent);
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("An id part of " + bytes.length + " bytes is too long");
        }
        out.write(bytes.length >>> 8);
        out.write(bytes.length & 0xFF);
        out.write(bytes, 0, bytes.length);
    }

    private static String readString(ByteBuffer buffer) {
        int length = Short.toUnsignedInt(buffer.getShort());
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ApiException malformed(HubId.Kind expected) {
        return new ApiException(Problems.Kind.VALIDATION, "The " + noun(expected) + " id is malformed.");
    }

    private static String noun(HubId.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
