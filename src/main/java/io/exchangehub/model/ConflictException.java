package io.exchangehub.model;

/** The item changed since the caller read it: its change key or ETag is stale. */
public class ConflictException extends MailboxException {

    public ConflictException(String message, String backendCode, String id) {
        super(message, backendCode, id);
    }

    public ConflictException(String message, String backendCode, String id, Throwable cause) {
        super(message, backendCode, id, cause);
    }
}
