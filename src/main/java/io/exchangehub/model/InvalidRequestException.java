package io.exchangehub.model;

/** The request breaks a rule of the backend (a bad value, a missing field); nothing changed. */
public class InvalidRequestException extends MailboxException {

    public InvalidRequestException(String message, String backendCode, String id) {
        super(message, backendCode, id);
    }

    public InvalidRequestException(String message, String backendCode, String id, Throwable cause) {
        super(message, backendCode, id, cause);
    }
}
