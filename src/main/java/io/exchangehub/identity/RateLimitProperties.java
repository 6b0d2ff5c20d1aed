package io.exchangehub.identity;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-user request budgets of {@code /api/**}, shared by every hub instance through Redis, under
 * {@code hub.rate-limit.*}. Each access rule names its class; a class no setting names is not limited.
 *
 * @param enabled whether requests are counted at all
 * @param classes the budget of each rate class by name
 */
@ConfigurationProperties("hub.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Map<String, Budget> classes) {

    public RateLimitProperties {
        classes = classes == null ? Map.of() : Map.copyOf(classes);
    }

    /**
     * A token bucket: {@code capacity} requests, refilled evenly over {@code period}.
     *
     * @param capacity the most requests in a burst
     * @param period   the time in which a drained budget refills completely
     */
    public record Budget(long capacity, @DefaultValue("1m") Duration period) {

        public Budget {
            if (capacity < 1) {
                throw new IllegalArgumentException("a rate-limit capacity must be at least 1");
            }
        }
    }
}
