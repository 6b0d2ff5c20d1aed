package io.exchangehub.api.mailbox;

import io.exchangehub.api.ids.HubId;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which backend serves a mailbox, in a hybrid organisation: {@code hub.mailboxes.default-backend},
 * then rules by domain, then rules by address (an address rule wins over a domain rule).
 *
 * <pre>
 * hub:
 *   mailboxes:
 *     default-backend: ews
 *     routes:
 *       - domain: online.contoso.com     # every mailbox of a domain moved to Exchange Online
 *         backend: graph
 *       - address: carol@contoso.com     # one mailbox moved
 *         backend: graph
 * </pre>
 *
 * @param defaultBackend the backend of a mailbox no rule names
 * @param routes         the rules
 */
@ConfigurationProperties("hub.mailboxes")
public record MailboxRouting(@DefaultValue("ews") String defaultBackend, List<Route> routes) {

    /**
     * @param address a mailbox's SMTP address, or null for a domain rule
     * @param domain  a mail domain, or null for an address rule
     * @param backend {@code ews} or {@code graph}
     */
    public record Route(String address, String domain, String backend) {}

    public MailboxRouting {
        HubId.Backend.of(defaultBackend);
        routes = routes == null ? List.of() : List.copyOf(routes);
        for (Route route : routes) {
            if ((route.address() == null) == (route.domain() == null)) {
                throw new IllegalArgumentException("A hub.mailboxes.routes entry names either an address or a domain: " + route);
            }
            HubId.Backend.of(route.backend());
        }
    }

    /** The backend that serves a mailbox. */
    public HubId.Backend backendOf(String mailbox) {
        String address = mailbox.toLowerCase(Locale.ROOT);
        String domain = address.substring(address.indexOf('@') + 1);
        String byDomain = null;
        for (Route route : routes) {
            if (route.address() != null && route.address().equalsIgnoreCase(address)) {
                return HubId.Backend.of(route.backend());
            }
            if (byDomain == null && route.domain() != null && route.domain().equalsIgnoreCase(domain)) {
                byDomain = route.backend();
            }
        }
        return HubId.Backend.of(byDomain != null ? byDomain : defaultBackend);
    }
}
