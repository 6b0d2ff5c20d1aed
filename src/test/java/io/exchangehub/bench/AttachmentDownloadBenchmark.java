package io.exchangehub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.api.ApiIntegrationTest;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Ten clients download the seeded 25 MB attachment through the hub at once, for an EWS mailbox
 * and a Graph mailbox: the heap the hub keeps meanwhile (goal < 64 MB) and the throughput.
 * The sandbox serves the file in the same JVM, so its buffers count too.
 */
class AttachmentDownloadBenchmark extends ApiIntegrationTest {

    private static final long MB = 1024 * 1024;
    private static final long SIZE = 25 * MB;
    private static final int CLIENTS = 10;
    private static final int RUNS = 3;

    @Test
    void tenClientsDownloadTwentyFiveMegabytesAtOnce() throws Exception {
        BenchReport.line("\n## api: 10 clients download the 25 MB attachment at once through the hub\n");
        BenchReport.line("Live heap growth: used heap after a full GC when the ten downloads are half done, less the same before "
                + "them (what the hub keeps, not its garbage); peak: the highest used heap sampled every 10 ms without GC "
                + "(garbage included). Throughput: 10 × 25 MB over the wall time of the slowest download. " + RUNS
                + " runs each, after one warm-up download. Goal: live growth < 64 MB.\n");
        BenchReport.line("| mailbox (backend) | live heap growth (max) | peak used heap growth (max) | throughput (median) |");
        BenchReport.line("| --- | --- | --- | --- |");
        for (String user : List.of(ALICE, CAROL)) {
            String id = boardPack(user);
            download(user, id, new AtomicLong(), null);
            long live = 0;
            long peak = 0;
            List<Double> throughput = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Result result = run(user, id);
                live = Math.max(live, result.live());
                peak = Math.max(peak, result.peak());
                throughput.add(result.mbPerSecond());
            }
            throughput.sort(Double::compare);
            BenchReport.line(String.format(Locale.ROOT, "| %s (%s) | %.1f MB | %.1f MB | %.0f MB/s |", user, user.equals(CAROL) ? "graph" : "ews",
                    live / (double) MB, peak / (double) MB, throughput.get(RUNS / 2)));
        }
    }

    private record Result(long live, long peak, double mbPerSecond) {}

    private Result run(String user, String id) throws Exception {
        long baseline = retained();
        AtomicLong progress = new AtomicLong();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong live = new AtomicLong(-1);
        CountDownLatch half = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        try {
            Future<?> sampler = clients.submit(() -> {
                Runtime runtime = Runtime.getRuntime();
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                    if (half.getCount() == 0 && live.get() < 0) {
                        live.set(retained());
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long started = System.nanoTime();
            List<Future<Long>> downloads = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                downloads.add(clients.submit(() -> download(user, id, progress, half)));
            }
            for (Future<Long> download : downloads) {
                assertThat(download.get()).isEqualTo(SIZE);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.cancel(true);
            assertThat(live.get()).as("the sampler saw the middle").isNotNegative();
            return new Result(live.get() - baseline, peak.get() - baseline, CLIENTS * SIZE / (double) MB / seconds);
        } finally {
            clients.shutdownNow();
        }
    }

    private long download(String user, String id, AtomicLong progress, CountDownLatch half) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "/api/v1/attachments/" + id + "/content").toURL()
                .openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + tokenOf(user));
        assertThat(connection.getResponseCode()).isEqualTo(200);
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = connection.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (progress.addAndGet(n) >= CLIENTS * SIZE / 2 && half != null) {
                    half.countDown();
                }
            }
        }
        return total;
    }

    private String boardPack(String user) {
        Answer page = get(user, "/mail/folders/inbox/messages?top=10&q=" + encode("Board pack for Q3 (25 MB)"));
        for (JsonNode message : page.json().get("items")) {
            if (message.get("subject").asText().equals("Board pack for Q3 (25 MB)")) {
                return get(user, "/mail/messages/" + message.get("id").asText() + "/attachments").json().get("items").get(0).get("id")
                        .asText();
            }
        }
        throw new AssertionError("no board pack for " + user);
    }

    private static long retained() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
