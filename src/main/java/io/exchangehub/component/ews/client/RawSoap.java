package io.exchangehub.component.ews.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.XMLInputFactory;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import microsoft.exchange.webservices.data.credential.WebCredentials;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.NTCredentials;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.entity.AbstractHttpEntity;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.util.EntityUtils;

/**
 * The component's own SOAP path, for what ews-java-api cannot do without holding whole payloads
 * in memory (attachments sent and received as streams). It posts over the {@link EwsClient}'s
 * HTTP pool with the same authentication as ews-java-api calls, writes envelopes with a
 * {@link XMLStreamWriter} (so every value is escaped) and reads answers with StAX.
 */
public final class RawSoap {

    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    public static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    /** The schema level of ews-java-api 2.0, and of the component's own calls unless they need a newer one. */
    public static final String EXCHANGE_2010_SP2 = "Exchange2010_SP2";
    /**
     * The first schema level with follow-up flags ({@code item:Flag}), previews ({@code item:Preview})
     * and online meeting URLs; Exchange 2019 serves it.
     */
    public static final String EXCHANGE_2013 = "Exchange2013";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final XMLInputFactory INPUT = XMLInputFactory.newFactory();

    static {
        INPUT.setProperty(XMLInputFactory.IS_COALESCING, false);
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private RawSoap() {}

    /**
     * Writes the body element of a request; the writer is positioned inside {@code soap:Body}, and
     * may write raw bytes to the stream after flushing it.
     */
    @FunctionalInterface
    public interface BodyWriter {
        void write(XMLStreamWriter xml, OutputStream raw) throws IOException, XMLStreamException;
    }

    /**
     * Posts one request. The caller reads the answer and must close it; an HTTP error status
     * other than a SOAP fault's 500 is thrown as the model's exception.
     */
    public static CloseableHttpResponse post(EwsClient client, EwsAccess access, ExchangeCredentials credentials, String action,
            BodyWriter body) throws IOException {
        return post(client, access, credentials, EXCHANGE_2010_SP2, action, body);
    }

    /** {@link #post(EwsClient, EwsAccess, ExchangeCredentials, String, BodyWriter)} at a given schema level. */
    public static CloseableHttpResponse post(EwsClient client, EwsAccess access, ExchangeCredentials credentials, String version,
            String action, BodyWriter body) throws IOException {
        HttpPost post = new HttpPost(client.settings().url());
        post.setHeader("SOAPAction", "\"" + MESSAGES + "/" + action + "\"");
        post.setHeader("Accept", "text/xml");
        if (access.bearerToken() != null) {
            post.setHeader("Authorization", "Bearer " + access.bearerToken());
        }
        if (access.mailbox() != null) {
            post.setHeader("X-AnchorMailbox", access.mailbox());
        }
        post.setEntity(new Envelope(access, version, body));
        HttpClientContext context = HttpClientContext.create();
        if (credentials instanceof WebCredentials web) {
            BasicCredentialsProvider provider = new BasicCredentialsProvider();
            provider.setCredentials(AuthScope.ANY, new NTCredentials(web.getUser(), web.getPwd(), "", web.getDomain()));
            context.setCredentialsProvider(provider);
        }
        CloseableHttpResponse response = client.http().execute(post, context);
        int status = response.getStatusLine().getStatusCode();
        if (status != 200 && status != 500) {
            EntityUtils.consumeQuietly(response.getEntity());
            response.close();
            throw new HttpStatusException(status);
        }
        return response;
    }

    /** An HTTP status instead of an envelope. */
    public static final class HttpStatusException extends IOException {
        private final int status;

        HttpStatusException(int status) {
            super("EWS answered HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A StAX reader over an answer (DTDs and external entities off). */
    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return INPUT.createXMLStreamReader(in);
    }

    /**
     * Reads up to the answer's ResponseMessage and checks it: returns normally, positioned just
     * after the {@code ResponseCode} of a successful message, or throws the EWS error (a SOAP
     * fault's code and back-off included).
     */
    public static void expectSuccess(XMLStreamReader xml) throws XMLStreamException, SoapFaultException {
        String responseClass = null;
        String faultCode = null;
        Duration backOff = null;
        String valueName = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.endsWith("ResponseMessage")) {
                responseClass = xml.getAttributeValue(null, "ResponseClass");
            } else if (name.equals("ResponseCode")) {
                String code = xml.getElementText().strip();
                if (responseClass != null) {
                    if (!"Error".equals(responseClass)) {
                        return;
                    }
                    throw new SoapFaultException(code, null);
                }
                faultCode = code;
            } else if (name.equals("Value")) {
                valueName = xml.getAttributeValue(null, "Name");
                String value = xml.getElementText().strip();
                if ("BackOffMilliseconds".equals(valueName)) {
                    backOff = Duration.ofMillis(Long.parseLong(value));
                }
            }
        }
        throw new SoapFaultException(faultCode == null ? "ErrorInternalServerError" : faultCode, backOff);
    }

    /**
     * The outcome of each response message of a multi-item answer, in order: null for success, else
     * the ResponseCode. A SOAP fault (no response messages) is thrown.
     */
    public static java.util.List<String> outcomes(XMLStreamReader xml) throws XMLStreamException, SoapFaultException {
        java.util.List<String> outcomes = new java.util.ArrayList<>();
        String responseClass = null;
        String faultCode = null;
        Duration backOff = null;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.endsWith("ResponseMessage")) {
                responseClass = xml.getAttributeValue(null, "ResponseClass");
            } else if (name.equals("ResponseCode")) {
                String code = xml.getElementText().strip();
                if (responseClass == null) {
                    faultCode = code;
                } else {
                    outcomes.add("Error".equals(responseClass) ? code : null);
                    responseClass = null;
                }
            } else if (name.equals("Value") && "BackOffMilliseconds".equals(xml.getAttributeValue(null, "Name"))) {
                backOff = Duration.ofMillis(Long.parseLong(xml.getElementText().strip()));
            }
        }
        if (faultCode != null) {
            throw new SoapFaultException(faultCode, backOff);
        }
        return outcomes;
    }

    /** Reads the text of the current element, or null when it is empty. */
    public static String text(XMLStreamReader xml) throws XMLStreamException {
        String text = xml.getElementText();
        return text.isEmpty() ? null : text;
    }

    /** An envelope written as it is sent: nothing of the body is held beforehand. */
    private static final class Envelope extends AbstractHttpEntity {
        private final EwsAccess access;
        private final String version;
        private final BodyWriter body;

        Envelope(EwsAccess access, String version, BodyWriter body) {
            this.access = access;
            this.version = version;
            this.body = body;
            setContentType("text/xml; charset=utf-8");
            setChunked(true);
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException("the envelope is written, not read");
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try {
                XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
                xml.writeStartDocument("utf-8", "1.0");
                xml.writeStartElement("soap", "Envelope", SOAP);
                xml.writeNamespace("soap", SOAP);
                xml.writeNamespace("t", TYPES);
                xml.writeNamespace("m", MESSAGES);
                xml.writeStartElement("soap", "Header", SOAP);
                xml.writeEmptyElement("t", "RequestServerVersion", TYPES);
                xml.writeAttribute("Version", version);
                if (access.impersonate()) {
                    xml.writeStartElement("t", "ExchangeImpersonation", TYPES);
                    xml.writeStartElement("t", "ConnectingSID", TYPES);
                    element(xml, "SmtpAddress", access.mailbox());
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeStartElement("soap", "Body", SOAP);
                body.write(xml, out);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.flush();
            } catch (XMLStreamException e) {
                throw new IOException("The SOAP request could not be written", e);
            }
        }

        @Override
        public boolean isStreaming() {
            return false;
        }
    }

    /** Writes {@code <t:name>value</t:name>} when the value is not null. */
    public static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement("t", name, TYPES);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }
}
