package io.exchangehub.model;

/**
 * A failure of a mailbox operation, whichever backend served it. Its message is safe to show
 * (never a token or message content); {@link #backendCode()} keeps the backend's own code (an
 * EWS ResponseCode, a Graph error code) for logs and diagnostics. Each kind of failure is a
 * subclass, so that routes and the REST layer can handle it by type.
 */
public abstract class MailboxException extends RuntimeException {

    private final String backendCode;
    private final String id;

    /**
     * @param message     what went wrong, safe to show
     * @param backendCode the backend's code for it, or null
     * @param id          the id it concerns, or null
     */
    protected MailboxException(String message, String backendCode, String id) {
        super(message);
        this.backendCode = backendCode;
        this.id = id;
    }

    protected MailboxException(String message, String backendCode, String id, Throwable cause) {
        super(message, cause);
        this.backendCode = backendCode;
        this.id = id;
    }

    public String backendCode() {
        return backendCode;
    }

    /** The id the failure concerns, or null. */
    public String id() {
        return id;
    }
}
