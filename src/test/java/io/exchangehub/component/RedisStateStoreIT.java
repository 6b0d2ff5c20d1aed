package io.exchangehub.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.HubIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

class RedisStateStoreIT extends HubIntegrationTest {

    @Autowired
    StateStore store;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void valuesLiveInRedisUnderTheHubsPrefix() {
        store.put("sync:alice:inbox", "state-1");
        assertThat(store.get("sync:alice:inbox")).contains("state-1");
        assertThat(redis.opsForValue().get(REDIS_KEY_PREFIX + "sync:alice:inbox")).isEqualTo("state-1");
        store.delete("sync:alice:inbox");
        assertThat(store.get("sync:alice:inbox")).isEmpty();
    }

    @Test
    void putIfAbsentWinsOnceAndValuesExpire() {
        assertThat(store.putIfAbsent("lock:x", "a", Duration.ofMinutes(1))).isTrue();
        assertThat(store.putIfAbsent("lock:x", "b", Duration.ofMinutes(1))).isFalse();
        assertThat(store.get("lock:x")).contains("a");
        store.put("client-state:s1", "secret", Duration.ofSeconds(30));
        assertThat(redis.getExpire(REDIS_KEY_PREFIX + "client-state:s1")).isBetween(1L, 30L);
        store.delete("lock:x");
        store.delete("client-state:s1");
    }
}
