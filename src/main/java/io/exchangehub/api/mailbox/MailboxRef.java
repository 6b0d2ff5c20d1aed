package io.exchangehub.api.mailbox;

import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.ids.HubIds;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * The mailbox a request works on, and the backend that serves it: what every public id of the
 * request is read and written against.
 *
 * @param address the mailbox's SMTP address, lower case
 * @param backend the backend that serves it
 */
public record MailboxRef(String address, HubId.Backend backend) {

    /** The exchange property that holds the request's mailbox. */
    public static final String PROPERTY = "hubMailbox";

    public MailboxRef {
        address = address.toLowerCase(Locale.ROOT);
    }

    /** The mailbox the exchange's request works on, once {@code mailboxes.resolve} has settled it. */
    public static MailboxRef of(Exchange exchange) {
        MailboxRef mailbox = exchange.getProperty(PROPERTY, MailboxRef.class);
        if (mailbox == null) {
            throw new IllegalStateException("The route did not resolve the request's mailbox");
        }
        return mailbox;
    }

    /** The public id of one of this mailbox's objects. */
    public String publicId(HubId.Kind kind, String nativeId) {
        return nativeId == null ? null : HubIds.encode(HubId.of(kind, backend, address, nativeId));
    }

    /** The public id of an attachment, which names the item it is attached to. */
    public String attachmentId(String nativeId, String itemNativeId) {
        return HubIds.encode(new HubId(HubId.Kind.ATTACHMENT, backend, address, nativeId, itemNativeId));
    }

    /** The native id behind a public id the client sent for this mailbox. */
    public HubId read(String publicId, HubId.Kind kind) {
        return HubIds.decode(publicId, kind, address, backend);
    }
}
