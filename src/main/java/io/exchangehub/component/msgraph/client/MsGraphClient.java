package io.exchangehub.component.msgraph.client;

import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestAdapter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Graph SDK as one {@code msgraph:} endpoint uses it: one {@link GraphServiceClient} on the
 * component's shared connection pool, its base URL, and calls made for a mailbox inside that
 * mailbox's bulkhead with Graph's errors turned into the hub's.
 */
public final class MsGraphClient {

    private final MsGraphHttp http;
    private final GraphServiceClient graph;
    private final String baseUrl;

    /**
     * @param http         the component's connection pool and bulkheads
     * @param baseUrl      the Graph root, e.g. {@code https://graph.microsoft.com/v1.0}
     * @param allowedHosts the hosts that get bearer tokens
     */
    public MsGraphClient(MsGraphHttp http, String baseUrl, Set<String> allowedHosts) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        RequestAdapter adapter = new BaseGraphRequestAdapter(new MsGraphAuthenticationProvider(allowedHosts), null, null,
                http.client(), null, this.baseUrl);
        this.graph = new GraphServiceClient(adapter);
    }

    public GraphServiceClient graph() {
        return graph;
    }

    public RequestAdapter adapter() {
        return graph.getRequestAdapter();
    }

    /** The Graph root, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Runs SDK requests for a mailbox within its bulkhead.
     *
     * @param call    the mailbox and token
     * @param id      the id the request concerns (for the error), or null
     * @param request what to do with the SDK
     */
    public <T> T call(MsGraphCall call, String id, Function<GraphServiceClient, T> request) {
        Bulkhead bulkhead = acquire(call, id);
        try {
            return request.apply(graph);
        } catch (RuntimeException e) {
            throw MsGraphErrors.map(e, id);
        } finally {
            bulkhead.onComplete();
        }
    }

    /** {@link #call} for requests without a result. */
    public void run(MsGraphCall call, String id, Consumer<GraphServiceClient> request) {
        call(call, id, g -> {
            request.accept(g);
            return null;
        });
    }

    /**
     * Opens a streamed answer ({@code $value}). The mailbox's bulkhead slot stays taken while the
     * stream is read, since Graph counts the request as running until its answer is sent; it is
     * given back at the end of the stream or when the stream is closed, whichever comes first.
     * The caller must close the stream.
     */
    public InputStream stream(MsGraphCall call, String id, Function<GraphServiceClient, InputStream> request) {
        Bulkhead bulkhead = acquire(call, id);
        InputStream in;
        try {
            in = request.apply(graph);
        } catch (RuntimeException e) {
            bulkhead.onComplete();
            throw MsGraphErrors.map(e, id);
        }
        if (in == null) {
            bulkhead.onComplete();
            return InputStream.nullInputStream();
        }
        return new PermitStream(in, bulkhead);
    }

    private Bulkhead acquire(MsGraphCall call, String id) {
        Bulkhead bulkhead = http.bulkhead(call.mailbox());
        try {
            bulkhead.acquirePermission();
        } catch (BulkheadFullException e) {
            throw MsGraphErrors.map(e, id);
        }
        return bulkhead;
    }

    /** A stream that gives its bulkhead slot back once, at its end or when closed. */
    private static final class PermitStream extends FilterInputStream {

        private final Bulkhead bulkhead;
        private final AtomicBoolean released = new AtomicBoolean();

        PermitStream(InputStream in, Bulkhead bulkhead) {
            super(in);
            this.bulkhead = bulkhead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                release();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                release();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                release();
            }
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                bulkhead.onComplete();
            }
        }
    }
}
