package io.exchangehub.model;

/** The mailbox or a size limit is full. */
public class QuotaExceededException extends MailboxException {

    public QuotaExceededException(String message, String backendCode, String id) {
        super(message, backendCode, id);
    }

    public QuotaExceededException(String message, String backendCode, String id, Throwable cause) {
        super(message, backendCode, id, cause);
    }
}
