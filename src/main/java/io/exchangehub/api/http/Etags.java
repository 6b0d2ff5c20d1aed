package io.exchangehub.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The API's entity tags. A single item's tag is its backend version (EWS ChangeKey, Graph
 * changeKey), so that {@code If-Match} can be handed to the backend as the version a change is
 * based on and a stale one fails there, atomically; a list's tag is a digest of the JSON written.
 * Tags are weak ({@code W/"…"}), as Graph's are: the gzip-compressed and the plain answer are the
 * same representation (Tomcat compresses no answer with a strong tag), and {@code If-Match}
 * compares the version they name, not bytes.
 */
public final class Etags {

    private static final String VERSION_PREFIX = "v.";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Etags() {}

    /**
     * The tag of one item's representation.
     *
     * @param changeKey the item's backend version
     * @param variant   what else the representation depends on (e.g. {@code raw} for an unsanitised body), or null
     */
    public static String ofVersion(String changeKey, String variant) {
        String tag = VERSION_PREFIX + ENCODER.encodeToString(changeKey.getBytes(StandardCharsets.UTF_8));
        return quote(variant == null ? tag : tag + "." + variant);
    }

    /** The tag of a representation that has no version of its own: a digest of its bytes. */
    public static String ofContent(byte[] representation) {
        return quote(digest(representation));
    }

    /**
     * A strong tag, for content that is the same byte for byte while the tag is (an attachment's
     * file): {@code If-Range} compares only strong tags, and Tomcat leaves such an answer
     * uncompressed, with its length and ranges intact.
     *
     * @param identity what names the content for good (an attachment never changes)
     */
    public static String strong(byte[] identity) {
        return '"' + digest(identity) + '"';
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return ENCODER.encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * The backend version an {@code If-Match} header names, or null when it names none of ours
     * ({@code *}, a list's tag, or garbage): then there is nothing to hand to the backend.
     */
    public static String versionOf(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 2 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            return null;
        }
        tag = tag.substring(1, tag.length() - 1);
        if (!tag.startsWith(VERSION_PREFIX)) {
            return null;
        }
        String encoded = tag.substring(VERSION_PREFIX.length());
        int variant = encoded.indexOf('.');
        if (variant >= 0) {
            encoded = encoded.substring(0, variant);
        }
        try {
            return new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether an {@code If-None-Match} header matches the current tag (weak comparison, RFC 9110 13.1.2). */
    public static boolean matchesNoneMatch(String ifNoneMatch, String current) {
        if (ifNoneMatch == null || current == null) {
            return false;
        }
        String bare = opaque(current);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(bare)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static String quote(String tag) {
        return "W/\"" + tag + '"';
    }
}
