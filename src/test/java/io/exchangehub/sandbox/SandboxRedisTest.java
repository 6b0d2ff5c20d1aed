package io.exchangehub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SandboxRedisTest {

    private final SandboxRedis redis = new SandboxRedis(new DeferredLogs());

    private static StandardEnvironment sandbox(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void aConfiguredRedisIsNeverReplaced() {
        StandardEnvironment environment = sandbox(Map.of("hub.mode", "sandbox", "spring.data.redis.url", "redis://elsewhere:6379"));
        redis.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://elsewhere:6379");
    }

    @Test
    void productionNeverGetsAnEmbeddedRedis() {
        StandardEnvironment environment = sandbox(Map.of("hub.mode", "production"));
        redis.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.data.redis.url")).isNull();
    }

    @Test
    void withoutARedisTheSandboxStartsAnEmbeddedOneThatAnswers() {
        StandardEnvironment environment = sandbox(Map.of("hub.mode", "sandbox", "hub.sandbox.redis.use-local", "false"));
        redis.postProcessEnvironment(environment, new SpringApplication());
        String url = environment.getProperty("spring.data.redis.url");
        assertThat(url).startsWith("redis://127.0.0.1:");
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        assertThat(SandboxRedis.answersPing(new InetSocketAddress("127.0.0.1", port))).isTrue();
    }

    @Test
    void somethingListeningThatIsNotRedisDoesNotCount() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            assertThat(SandboxRedis.answersPing(new InetSocketAddress("127.0.0.1", silent.getLocalPort()))).isFalse();
        }
    }
}
