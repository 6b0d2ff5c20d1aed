package io.exchangehub.api.mailbox;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.Problems;
import io.exchangehub.identity.CallerContext;
import io.exchangehub.identity.MailboxProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The bean {@code mailboxes}: which mailbox a request works on and which backend serves it. Identity
 * has already decided that the caller may open the mailbox ({@code ?mailbox=} or their own); this
 * settles its backend ({@link MailboxRouting}) and keeps both on the exchange for the rest of the
 * route: the public ids, the backend call and the answer are all read against it.
 */
public final class Mailboxes {

    /** The exchange property naming the backend of the request's mailbox, {@code ews} or {@code graph}, for routes to choose by. */
    public static final String BACKEND_PROPERTY = "hubBackend";

    private final MailboxRouting routing;
    private final MailboxProperties shared;

    public Mailboxes(MailboxRouting routing, MailboxProperties shared) {
        this.routing = routing;
        this.shared = shared;
    }

    /** Settles the request's mailbox and backend. */
    public void resolve(Exchange exchange) {
        CallerContext caller = caller(exchange);
        if (caller.mailbox() == null) {
            throw ApiException.invalid("/query/mailbox", "An application names the mailbox it works on with ?mailbox=.");
        }
        use(exchange, new MailboxRef(caller.mailbox(), routing.backendOf(caller.mailbox())));
    }

    /** Makes one mailbox the exchange's, e.g. for each mailbox an aggregation reads. */
    public void use(Exchange exchange, MailboxRef mailbox) {
        exchange.setProperty(MailboxRef.PROPERTY, mailbox);
        exchange.setProperty(BACKEND_PROPERTY, mailbox.backend().id());
    }

    /** Every mailbox the caller may open: their own first, then the shared ones they are a member of. */
    public List<MailboxRef> openable(Exchange exchange) {
        CallerContext caller = caller(exchange);
        List<MailboxRef> mailboxes = new ArrayList<>();
        if (caller.upn() != null) {
            mailboxes.add(new MailboxRef(caller.upn(), routing.backendOf(caller.upn())));
        }
        for (MailboxProperties.Shared mailbox : shared.shared()) {
            if (caller.upn() != null && mailbox.members().stream().anyMatch(member -> member.equalsIgnoreCase(caller.upn()))) {
                mailboxes.add(new MailboxRef(mailbox.address(), routing.backendOf(mailbox.address())));
            }
        }
        return mailboxes;
    }

    /** {@code GET /mailboxes}. */
    public Map<String, Object> list(Exchange exchange) {
        CallerContext caller = caller(exchange);
        List<Map<String, Object>> items = new ArrayList<>();
        for (MailboxRef mailbox : openable(exchange)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("address", mailbox.address());
            boolean own = mailbox.address().equals(caller.upn() == null ? null : caller.upn().toLowerCase(Locale.ROOT));
            item.put("displayName", own ? caller.name() : null);
            item.put("backend", mailbox.backend().id());
            item.put("kind", own ? "own" : "shared");
            items.add(item);
        }
        return Map.of("items", items);
    }

    private static CallerContext caller(Exchange exchange) {
        CallerContext caller = CallerContext.from(exchange);
        if (caller == null) {
            throw new ApiException(Problems.Kind.UNAUTHORIZED, "The operation has no authenticated caller.");
        }
        return caller;
    }
}
