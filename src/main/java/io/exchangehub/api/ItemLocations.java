package io.exchangehub.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;

/**
 * The {@code Location} of a new item. An id names its mailbox, and a request without
 * {@code ?mailbox=} works on the caller's own: an item made in a shared or delegated mailbox is
 * found again only with the same {@code mailbox}, so its location carries it.
 */
public final class ItemLocations {

    private ItemLocations() {}

    /** The item's path under the API, with the request's {@code mailbox} when it named one. */
    public static String of(Exchange exchange, String path) {
        String mailbox = ApiRequest.query(exchange, "mailbox");
        return mailbox == null ? path : path + "?mailbox=" + URLEncoder.encode(mailbox, StandardCharsets.UTF_8);
    }
}
