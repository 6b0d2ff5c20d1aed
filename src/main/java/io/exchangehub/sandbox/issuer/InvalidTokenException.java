package io.exchangehub.sandbox.issuer;

/** A bearer token a sandbox face refuses; the message says why, as the real services do, without the token. */
public class InvalidTokenException extends RuntimeException {

    /** Why the token was refused. */
    public enum Reason { MISSING, MALFORMED, BAD_SIGNATURE, EXPIRED, NOT_YET_VALID, WRONG_ISSUER, WRONG_AUDIENCE }

    private final Reason reason;

    public InvalidTokenException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
