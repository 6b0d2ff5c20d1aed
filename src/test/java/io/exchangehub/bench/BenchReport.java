package io.exchangehub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/** Collects benchmark samples and writes them as Markdown rows to target/bench/results.md and stdout. */
public final class BenchReport {

    public static final Path RESULTS = Path.of("target", "bench", "results.md");

    private BenchReport() {}

    /** Summary statistics of samples in milliseconds. */
    public record Stats(int count, double p50, double p90, double p99, double mean, double min, double max) {

        public static Stats of(double[] samples) {
            double[] sorted = samples.clone();
            Arrays.sort(sorted);
            return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    Arrays.stream(sorted).average().orElse(0), sorted[0], sorted[sorted.length - 1]);
        }

        private static double percentile(double[] sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    public static void section(String title, String description) {
        write("\n## " + title + " (" + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores)\n\n"
                + description + "\n\n| case | n | p50 ms | p90 ms | p99 ms | mean ms | min ms | max ms |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    }

    public static void row(String name, Stats stats) {
        write(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", name, stats.count(), stats.p50(),
                stats.p90(), stats.p99(), stats.mean(), stats.min(), stats.max()));
    }

    public static void line(String text) {
        write(text + "\n");
    }

    private static synchronized void write(String text) {
        System.out.print(text);
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
