package io.exchangehub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Start-up to ready of the packaged jar in sandbox mode, as an operator starts it: a fresh JVM
 * per run, measured from process start to the first 200 of {@code /actuator/health/readiness},
 * and to the log line saying every sandbox mailbox is built. Goal: ready in under 12 s on 2 cores.
 */
class StartupBenchmark {

    private static final int RUNS = 5;
    private static final Pattern BUILT = Pattern.compile("Sandbox mailboxes built in (\\d+) ms");

    @Test
    void startupToReady() throws Exception {
        Path jar = packagedJar();
        double[] ready = new double[RUNS];
        double[] built = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            int port = freePort();
            Path log = Files.createTempFile("hub-startup", ".log");
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "--server.port=" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            long started = System.nanoTime();
            Process process = builder.start();
            try {
                waitForReady(port);
                ready[run] = (System.nanoTime() - started) / 1e6;
                built[run] = waitForMailboxes(log, started);
            } finally {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                Files.deleteIfExists(log);
            }
        }
        BenchReport.section("Start-up (packaged jar, sandbox mode)",
                "A new JVM per run: `java -jar target/exchange-hub-*.jar`; time from process start. Goal: ready < 12 s.");
        BenchReport.row("process start → readiness UP", BenchReport.Stats.of(ready));
        BenchReport.row("process start → all 4 mailboxes built", BenchReport.Stats.of(built));
        assertThat(BenchReport.Stats.of(ready).min()).isPositive();
    }

    private static void waitForReady(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the hub was not ready within 120 s");
    }

    /** Milliseconds from process start until the background seeding logs that it finished. */
    private static double waitForMailboxes(Path log, long started) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher matcher = BUILT.matcher(Files.readString(log));
            if (matcher.find()) {
                return (System.nanoTime() - started) / 1e6;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the sandbox mailboxes were not built within 120 s");
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = new ArrayList<>(files.filter(p -> p.getFileName().toString().matches("exchange-hub-.*\\.jar")).toList());
            assertThat(jars).as("run with `mvn -Pbench verify`, which packages the jar first").isNotEmpty();
            return jars.get(0);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
