package io.exchangehub.model;

/** The id is malformed: it is no id the backend made. */
public class InvalidIdException extends MailboxException {

    public InvalidIdException(String message, String backendCode, String id) {
        super(message, backendCode, id);
    }

    public InvalidIdException(String message, String backendCode, String id, Throwable cause) {
        super(message, backendCode, id, cause);
    }
}
