package io.exchangehub.sandbox.ews;

import java.util.Map;

/** SOAP envelopes as Exchange 2019 writes them: answers with a ServerVersionInfo header, and faults. */
final class Envelopes {

    /** Exchange Server 2019 CU12 (15.2.1118.7); the newest schema version the reference schema knows. */
    static final String MAJOR_VERSION = "15";
    static final String MINOR_VERSION = "2";
    static final String MAJOR_BUILD = "1118";
    static final String MINOR_BUILD = "7";
    static final String SCHEMA_VERSION = "V2018_01_08";

    private Envelopes() {}

    /** An envelope around one operation's response element ({@code m:FooResponse}). */
    static XmlOut answer(XmlOut response) {
        XmlOut envelope = new XmlOut("s:Envelope").attr("xmlns:s", Soap.ENVELOPE);
        envelope.child("s:Header").add(serverVersionInfo());
        envelope.child("s:Body").attr("xmlns:xsi", Soap.XSI).attr("xmlns:xsd", Soap.XSD)
                .add(response.attr("xmlns:m", Soap.MESSAGES).attr("xmlns:t", Soap.TYPES));
        return envelope;
    }

    static XmlOut serverVersionInfo() {
        return new XmlOut("h:ServerVersionInfo").attr("MajorVersion", MAJOR_VERSION).attr("MinorVersion", MINOR_VERSION)
                .attr("MajorBuildNumber", MAJOR_BUILD).attr("MinorBuildNumber", MINOR_BUILD).attr("Version", SCHEMA_VERSION)
                .attr("xmlns:h", Soap.TYPES).attr("xmlns", Soap.TYPES).attr("xmlns:xsi", Soap.XSI).attr("xmlns:xsd", Soap.XSD);
    }

    /** A SOAP 1.1 fault in Exchange's shape: faultcode in the types namespace, the ResponseCode and MessageXml in the detail. */
    static XmlOut fault(SoapFault fault) {
        XmlOut envelope = new XmlOut("s:Envelope").attr("xmlns:s", Soap.ENVELOPE);
        XmlOut soapFault = envelope.child("s:Body").child("s:Fault");
        soapFault.child("faultcode").attr("xmlns:a", fault.faultNamespace()).text("a:" + fault.faultCode());
        soapFault.child("faultstring").attr("xml:lang", "en-US").text(fault.faultString());
        if (fault.responseCode() == null) {
            return envelope;
        }
        XmlOut detail = soapFault.child("detail");
        detail.child("e:ResponseCode").attr("xmlns:e", Soap.ERRORS).text(fault.responseCode());
        detail.child("e:Message").attr("xmlns:e", Soap.ERRORS).text(fault.detailMessage());
        if (!fault.messageXml().isEmpty()) {
            XmlOut messageXml = detail.child("t:MessageXml").attr("xmlns:t", Soap.TYPES);
            for (Map.Entry<String, String> entry : fault.messageXml().entrySet()) {
                if (fault.valueEntries()) {
                    messageXml.child("t:Value").attr("Name", entry.getKey()).text(entry.getValue());
                } else {
                    messageXml.el("t:" + entry.getKey(), entry.getValue());
                }
            }
        }
        return envelope;
    }

    /** One response message: {@code ResponseClass} Success, or Error with its text and code. */
    static XmlOut success(String messageName) {
        XmlOut message = XmlOut.m(messageName).attr("ResponseClass", "Success");
        message.el("m:ResponseCode", "NoError");
        return message;
    }

    static XmlOut error(String messageName, EwsError error) {
        return problem(messageName, "Error", error);
    }

    static XmlOut warning(String messageName, EwsError warning) {
        return problem(messageName, "Warning", warning);
    }

    private static XmlOut problem(String messageName, String responseClass, EwsError error) {
        XmlOut message = XmlOut.m(messageName).attr("ResponseClass", responseClass);
        message.el("m:MessageText", error.getMessage());
        message.el("m:ResponseCode", error.code());
        message.el("m:DescriptiveLinkKey", "0");
        if (!error.values().isEmpty()) {
            XmlOut messageXml = message.child("m:MessageXml");
            error.values().forEach((name, value) -> messageXml.child("t:Value").attr("Name", name).text(value));
        }
        return message;
    }
}
