package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.issuer.SandboxApps;
import io.exchangehub.sandbox.issuer.SandboxIssuer;
import io.exchangehub.sandbox.store.WellKnownFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ConnectingIdType;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceVersionException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceRequestException;
import microsoft.exchange.webservices.data.core.exception.service.remote.ServiceResponseException;
import microsoft.exchange.webservices.data.core.service.folder.Folder;
import microsoft.exchange.webservices.data.misc.ImpersonatedUserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The protocol around the operations: authentication, versions, impersonation, fault switches, and bad input. */
class EwsProtocolIT extends EwsTestSupport {

    private static final String GET_INBOX = "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>"
            + "<m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:GetFolder>";

    @Autowired
    private SandboxIssuer issuer;

    @AfterEach
    void switchFaultsOff() {
        faults.clear();
    }

    @Test
    void requestsWithoutATokenOrWithAnotherResourcesTokenAreUnauthorized() throws Exception {
        HttpResponse<String> none = post(null, envelope("Exchange2010_SP2", "", GET_INBOX), Map.of());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer ")
                .contains("authorization_uri=\"" + issuer.authorizationEndpoint() + "\"").doesNotContain("error=");
        assertThat(none.headers().firstValue("x-ms-diagnostics").orElseThrow()).startsWith("2000000;reason=\"");
        assertThat(none.body()).isEmpty();

        String graphToken = graphToken(ALICE);
        HttpResponse<String> foreign = post(graphToken, envelope("Exchange2010_SP2", "", GET_INBOX), Map.of());
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(foreign.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        assertThat(foreign.headers().firstValue("x-ms-diagnostics").orElseThrow())
                .contains("error_category=\"invalid_resource\"").doesNotContain(graphToken);
        assertThat(foreign.headers().map().toString()).doesNotContain(graphToken);

        ExchangeService wrong = ews(ALICE);
        wrong.getHttpHeaders().put("Authorization", "Bearer " + graphToken);
        assertThatThrownBy(() -> Folder.bind(wrong, WellKnownFolderName.Inbox)).isInstanceOf(ServiceRequestException.class)
                .hasMessageContaining("401");
    }

    @Test
    void serverBusyFaultSwitchReachesTheClientWithItsBackOff() throws Exception {
        addFault("{\"protocol\":\"ews\",\"user\":\"" + ALICE + "\",\"operation\":\"GetFolder\",\"fault\":\"BUSY\","
                + "\"backOffMs\":30000,\"remaining\":2}");
        ExchangeService alice = ews(ALICE);
        // ews-java-api wraps what a SOAP fault says into the exception that failed the request
        assertThatThrownBy(() -> Folder.bind(alice, WellKnownFolderName.Inbox)).isInstanceOf(ServiceRequestException.class)
                .cause().isInstanceOfSatisfying(ServiceResponseException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(ServiceError.ErrorServerBusy);
                    assertThat(e.getResponse().getErrorDetails()).containsEntry("BackOffMilliseconds", "30000");
                });
        HttpResponse<String> raw = soap(ALICE, GET_INBOX);
        assertThat(raw.statusCode()).isEqualTo(500);
        assertThat(raw.body()).contains("a:ErrorServerBusy", "<t:Value Name=\"BackOffMilliseconds\">30000</t:Value>");
        assertThat(Folder.bind(alice, WellKnownFolderName.Inbox).getDisplayName()).isEqualTo("Inbox");
    }

    @Test
    void httpErrorAndDroppedConnectionFaultsReachTheClient() throws Exception {
        addFault("{\"protocol\":\"ews\",\"user\":\"" + ALICE + "\",\"operation\":\"GetFolder\",\"fault\":\"HTTP_ERROR\","
                + "\"status\":503,\"remaining\":1}");
        assertThat(soap(ALICE, GET_INBOX).statusCode()).isEqualTo(503);

        addFault("{\"protocol\":\"ews\",\"user\":\"" + ALICE + "\",\"operation\":\"GetFolder\",\"fault\":\"DROP\",\"remaining\":2}");
        ExchangeService alice = ews(ALICE);
        // the answer breaks off: Apache HttpClient under ews-java-api reports the connection cut short
        assertThatThrownBy(() -> Folder.bind(alice, WellKnownFolderName.Inbox)).isInstanceOf(ServiceRequestException.class)
                .hasMessageContaining("Premature end of Content-Length delimited message body");
        HttpRequest request = HttpRequest.newBuilder(URI.create(ewsUrl())).header("Authorization", "Bearer " + token(ALICE))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope("Exchange2010_SP2", "", GET_INBOX))).build();
        assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class)
                .hasMessageContaining("fixed content-length");
        assertThat(Folder.bind(alice, WellKnownFolderName.Inbox).getDisplayName()).isEqualTo("Inbox");
    }

    @Test
    void malformedXmlAndForeignBodiesAreSchemaValidationFaultsThatChangeNothing() {
        long before = journal(ALICE);
        HttpResponse<String> broken = post(token(ALICE), "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap=\""
                + "http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><m:CreateFolder", Map.of());
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("a:ErrorSchemaValidation", "<t:LineNumber>1</t:LineNumber>")
                .doesNotContain("Exception", "at io.");
        HttpResponse<String> notSoap = post(token(ALICE), "<order><item>1</item></order>", Map.of());
        assertThat(notSoap.statusCode()).isEqualTo(500);
        assertThat(notSoap.body()).contains("a:ErrorSchemaValidation");
        HttpResponse<String> notXml = post(token(ALICE), "{\"json\": true}", Map.of());
        assertThat(notXml.statusCode()).isEqualTo(500);
        assertThat(notXml.body()).contains("a:ErrorSchemaValidation");
        assertThat(journal(ALICE)).isEqualTo(before);
    }

    @Test
    void unknownOperationsAndMismatchedSoapActionsAreFaults() {
        HttpResponse<String> unknown = soap(ALICE, "<m:MakeCoffee><m:Strength>3</m:Strength></m:MakeCoffee>");
        assertThat(unknown.statusCode()).isEqualTo(500);
        assertThat(unknown.body()).contains("a:ErrorSchemaValidation", "invalid child element 'MakeCoffee'");
        HttpResponse<String> notInSandbox = soap(ALICE, "<m:GetRooms><m:RoomList><t:EmailAddress>rooms@contoso.example"
                + "</t:EmailAddress></m:RoomList></m:GetRooms>");
        assertThat(notInSandbox.statusCode()).isEqualTo(500);
        assertThat(notInSandbox.body()).contains("a:ErrorInvalidOperation", "GetRooms");
        HttpResponse<String> action = post(token(ALICE), envelope("Exchange2010_SP2", "", GET_INBOX),
                Map.of("SOAPAction", "\"" + MESSAGES + "/FindItem\""));
        assertThat(action.statusCode()).isEqualTo(500);
        assertThat(action.body()).contains("a:ActionNotSupported");
        HttpResponse<String> rightAction = post(token(ALICE), envelope("Exchange2010_SP2", "", GET_INBOX),
                Map.of("SOAPAction", "\"" + MESSAGES + "/GetFolder\""));
        assertThat(rightAction.statusCode()).isEqualTo(200);
    }

    @Test
    void versionsBeforeExchange2010Sp2AreRefused() throws Exception {
        ExchangeService old = new RecordingExchangeService(ExchangeVersion.Exchange2010_SP1);
        old.setUrl(URI.create(ewsUrl()));
        old.getHttpHeaders().put("Authorization", "Bearer " + token(ALICE));
        assertThatThrownBy(() -> Folder.bind(old, WellKnownFolderName.Inbox)).isInstanceOf(ServiceRequestException.class)
                .cause().isInstanceOf(ServiceVersionException.class);

        HttpResponse<String> missing = post(token(ALICE), "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:m=\"" + MESSAGES + "\" xmlns:t=\"" + TYPES + "\"><s:Body>" + GET_INBOX + "</s:Body></s:Envelope>", Map.of());
        assertThat(missing.body()).contains("a:ErrorInvalidServerVersion");
        HttpResponse<String> bogus = soap(ALICE, "Exchange2099", GET_INBOX);
        assertThat(bogus.body()).contains("a:ErrorSchemaValidation", "ExchangeVersionType");
        HttpResponse<String> newest = soap(ALICE, "V2018_01_08", GET_INBOX);
        assertThat(newest.statusCode()).isEqualTo(200);
        assertThat(newest.body()).contains("MajorVersion=\"15\" MinorVersion=\"2\"", "Version=\"V2018_01_08\"");
    }

    @Test
    void appOnlyTokensActThroughExchangeImpersonation() throws Exception {
        String appToken = appToken();
        HttpResponse<String> without = post(appToken, envelope("Exchange2010_SP2", "", GET_INBOX), Map.of());
        assertThat(without.statusCode()).isEqualTo(500);
        assertThat(without.body()).contains("a:ErrorInvalidExchangeImpersonationHeaderData");

        ExchangeService app = new RecordingExchangeService(ExchangeVersion.Exchange2010_SP2);
        app.setUrl(URI.create(ewsUrl()));
        app.getHttpHeaders().put("Authorization", "Bearer " + appToken);
        app.setImpersonatedUserId(new ImpersonatedUserId(ConnectingIdType.SmtpAddress, BOB));
        Folder inbox = Folder.bind(app, WellKnownFolderName.Inbox);
        assertThat(inbox.getId().getUniqueId()).isEqualTo(store.read(() -> folder(BOB, WellKnownFolder.INBOX).id));

        String impersonation = "<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>" + BOB
                + "</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>";
        HttpResponse<String> delegated = post(token(ALICE), envelope("Exchange2010_SP2", impersonation, GET_INBOX), Map.of());
        assertThat(delegated.body()).contains("a:ErrorImpersonateUserDenied");
    }

    @Test
    void bodiesOverTheSizeLimitAreRefusedWith413BeforeTheyAreRead() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sandbox/ews/Exchange.asmx HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token(ALICE)
                    + "\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: 300000000\r\n\r\n<?xml version=\"1.0\"?>")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void badBase64InCreateAttachmentIsASchemaFaultThatLeavesTheStoreUnchanged() throws Exception {
        String draftId = store.read(() -> folder(ALICE, WellKnownFolder.DRAFTS).items().iterator().next().id);
        int attachments = store.read(() -> store.item(draftId).attachments.size());
        long before = journal(ALICE);
        HttpResponse<String> bad = soap(ALICE, "<m:CreateAttachment><m:ParentItemId Id=\"" + draftId + "\"/><m:Attachments>"
                + "<t:FileAttachment><t:Name>a.txt</t:Name><t:Content>SGVsbG8=</t:Content></t:FileAttachment>"
                + "<t:FileAttachment><t:Name>b.txt</t:Name><t:Content>@@ not base64 @@</t:Content></t:FileAttachment>"
                + "</m:Attachments></m:CreateAttachment>");
        assertThat(bad.statusCode()).isEqualTo(500);
        assertThat(bad.body()).contains("a:ErrorSchemaValidation", "base64Binary");
        assertThat(store.read(() -> store.item(draftId).attachments.size())).isEqualTo(attachments);
        assertThat(journal(ALICE)).isEqualTo(before);
    }

    private long journal(String user) {
        return store.read(() -> mailbox(user).currentSeq());
    }

    private void addFault(String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/faults"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private String appToken() throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(issuer.trustingSslContext()).build();
        String form = "grant_type=client_credentials&client_id=" + encode(sandboxInfo().get("clientId").asText())
                + "&client_secret=" + encode(SandboxApps.HUB_SECRET) + "&scope="
                + encode(sandboxInfo().get("ewsAudience").asText() + "/.default");
        HttpResponse<String> response = https.send(HttpRequest.newBuilder(URI.create(issuer.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return readJson(response.body()).get("access_token").asText();
    }
}
