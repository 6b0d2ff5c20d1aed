package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.HubIntegrationTest;
import io.exchangehub.sandbox.fault.SandboxFaults;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.SandboxStore;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the EWS integration tests share: the real ews-java-api client pointed at the sandbox
 * with a bearer token, raw SOAP for what the client cannot send, and, after every test, the
 * check of every answer it received against the official EWS schema.
 */
abstract class EwsTestSupport extends HubIntegrationTest {

    static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Autowired
    protected SandboxStore store;

    @Autowired
    protected SandboxFaults faults;

    protected String ewsUrl() {
        return baseUrl() + "/sandbox/ews/Exchange.asmx";
    }

    /** A (cached) EWS token for a user. */
    protected String token(String user) {
        return TOKENS.computeIfAbsent(user, this::ewsToken);
    }

    /** ews-java-api as the hub uses it: Exchange2010_SP2, the sandbox URL, a bearer token. */
    protected ExchangeService ews(String user) {
        ExchangeService service = new RecordingExchangeService(ExchangeVersion.Exchange2010_SP2);
        service.setUrl(URI.create(ewsUrl()));
        service.getHttpHeaders().put("Authorization", "Bearer " + token(user));
        return service;
    }

    /** A SOAP request with the usual header (Exchange2010_SP2 unless the version says otherwise). */
    protected HttpResponse<String> soap(String user, String version, String body) {
        return post(token(user), envelope(version, "", body), Map.of());
    }

    protected HttpResponse<String> soap(String user, String body) {
        return soap(user, "Exchange2010_SP2", body);
    }

    static String envelope(String version, String extraHeaders, String body) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:m=\"" + MESSAGES + "\" xmlns:t=\"" + TYPES + "\"><soap:Header>"
                + "<t:RequestServerVersion Version=\"" + version + "\"/>" + extraHeaders + "</soap:Header><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }

    /** Posts a body as it is; the answer is recorded for the schema check. */
    protected HttpResponse<String> post(String bearer, String xml, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ewsUrl()))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        EwsTraffic.record(new EwsTraffic.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().getBytes(StandardCharsets.UTF_8)));
        return response;
    }

    protected Mailbox mailbox(String address) {
        return store.read(() -> store.mailbox(address));
    }

    protected Folder folder(String address, WellKnownFolder wellKnown) {
        return store.read(() -> store.wellKnown(store.mailbox(address), wellKnown));
    }

    /** Every answer of the test validates against messages.xsd (or is a fault of Exchange's shape). */
    @AfterEach
    void answersFollowTheEwsSchema() {
        for (EwsTraffic.Answer answer : EwsTraffic.drain()) {
            if (EwsSchema.schema() == null || answer.body().length == 0 || !answer.contentType().startsWith("text/xml")) {
                continue;
            }
            assertThat(EwsSchema.check(answer.body())).as("checked envelopes").isNotEmpty();
        }
    }
}
