package io.exchangehub.sandbox.ews;

/** The namespaces of EWS SOAP messages, and the prefixes Exchange writes them with. */
final class Soap {

    static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    private Soap() {}
}
