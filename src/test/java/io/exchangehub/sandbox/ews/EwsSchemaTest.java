package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schema checks the integration tests apply: they accept Exchange's own samples and reject
 * a message out of schema order, so a passing integration test means a valid answer. Skipped,
 * saying why, when the reference folder with the EWS schema is absent.
 */
class EwsSchemaTest {

    @BeforeEach
    void schemaIsAvailable() {
        assumeTrue(EwsSchema.schema() != null, "The EWS schema is absent (" + EwsSchema.location()
                + "): responses are not validated against messages.xsd");
    }

    @Test
    void responsesAreValidatedAgainstTheEwsSchema() throws Exception {
        XmlOut response = Responses.response("GetFolder");
        XmlOut message = Envelopes.success("GetFolderResponseMessage");
        message.child("m:Folders").child("t:Folder").child("t:FolderId").attr("Id", "AQ").attr("ChangeKey", "Ag");
        response.child("m:ResponseMessages").add(message);
        assertThat(EwsSchema.check(bytes(Envelopes.answer(response)))).containsExactly("GetFolderResponse");
    }

    @Test
    void aResponseOutOfSchemaOrderIsRejected() {
        XmlOut response = Responses.response("GetFolder");
        XmlOut message = XmlOut.m("GetFolderResponseMessage").attr("ResponseClass", "Error");
        message.el("m:ResponseCode", "ErrorItemNotFound").el("m:MessageText", "The specified object was not found in the store.");
        response.child("m:ResponseMessages").add(message);
        assertThatThrownBy(() -> EwsSchema.check(bytes(Envelopes.answer(response))))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Not valid against messages.xsd");
    }

    @Test
    void faultsAreCheckedForExchangesShape() throws Exception {
        byte[] busy = bytes(Envelopes.fault(SoapFault.serverBusy(30_000)));
        assertThat(EwsSchema.check(busy)).containsExactly("Fault");
        assertThat(new String(busy, StandardCharsets.UTF_8)).contains(
                "<faultcode xmlns:a=\"http://schemas.microsoft.com/exchange/services/2006/types\">a:ErrorServerBusy</faultcode>",
                "<t:Value Name=\"BackOffMilliseconds\">30000</t:Value>");
        byte[] schema = bytes(Envelopes.fault(SoapFault.schema(3, 14, "Data at the root level is invalid.")));
        assertThat(new String(schema, StandardCharsets.UTF_8)).contains("<t:LineNumber>3</t:LineNumber>",
                "<t:LinePosition>14</t:LinePosition>");
        assertThat(EwsSchema.check(bytes(Envelopes.fault(SoapFault.ews("ErrorInvalidServerVersion",
                "The specified server version is invalid.", Map.of()))))).containsExactly("Fault");
    }

    private static byte[] bytes(XmlOut envelope) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResponseWriter.write(envelope, out);
        return out.toByteArray();
    }
}
