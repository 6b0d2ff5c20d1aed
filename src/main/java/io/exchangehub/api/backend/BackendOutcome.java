package io.exchangehub.api.backend;

import io.exchangehub.model.BackendUnavailableException;
import io.exchangehub.model.MailboxException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;

/**
 * The bean {@code backendOutcome}: keeps a caller's failure out of a backend's circuit breaker.
 * A message that does not exist, a stale change key or a throttled user says nothing about the
 * backend's health, and must not open the circuit for everyone; only the backend's own failures
 * (unreachable, 5xx, timeouts) count. Camel's circuit breaker would swallow an exception it is
 * told not to record, so such a failure is kept aside inside the breaker and raised again after it.
 * It is kept in a holder set on the exchange before the breaker ({@link #prepare}): the breaker runs
 * the call on a copy of the exchange and copies none of the copy's properties back.
 */
public final class BackendOutcome {

    static final String KEPT = "hubKeptFailure";

    /**
     * The exchange property, an {@code AtomicReference<RuntimeException>}, that a step sets before the
     * call and fills when the call fails because of what the caller sent, whatever the component made
     * of it: an upload streamed from the client that broke off or was not what it declared reaches the
     * component as an I/O failure, which says nothing about the backend. Its value is what the caller
     * gets. A holder, because the circuit breaker runs the call on a copy of the exchange.
     */
    public static final String CALLER_FAILURE = "hubCallerFailureCause";

    /** Whether the exchange's failure is the caller's rather than the backend's. */
    public boolean callersFault(Exchange exchange) {
        if (callerFailure(exchange) != null) {
            return true;
        }
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return failure instanceof MailboxException && !(failure instanceof BackendUnavailableException);
    }

    /** Before the breaker: the holder a caller's failure is kept in. */
    public void prepare(Exchange exchange) {
        exchange.setProperty(KEPT, new AtomicReference<Throwable>());
    }

    /** Keeps the caller's failure for {@link #raise} (the breaker sees a call that worked). */
    public void keep(Exchange exchange) {
        Throwable callers = callerFailure(exchange);
        kept(exchange).set(callers != null ? callers : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** The caller's own failure a step recorded ({@link #CALLER_FAILURE}), or null. */
    public static Throwable callerFailure(Exchange exchange) {
        return exchange.getProperty(CALLER_FAILURE) instanceof AtomicReference<?> holder ? (Throwable) holder.get() : null;
    }

    /** Raises a kept failure again, now that the breaker has counted the call. */
    public void raise(Exchange exchange) throws Exception {
        Throwable kept = kept(exchange).getAndSet(null);
        if (kept != null) {
            throw kept instanceof Exception e ? e : new IllegalStateException(kept);
        }
    }

    @SuppressWarnings("unchecked")
    private static AtomicReference<Throwable> kept(Exchange exchange) {
        AtomicReference<Throwable> holder = exchange.getProperty(KEPT, AtomicReference.class);
        if (holder == null) {
            throw new IllegalStateException("backendOutcome.prepare did not run before the backend call");
        }
        return holder;
    }
}
