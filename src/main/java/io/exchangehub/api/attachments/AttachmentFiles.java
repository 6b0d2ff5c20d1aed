package io.exchangehub.api.attachments;

import io.exchangehub.api.ApiException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * File names and media types as they cross the hub's HTTP boundary. Names come from mail senders
 * anywhere; none may break a response header. Uploads with control characters in their names are
 * refused; names from the backend are made safe on the way out.
 */
final class AttachmentFiles {

    /** The longest file name the API takes (Exchange's limit for an attachment name). */
    static final int MAX_NAME = 255;

    /** What a download is called when the attachment has no name. */
    static final String UNNAMED = "attachment";

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\\s*;\\s*[A-Za-z0-9!#$&^_.+-]+=(\"[^\"\\\\\\p{Cntrl}]*\"|[A-Za-z0-9!#$&^_.+-]+))*");

    /** RFC 5987 attr-char: what stays as it is in {@code filename*}. */
    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private AttachmentFiles() {}

    /**
     * {@code Content-Disposition} of a download: always {@code attachment} (an HTML file shown inline
     * from the hub's origin could run script there), with an ASCII {@code filename} for every client
     * and the exact name in RFC 5987's {@code filename*} when it is not plain ASCII (RFC 6266 §4.3).
     *
     * <p>Spring's {@code ContentDisposition} writes a non-ASCII {@code filename} as an RFC 2047
     * encoded-word, which RFC 6266 tells recipients not to decode; a client without
     * {@code filename*} would save {@code =?UTF-8?Q?…?=}.
     */
    static String contentDisposition(String name) {
        String exact = name == null ? "" : name.replaceAll("\\p{Cntrl}", "").strip();
        if (exact.isEmpty()) {
            exact = UNNAMED;
        }
        String ascii = asciiFallback(exact);
        StringBuilder header = new StringBuilder("attachment; filename=\"").append(ascii).append('"');
        if (!ascii.equals(exact)) {
            header.append("; filename*=UTF-8''").append(percentEncoded(exact));
        }
        return header.toString();
    }

    /** The name in printable ASCII without quotes or backslashes: accents dropped, anything else an underscore. */
    static String asciiFallback(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder ascii = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return ascii.toString();
    }

    private static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || ATTR_CHAR.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    /** The media type of a download: the backend's when it is one, else {@code application/octet-stream}. */
    static String mediaType(String type) {
        return type != null && MEDIA_TYPE.matcher(type.strip()).matches() ? type.strip() : "application/octet-stream";
    }

    /**
     * The name of an upload, refused when it could not be a file name: empty, longer than
     * {@value #MAX_NAME} characters, or with control characters (a CR/LF in a name is an attempt
     * to break a header somewhere down the line).
     *
     * @param pointer where the name came from, for the problem ({@code /query/name}, …)
     */
    static String uploadName(String name, String pointer) {
        if (name == null || name.isBlank()) {
            throw ApiException.invalid(pointer, "An upload needs a file name: Content-Disposition's filename or ?name=.");
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.invalid(pointer, "A file name has at most " + MAX_NAME + " characters.");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalid(pointer, "A file name cannot hold control characters such as CR or LF.");
        }
        return name.strip();
    }

    /** The media type of an upload, or null (the backend guesses it from the name) when it is none. */
    static String uploadType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String bare = type.strip();
        return MEDIA_TYPE.matcher(bare).matches() ? bare : null;
    }
}
