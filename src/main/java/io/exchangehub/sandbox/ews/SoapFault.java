package io.exchangehub.sandbox.ews;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure of the whole request, which Exchange answers with a SOAP fault (HTTP 500) instead of
 * response messages: the request is not valid against the schema, asks for an unsupported
 * version, or the server is too busy. Carries what the fault's {@code detail} says.
 */
final class SoapFault extends RuntimeException {

    /** The namespace of the fault code: EWS types, or WCF's addressing namespace for dispatch failures. */
    private final String faultNamespace;
    private final String faultCode;
    private final String responseCode;
    private final String faultString;
    private final String detailMessage;
    private final Map<String, String> messageXml;
    private final boolean valueEntries;

    private SoapFault(String faultNamespace, String faultCode, String responseCode, String faultString, String detailMessage,
            Map<String, String> messageXml, boolean valueEntries) {
        super(faultCode + ": " + faultString, null, false, false);
        this.faultNamespace = faultNamespace;
        this.faultCode = faultCode;
        this.responseCode = responseCode;
        this.faultString = faultString;
        this.detailMessage = detailMessage;
        this.messageXml = messageXml;
        this.valueEntries = valueEntries;
    }

    /** A fault whose code is an EWS ResponseCode, with {@code t:Value} entries in its MessageXml. */
    static SoapFault ews(String responseCode, String message, Map<String, String> values) {
        return new SoapFault(Soap.TYPES, responseCode, responseCode, message, message, values, true);
    }

    static SoapFault ews(String responseCode, String message) {
        return ews(responseCode, message, Map.of());
    }

    /** ErrorSchemaValidation at a position of the request, as Exchange reports a request its schema rejects. */
    static SoapFault schema(int line, int column, String violation) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("LineNumber", Integer.toString(Math.max(line, 0)));
        detail.put("LinePosition", Integer.toString(Math.max(column, 0)));
        detail.put("Violation", violation);
        return new SoapFault(Soap.TYPES, "ErrorSchemaValidation", "ErrorSchemaValidation",
                "The request failed schema validation: " + violation, "The request failed schema validation.", detail, false);
    }

    static SoapFault schema(XmlIn at, String violation) {
        return at == null ? schema(0, 0, violation) : schema(at.line(), at.column(), violation);
    }

    /** A value the schema's type for an element or attribute does not allow. */
    static SoapFault invalidValue(XmlIn at, String what, String value, String type) {
        return schema(at, "The '" + what + "' element is invalid - The value '" + value + "' is invalid according to its datatype '"
                + type + "'.");
    }

    /**
     * The fault the WCF stack under EWS gives when the SOAPAction names no operation of the body:
     * no EWS detail, a code in the addressing namespace.
     */
    static SoapFault actionNotSupported(String action) {
        return new SoapFault("http://schemas.microsoft.com/ws/2005/05/addressing/none", "ActionNotSupported", null,
                "The message with Action '" + action + "' cannot be processed at the receiver, due to a ContractFilter mismatch "
                        + "at the EndpointDispatcher. This may be because of either a contract mismatch (mismatched Actions between "
                        + "sender and receiver) or a binding/security mismatch between the sender and the receiver.  Check that "
                        + "sender and receiver have the same contract and the same binding (including security requirements, e.g. "
                        + "Message, Transport, None).", null, Map.of(), false);
    }

    static SoapFault serverBusy(long backOffMillis) {
        return ews("ErrorServerBusy", "The server cannot service this request right now. Try again later.",
                Map.of("BackOffMilliseconds", Long.toString(backOffMillis)));
    }

    String faultNamespace() {
        return faultNamespace;
    }

    String faultCode() {
        return faultCode;
    }

    /** The EWS ResponseCode of the detail; null for a fault without EWS detail. */
    String responseCode() {
        return responseCode;
    }

    String faultString() {
        return faultString;
    }

    String detailMessage() {
        return detailMessage;
    }

    Map<String, String> messageXml() {
        return messageXml;
    }

    /** Whether the MessageXml holds {@code t:Value Name=…} entries (else named elements, as for schema errors). */
    boolean valueEntries() {
        return valueEntries;
    }
}
