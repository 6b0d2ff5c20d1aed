package io.exchangehub.model;

/** The item, folder or attachment does not exist (or the caller may not see that it does). */
public class NotFoundException extends MailboxException {

    public NotFoundException(String message, String backendCode, String id) {
        super(message, backendCode, id);
    }

    public NotFoundException(String message, String backendCode, String id, Throwable cause) {
        super(message, backendCode, id, cause);
    }
}
