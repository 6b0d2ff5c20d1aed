package io.exchangehub.sandbox;

import io.exchangehub.config.HubEnvironment;
import io.exchangehub.config.HubMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;
import redis.embedded.RedisServer;

/**
 * Gives a sandbox hub a Redis when none is configured, so that the hub keeps one Redis code path:
 * the Redis on 127.0.0.1:6379 if it answers (unless {@code hub.sandbox.redis.use-local=false},
 * as in tests), else an embedded Redis on a free port that keeps nothing on disk. One embedded
 * server serves the whole JVM and stops with it.
 */
public class SandboxRedis implements EnvironmentPostProcessor, Ordered {

    static final String URL_PROPERTY = "spring.data.redis.url";
    private static final InetSocketAddress LOCAL_REDIS = new InetSocketAddress("127.0.0.1", 6379);
    private static RedisServer embedded;
    private static int embeddedPort;

    private final Log log;

    public SandboxRedis(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(SandboxRedis.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!HubMode.SANDBOX.id().equals(environment.getProperty("hub.mode"))
                || StringUtils.hasText(environment.getProperty(URL_PROPERTY))) {
            return;
        }
        String url;
        if (environment.getProperty("hub.sandbox.redis.use-local", Boolean.class, true) && answersPing(LOCAL_REDIS)) {
            url = "redis://127.0.0.1:6379";
            log.info("Sandbox: no Redis configured; using the Redis answering on 127.0.0.1:6379");
        } else {
            int port = startEmbedded();
            url = "redis://127.0.0.1:" + port;
            log.info("Sandbox: no Redis configured or answering; started an embedded Redis (no persistence) on port " + port);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("sandbox-redis", Map.of(URL_PROPERTY, url)));
    }

    static synchronized int startEmbedded() {
        if (embedded == null) {
            try {
                embeddedPort = freePort();
                RedisServer server = RedisServer.newRedisServer()
                        .bind("127.0.0.1")
                        .port(embeddedPort)
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "embedded-redis-stop"));
                embedded = server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded Redis", e);
            }
        }
        return embeddedPort;
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException ignored) {
            // the JVM is exiting; the child process dies with it
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A real PING, not just an open port: something else may listen on 6379. */
    static boolean answersPing(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 300);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return HubEnvironment.ORDER + 1;
    }
}
