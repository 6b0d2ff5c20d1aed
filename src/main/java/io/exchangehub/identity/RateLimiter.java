package io.exchangehub.identity;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;

/**
 * Per-user token buckets in Redis (bucket4j on Lettuce, compare-and-swap), so that every hub instance
 * draws from the same budget. The connection to Redis is opened on first use: the hub starts (and
 * reports itself not ready) while Redis is away.
 */
public final class RateLimiter implements DisposableBean {

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final Supplier<AbstractRedisClient> client;
    private final RateLimitProperties properties;
    private final String keyPrefix;
    private volatile ProxyManager<String> buckets;
    private StatefulConnection<String, byte[]> connection;

    public RateLimiter(Supplier<AbstractRedisClient> client, RateLimitProperties properties, String keyPrefix) {
        this.client = client;
        this.properties = properties;
        this.keyPrefix = keyPrefix + "ratelimit:";
    }

    /** The budget of a rate class, if it is limited. */
    Optional<RateLimitProperties.Budget> budget(String rateClass) {
        return properties.enabled() ? Optional.ofNullable(properties.classes().get(rateClass)) : Optional.empty();
    }

    /**
     * Takes one request from the caller's budget of a rate class.
     *
     * @param callerKey the caller's tenant and object id
     */
    ConsumptionProbe consume(String rateClass, RateLimitProperties.Budget budget, String callerKey) {
        BucketConfiguration configuration = configuration(budget);
        return buckets().builder().build(bucketKey(rateClass, callerKey), () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    /** The Redis key of a caller's bucket of a rate class: the same on every instance. */
    String bucketKey(String rateClass, String callerKey) {
        return keyPrefix + rateClass + ":" + callerKey;
    }

    /** The bucket4j configuration of a budget. */
    static BucketConfiguration configuration(RateLimitProperties.Budget budget) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(budget.capacity()).refillGreedy(budget.capacity(), budget.period()))
                .build();
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> existing = buckets;
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            if (buckets == null) {
                ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
                AbstractRedisClient redis = client.get();
                if (redis instanceof RedisClusterClient cluster) {
                    StatefulRedisClusterConnection<String, byte[]> clustered = cluster.connect(CODEC);
                    connection = clustered;
                    buckets = Bucket4jLettuce.casBasedBuilder(clustered).expirationAfterWrite(expiry).build();
                } else {
                    StatefulRedisConnection<String, byte[]> standalone = ((RedisClient) redis).connect(CODEC);
                    connection = standalone;
                    buckets = Bucket4jLettuce.casBasedBuilder(standalone).expirationAfterWrite(expiry).build();
                }
            }
            return buckets;
        }
    }

    @Override
    public synchronized void destroy() {
        if (connection != null) {
            connection.close();
        }
    }
}
