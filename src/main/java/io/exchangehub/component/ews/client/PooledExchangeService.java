package io.exchangehub.component.ews.client;

import java.io.IOException;
import java.net.URI;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.client.BasicCookieStore;
import org.apache.http.impl.client.CloseableHttpClient;

/**
 * An {@link ExchangeService} that sends over the {@link EwsClient}'s shared HTTP client instead of
 * clients of its own. ews-java-api keeps per-call state in the service instance (HTTP headers,
 * impersonation, credentials, cookies), so an instance serves one call at a time: it is leased
 * from the client's pool, {@link #prepare prepared} for that call and returned afterwards. The
 * instances are few (at most one per concurrent call) and long-lived; the connections they use
 * are the client's one pool per EWS URL.
 */
final class PooledExchangeService extends ExchangeService {

    private ExchangeCredentials preparedCredentials;

    PooledExchangeService(ExchangeVersion version, URI url, CloseableHttpClient shared) {
        super(version);
        try {
            // the superclass made a single-connection client of its own in its constructor; never used
            httpClient.close();
        } catch (IOException ignored) {
            // closing an unused client cannot fail in a way that matters
        }
        httpClient = shared;
        httpPoolingClient = shared;
        setUrl(url);
    }

    /**
     * Readies the instance for one call. Token calls get a fresh HTTP context, so that no cookie
     * (Exchange's back-end affinity cookies name the mailbox) passes from one user's call to
     * another's; NTLM keeps its context across calls with the same service account, since NTLM
     * authenticates the connection and HttpClient reuses an authenticated connection only for the
     * context that authenticated it.
     */
    void prepare(EwsAccess access, ExchangeCredentials credentials) {
        getHttpHeaders().clear();
        if (access.bearerToken() != null) {
            getHttpHeaders().put("Authorization", "Bearer " + access.bearerToken());
        }
        if (access.mailbox() != null) {
            // routes the request to the mailbox's server, as Exchange asks of every client
            getHttpHeaders().put("X-AnchorMailbox", access.mailbox());
        }
        setImpersonatedUserId(access.impersonate() ? new ImpersonatedUserId(ConnectingIdType.SmtpAddress, access.mailbox()) : null);
        if (credentials == null) {
            // ews-java-api's way of saying "no credentials of mine": the Authorization header carries the token
            setUseDefaultCredentials(true);
            httpContext = HttpClientContext.create();
            httpContext.setCookieStore(new BasicCookieStore());
        } else if (credentials != preparedCredentials) {
            setCredentials(credentials); // also gives the instance a fresh HTTP context
        }
        preparedCredentials = credentials;
    }

    /**
     * Breaks the connection of the instance's request in progress, if any. ews-java-api ends a
     * streaming request by reading its answer to the end, which for GetStreamingEvents lasts until
     * Exchange closes it (up to 30 minutes); shutting the connection down ends the read at once. A
     * connection already given back to the pool is no longer the request's and is left alone.
     */
    void abortRequest() {
        HttpClientContext context = httpContext;
        org.apache.http.HttpConnection connection = context == null ? null : context.getConnection();
        if (connection != null) {
            try {
                connection.shutdown();
            } catch (IOException ignored) {
                // the connection is being thrown away either way
            }
        }
    }

    /** Forgets the call: nothing of it stays on an idle instance. */
    void release() {
        getHttpHeaders().clear();
        setImpersonatedUserId(null);
    }

    /** The shared client belongs to the {@link EwsClient}; closing an instance must not close it. */
    @Override
    public void close() {
        release();
    }
}
