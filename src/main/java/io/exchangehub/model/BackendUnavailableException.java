package io.exchangehub.model;

/** The backend could not be reached or failed (5xx, timeout, dropped connection). */
public class BackendUnavailableException extends MailboxException {

    public BackendUnavailableException(String message, String backendCode, String id) {
        super(message, backendCode, id);
    }

    public BackendUnavailableException(String message, String backendCode, String id, Throwable cause) {
        super(message, backendCode, id, cause);
    }
}
