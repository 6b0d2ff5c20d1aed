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
import org.springframework.util.FileSystemUtils;

/**
 * Start-up to ready in sandbox mode, as an operator starts the hub: a fresh JVM per run,
 * measured from process start to the first 200 of {@code /actuator/health/readiness}, and to
 * the log line saying every sandbox mailbox is built. Three ways to run the same build: the
 * executable jar as is, the jar extracted (Spring Boot's {@code -Djarmode=tools extract}, the
 * recommended production layout), extracted with a class data sharing archive from a training
 * run, and that without the C2 compiler (what {@code mvn spring-boot:run} does; on two cores C2
 * competes with start-up). Goal: ready in under 12 s on 2 cores.
 */
class StartupBenchmark {

    private static final int RUNS = 3;
    private static final Pattern BUILT = Pattern.compile("Sandbox mailboxes built in (\\d+) ms");

    @Test
    void startupToReady() throws Exception {
        Path jar = packagedJar();
        Path extracted = Files.createTempDirectory("hub-extracted");
        try {
            run(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString());
            Path extractedJar = extracted.resolve(jar.getFileName());
            Path archive = extracted.resolve("hub.jsa");
            run(java(), "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", extractedJar.toString(),
                    "--server.port=0");

            BenchReport.section("Start-up (sandbox mode)", "A new JVM per run, " + RUNS
                    + " runs each; time from process start. Goal: ready < 12 s.");
            measure("java -jar (executable jar)", List.of("-jar", jar.toString()));
            measure("java -jar (extracted)", List.of("-jar", extractedJar.toString()));
            measure("java -jar (extracted, CDS archive)", List.of("-XX:SharedArchiveFile=" + archive, "-jar", extractedJar.toString()));
            measure("java -jar (extracted, CDS archive, C1 only)", List.of("-XX:SharedArchiveFile=" + archive,
                    "-XX:TieredStopAtLevel=1", "-jar", extractedJar.toString()));
        } finally {
            FileSystemUtils.deleteRecursively(extracted);
        }
    }

    private static void measure(String name, List<String> launch) throws Exception {
        double[] ready = new double[RUNS];
        double[] built = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            int port = freePort();
            Path log = Files.createTempFile("hub-startup", ".log");
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(launch);
            command.add("--server.port=" + port);
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
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
        BenchReport.row(name + ": process start → readiness UP", BenchReport.Stats.of(ready));
        BenchReport.row(name + ": process start → 4 mailboxes built", BenchReport.Stats.of(built));
        assertThat(BenchReport.Stats.of(ready).min()).isPositive();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
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
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("exchange-hub-.*\\.jar")).toList();
            assertThat(jars).as("run with `mvn -Pbench verify`, which packages the jar first").isNotEmpty();
            return jars.get(0);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
