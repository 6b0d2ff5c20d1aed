package io.exchangehub.sandbox.ews;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.BasicHttpClientConnectionManager;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.protocol.HttpContext;

/**
 * The real ews-java-api client, with its HTTP clients rebuilt so that every answer body it reads
 * is also copied to {@link EwsTraffic} (for the schema checks), byte for byte as it arrived.
 */
final class RecordingExchangeService extends ExchangeService {

    RecordingExchangeService(ExchangeVersion version) {
        super(version);
        try {
            httpClient.close();
        } catch (IOException ignored) {
            // the client the superclass made was never used
        }
        httpClient = HttpClients.custom().setConnectionManager(new BasicHttpClientConnectionManager(
                createConnectionSocketFactoryRegistry())).addInterceptorLast(RECORDER).build();
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(createConnectionSocketFactoryRegistry());
        pool.setMaxTotal(10);
        pool.setDefaultMaxPerRoute(10);
        CloseableHttpClient pooling = HttpClients.custom().setConnectionManager(pool).addInterceptorLast(RECORDER).build();
        httpPoolingClient = pooling;
    }

    private static final HttpResponseInterceptor RECORDER = (HttpResponse response, HttpContext context) -> {
        if (response.getEntity() != null) {
            Header type = response.getFirstHeader("Content-Type");
            response.setEntity(new Recorded(response.getEntity(), response.getStatusLine().getStatusCode(),
                    type == null ? "" : type.getValue()));
        }
    };

    /** An entity whose content stream copies what is read, and hands the copy over at its end. */
    private static final class Recorded extends HttpEntityWrapper {
        private final int status;
        private final String contentType;
        private InputStream stream;

        Recorded(HttpEntity wrapped, int status, String contentType) {
            super(wrapped);
            this.status = status;
            this.contentType = contentType;
        }

        @Override
        public synchronized InputStream getContent() throws IOException {
            if (stream == null) {
                stream = new Tee(super.getContent(), status, contentType);
            }
            return stream;
        }
    }

    private static final class Tee extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final int status;
        private final String contentType;
        private boolean done;

        Tee(InputStream in, int status, String contentType) {
            super(in);
            this.status = status;
            this.contentType = contentType;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                finish();
            } else {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                finish();
            } else {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        /** Only a body read to its end is recorded: a broken connection leaves nothing to check. */
        private synchronized void finish() {
            if (!done) {
                done = true;
                EwsTraffic.record(new EwsTraffic.Answer(status, contentType, copy.toByteArray()));
            }
        }
    }
}
