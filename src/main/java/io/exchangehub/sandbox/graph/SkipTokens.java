package io.exchangehub.sandbox.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque {@code $skiptoken}s of searches, which Graph pages without {@code $skip}: the offset, wrapped. */
final class SkipTokens {

    private SkipTokens() {}

    static String of(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("search:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int offset(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("search:")) {
                int offset = Integer.parseInt(text.substring(7));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below, like any other token that is not one of ours
        }
        throw GraphException.badRequest("BadRequest", "The $skiptoken is not valid.");
    }
}
