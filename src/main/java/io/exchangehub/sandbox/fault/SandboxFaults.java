package io.exchangehub.sandbox.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's fault switches, which tests set through {@code /sandbox/faults}. Each face asks
 * before handling a request; the first matching rule applies, and a counted rule wears out.
 */
public final class SandboxFaults {

    private final List<FaultRule> rules = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    public synchronized FaultRule add(FaultRule rule) {
        if (rule.fault() == FaultRule.Fault.HTTP_ERROR && (rule.status() < 400 || rule.status() > 599)) {
            throw new IllegalArgumentException("An HTTP error fault needs a status from 400 to 599");
        }
        if (rule.latencyMs() < 0 || rule.latencyMs() > 120_000 || rule.backOffMs() < 0) {
            throw new IllegalArgumentException("Latency must be 0 to 120000 ms, back-off not negative");
        }
        FaultRule stored = new FaultRule("fault-" + ids.incrementAndGet(), rule.protocol(), rule.user(), rule.operation(),
                rule.latencyMs(), rule.fault() == null ? FaultRule.Fault.NONE : rule.fault(), rule.backOffMs(), rule.status(),
                rule.remaining() == 0 ? -1 : rule.remaining());
        rules.add(stored);
        return stored;
    }

    public synchronized List<FaultRule> list() {
        return List.copyOf(rules);
    }

    public synchronized boolean remove(String id) {
        return rules.removeIf(rule -> rule.id().equals(id));
    }

    public synchronized void clear() {
        rules.clear();
    }

    /**
     * The rule that applies to a request, if any, counting it as used. The caller waits the
     * latency (outside this lock) and then answers with the fault.
     *
     * @param protocol  {@code ews} or {@code graph}
     * @param user      the caller's address, or the mailbox the request is for
     * @param operation the operation name
     */
    public synchronized Optional<FaultRule> take(String protocol, String user, String operation) {
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (rule.matches(protocol, user, operation)) {
                if (rule.remaining() > 0) {
                    FaultRule used = rule.used();
                    if (used.remaining() == 0) {
                        rules.remove(i);
                    } else {
                        rules.set(i, used);
                    }
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Waits a rule's latency; interruption ends the wait early and keeps the flag. */
    public static void delay(FaultRule rule) {
        if (rule.latencyMs() > 0) {
            try {
                Thread.sleep(rule.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
