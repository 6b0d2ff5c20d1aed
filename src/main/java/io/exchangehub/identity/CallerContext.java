package io.exchangehub.identity;

import io.exchangehub.api.HttpRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who calls an {@code /api/**} operation and which mailbox it acts on, settled once the request is
 * authenticated and authorized. The hub's routes read it from the exchange ({@link #from(Exchange)}) or
 * as headers ({@link CallerHeaders}); docs/identity.md describes the contract.
 *
 * @param objectId   the caller's {@code oid}: the user's, or the calling app's service principal
 * @param upn        the user's {@code preferred_username} (or {@code upn}), lower case; null for apps
 * @param name       the user's display name, if the token has one
 * @param tenantId   the caller's {@code tid}
 * @param clientId   the app the caller uses ({@code azp})
 * @param appOnly    an app-only token (client credentials): {@code roles}, no user
 * @param scopes     the delegated scopes ({@code scp}) of a user token
 * @param roles      the app roles ({@code roles}) of an app-only token
 * @param mailbox    the mailbox the operation acts on, lower case: {@code ?mailbox=} when given and allowed,
 *                   else the user's own; null for an app that named none
 * @param session    whether the caller came with a browser session rather than a bearer token
 * @param token      the validated access token, the assertion of on-behalf-of exchanges; never log it
 */
public record CallerContext(String objectId, String upn, String name, String tenantId, String clientId, boolean appOnly,
        Set<String> scopes, Set<String> roles, String mailbox, boolean session, Jwt token) {

    /** The request attribute (and exchange property) that holds the context. */
    public static final String ATTRIBUTE = CallerContext.class.getName();

    public CallerContext {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    /** The caller a validated token names, not yet bound to a mailbox. */
    static CallerContext of(Jwt jwt, boolean session) {
        String scp = jwt.getClaimAsString("scp");
        boolean appOnly = scp == null;
        String upn = appOnly ? null : lower(firstNonNull(jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("upn")));
        Set<String> scopes = scp == null || scp.isBlank() ? Set.of() : Set.of(scp.trim().split("\\s+"));
        Set<String> roles = jwt.getClaimAsStringList("roles") == null ? Set.of() : Set.copyOf(jwt.getClaimAsStringList("roles"));
        return new CallerContext(jwt.getClaimAsString("oid"), upn, jwt.getClaimAsString("name"), jwt.getClaimAsString("tid"),
                firstNonNull(jwt.getClaimAsString("azp"), jwt.getClaimAsString("appid")), appOnly, scopes, roles, upn, session, jwt);
    }

    CallerContext withMailbox(String target) {
        return new CallerContext(objectId, upn, name, tenantId, clientId, appOnly, scopes, roles, target, session, token);
    }

    /** The context of the request being served, if it was authenticated. */
    public static CallerContext from(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof CallerContext caller ? caller : null;
    }

    /**
     * The context of the exchange: the exchange property once a route copied it, else the one of the HTTP
     * request the exchange came from (and it is copied to the property, so that it survives EIPs that
     * replace the message).
     */
    public static CallerContext from(Exchange exchange) {
        CallerContext caller = exchange.getProperty(ATTRIBUTE, CallerContext.class);
        HttpServletRequest request = caller == null ? HttpRequests.of(exchange) : null;
        if (request != null) {
            caller = from(request);
            if (caller != null) {
                exchange.setProperty(ATTRIBUTE, caller);
            }
        }
        return caller;
    }

    /** The caller's key for per-user budgets and caches: tenant and object id. */
    String key() {
        return tenantId + ":" + objectId;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** Without the token: a record's default would print it wherever the context is logged. */
    @Override
    public String toString() {
        return "CallerContext[objectId=" + objectId + ", upn=" + upn + ", tenantId=" + tenantId + ", appOnly=" + appOnly
                + ", scopes=" + scopes + ", roles=" + roles + ", mailbox=" + mailbox + ", session=" + session + "]";
    }
}
