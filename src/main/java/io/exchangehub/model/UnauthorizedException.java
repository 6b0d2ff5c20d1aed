package io.exchangehub.model;

/** The backend refused the credentials (expired or wrong token, wrong audience). */
public class UnauthorizedException extends MailboxException {

    public UnauthorizedException(String message, String backendCode, String id) {
        super(message, backendCode, id);
    }

    public UnauthorizedException(String message, String backendCode, String id, Throwable cause) {
        super(message, backendCode, id, cause);
    }
}
