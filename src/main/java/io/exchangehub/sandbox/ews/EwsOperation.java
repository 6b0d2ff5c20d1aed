package io.exchangehub.sandbox.ews;

/** One EWS operation: reads its request element and answers with its response element. */
interface EwsOperation {

    /** The operation's element name, e.g. {@code FindItem}. */
    String name();

    /**
     * Handles a request and returns {@code m:<name>Response}.
     *
     * @throws SoapFault when the whole request fails, as Exchange answers with a SOAP fault
     */
    XmlOut execute(EwsRequest request);
}
