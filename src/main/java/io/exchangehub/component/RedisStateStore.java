package io.exchangehub.component;

import java.time.Duration;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The {@link StateStore} on Redis, shared by every hub instance; every key gets the hub's prefix. */
public final class RedisStateStore implements StateStore {

    private final StringRedisTemplate redis;
    private final String prefix;

    public RedisStateStore(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.opsForValue().get(prefix + key));
    }

    @Override
    public void put(String key, String value) {
        redis.opsForValue().set(prefix + key, value);
    }

    @Override
    public void put(String key, String value, Duration timeToLive) {
        redis.opsForValue().set(prefix + key, value, timeToLive);
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration timeToLive) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(prefix + key, value, timeToLive));
    }

    @Override
    public void delete(String key) {
        redis.delete(prefix + key);
    }
}
