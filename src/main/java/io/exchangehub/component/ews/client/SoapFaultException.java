package io.exchangehub.component.ews.client;

import java.time.Duration;

/** An EWS error read by the component's own SOAP path (not ews-java-api): a ResponseCode and, when busy, the back-off. */
final class SoapFaultException extends Exception {

    private final String code;
    private final Duration backOff;

    SoapFaultException(String code, Duration backOff) {
        super("EWS answered " + code);
        this.code = code;
        this.backOff = backOff;
    }

    String code() {
        return code;
    }

    Duration backOff() {
        return backOff;
    }
}
