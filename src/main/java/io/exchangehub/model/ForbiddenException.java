package io.exchangehub.model;

/** The caller may not do this to this mailbox or item. */
public class ForbiddenException extends MailboxException {

    public ForbiddenException(String message, String backendCode, String id) {
        super(message, backendCode, id);
    }

    public ForbiddenException(String message, String backendCode, String id, Throwable cause) {
        super(message, backendCode, id, cause);
    }
}
