package io.exchangehub.component;

import io.exchangehub.config.HubProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The shared pieces of the hub's components, as beans the components find by type. */
@Configuration(proxyBeanMethods = false)
class ComponentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StateStore stateStore(StringRedisTemplate redis, HubProperties properties) {
        return new RedisStateStore(redis, properties.redisKeyPrefix());
    }
}
