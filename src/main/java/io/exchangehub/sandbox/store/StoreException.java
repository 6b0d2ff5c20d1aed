package io.exchangehub.sandbox.store;

/** A store operation that failed for a reason a client can be told; never carries a stack trace to it. */
public class StoreException extends RuntimeException {

    private final StoreError error;

    public StoreException(StoreError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public StoreError error() {
        return error;
    }
}
