package io.exchangehub.component.msgraph.mapping;

import io.exchangehub.model.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page cursors over Graph's {@code @odata.nextLink}: the link below the Graph root, URL-safe
 * base64. Decoding puts the root back, so a cursor can only ever lead to the configured Graph
 * service (the user's token goes nowhere else), and a tampered one is refused.
 */
public final class Cursors {

    private Cursors() {}

    /** The cursor of a next link, null when there is none. */
    public static String encode(String nextLink, String baseUrl) {
        if (nextLink == null) {
            return null;
        }
        String relative = nextLink.startsWith(baseUrl) ? nextLink.substring(baseUrl.length()) : nextLink;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(relative.getBytes(StandardCharsets.UTF_8));
    }

    /** The next link a cursor stands for. */
    public static String decode(String cursor, String baseUrl) {
        String relative;
        try {
            relative = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor);
        }
        if (!relative.startsWith("/") || relative.startsWith("//") || relative.contains("..") || relative.contains("\\")
                || relative.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw invalid(cursor);
        }
        return baseUrl + relative;
    }

    private static InvalidRequestException invalid(String cursor) {
        return new InvalidRequestException("The cursor is not one this hub gave out.", null, cursor);
    }
}
