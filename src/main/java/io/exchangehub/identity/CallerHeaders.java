package io.exchangehub.identity;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Puts the caller of an API operation on the exchange, for the routes: the bean {@code callerHeaders}
 * sets the headers below and keeps the {@link CallerContext} as an exchange property. Every name starts
 * with {@code Camel}, because platform-http drops incoming HTTP headers of that prefix: a client cannot
 * send a header of the same name and be taken for someone else.
 */
public final class CallerHeaders {

    /** The caller's object id ({@code oid}). */
    public static final String CALLER_OID = "CamelHubCallerOid";
    /** The user's principal name; absent for app-only callers. */
    public static final String CALLER_UPN = "CamelHubCallerUpn";
    /** The caller's tenant ({@code tid}). */
    public static final String CALLER_TENANT = "CamelHubCallerTenantId";
    /** {@code true} for an app-only caller (client credentials). */
    public static final String CALLER_APP_ONLY = "CamelHubCallerAppOnly";
    /** The mailbox the operation acts on: {@code ?mailbox=} when given and allowed, else the user's own. */
    public static final String MAILBOX = "CamelHubMailbox";

    /** Sets the caller headers; an operation without an authenticated caller is refused. */
    public void apply(Exchange exchange) {
        CallerContext caller = required(exchange);
        Message message = exchange.getMessage();
        message.setHeader(CALLER_OID, caller.objectId());
        message.setHeader(CALLER_TENANT, caller.tenantId());
        message.setHeader(CALLER_APP_ONLY, caller.appOnly());
        if (caller.upn() != null) {
            message.setHeader(CALLER_UPN, caller.upn());
        }
        if (caller.mailbox() != null) {
            message.setHeader(MAILBOX, caller.mailbox());
        }
    }

    /** {@code GET /api/v1/me}: who the hub takes the caller for, and which mailbox the request would act on. */
    public Map<String, Object> describe(Exchange exchange) {
        CallerContext caller = required(exchange);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("objectId", caller.objectId());
        me.put("upn", caller.upn());
        me.put("name", caller.name());
        me.put("tenantId", caller.tenantId());
        me.put("clientId", caller.clientId());
        me.put("appOnly", caller.appOnly());
        me.put("authenticatedBy", caller.session() ? "session" : "bearer");
        me.put("scopes", new TreeSet<>(caller.scopes()));
        me.put("roles", new TreeSet<>(caller.roles()));
        me.put("mailbox", caller.mailbox());
        return me;
    }

    static CallerContext required(Exchange exchange) {
        CallerContext caller = CallerContext.from(exchange);
        if (caller == null) {
            throw new ApiException(Problems.Kind.UNAUTHORIZED, "The operation has no authenticated caller.");
        }
        return caller;
    }
}
