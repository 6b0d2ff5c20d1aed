package io.exchangehub.component.msgraph.client;

import com.microsoft.kiota.BaseRequestConfiguration;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.RequestOption;

/**
 * Who a Graph request is made for: the mailbox (which bulkhead it takes a slot of) and the
 * bearer token it carries. It travels with each SDK request as a Kiota request option, so that
 * one SDK client and one connection pool serve every user; {@link MsGraphAuthenticationProvider}
 * reads it back.
 *
 * @param mailbox the mailbox's SMTP address (UPN)
 * @param token   the bearer token, without the {@code Bearer} prefix
 */
public record MsGraphCall(String mailbox, String token) implements RequestOption {

    /** Attaches this call to an SDK request configuration; use as {@code builder.get(call::attach)}. */
    public <T extends BaseRequestConfiguration> void attach(T configuration) {
        configuration.options.add(this);
    }

    /** The call a request carries, or null. */
    static MsGraphCall of(RequestInformation request) {
        for (RequestOption option : request.getRequestOptions()) {
            if (option instanceof MsGraphCall call) {
                return call;
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends RequestOption> Class<T> getType() {
        return (Class<T>) MsGraphCall.class;
    }

    /** Without the token: a record's default would print it wherever the call is logged. */
    @Override
    public String toString() {
        return "MsGraphCall[mailbox=" + mailbox + "]";
    }
}
