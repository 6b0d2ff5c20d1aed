package io.exchangehub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.HubIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The REST API over the in-process sandbox, through real HTTP on loopback:
 * <ul>
 *   <li>what the hub adds to a page of 50 messages over asking the sandbox face directly (the same
 *       page, the same user): token check, rate limit, contract check, delegated token from the
 *       encrypted cache, routing, the component, the JSON of the API. Goal: ≤ 5 ms at p50;</li>
 *   <li>throughput of the message list with 32 concurrent clients;</li>
 *   <li>the page at offset 9,900 of {@code Archive 2024} (reached by its cursor) against the first.
 *       Goal: ≤ 2×.</li>
 * </ul>
 * Run with {@code mvn -Pbench verify -Dit.test=ApiBenchmark}. The per-user read budget is raised so
 * that 32 clients of one user measure the hub rather than its rate limit (the budget is still
 * taken from Redis on every request).
 */
@TestPropertySource(properties = "hub.rate-limit.classes.read.capacity=100000000")
class ApiBenchmark extends HubIntegrationTest {

    private static final int WARMUP = 200;
    private static final int RUNS = 400;
    private static final int CLIENTS = 32;
    private static final int THROUGHPUT_SECONDS = 20;

    @Test
    void theHubsCostOverTheBackendItsThroughputAndItsDeepPages() throws Exception {
        String hubCarol = apiToken(CAROL);
        String hubAlice = apiToken(ALICE);
        String graph = graphToken(CAROL);
        String ews = ewsToken(ALICE);

        BenchReport.section("REST API: a page of 50 messages, the hub against the sandbox face it calls",
                "One client, sequential requests over loopback HTTP, hub and sandbox in one JVM; " + WARMUP
                        + " warm-up requests, then " + RUNS + " measured. The EWS list page costs the component two calls "
                        + "(FindItem, then GetItem of the page for recipients, preview and flag); the direct case makes both.");
        BenchReport.Stats graphDirect = measure("Graph face directly: mailFolders/inbox/messages?$top=50", () -> get(graph,
                "/sandbox/graph/v1.0/me/mailFolders/inbox/messages?$top=50&$select=id,subject,from,toRecipients,ccRecipients,"
                        + "receivedDateTime,sentDateTime,isRead,isDraft,importance,flag,categories,hasAttachments,bodyPreview,"
                        + "conversationId,parentFolderId,changeKey"));
        BenchReport.Stats graphHub = measure("hub, Graph mailbox: /api/v1/mail/folders/inbox/messages?top=50",
                () -> get(hubCarol, "/api/v1/mail/folders/inbox/messages?top=50"));
        BenchReport.Stats ewsDirect = measure("EWS face directly: FindItem 50 + GetItem of the page", () -> ewsPage(ews));
        BenchReport.Stats ewsHub = measure("hub, EWS mailbox: /api/v1/mail/folders/inbox/messages?top=50",
                () -> get(hubAlice, "/api/v1/mail/folders/inbox/messages?top=50"));
        BenchReport.line(String.format(Locale.ROOT, "%nAdded by the hub at p50: Graph mailbox %.2f ms, EWS mailbox %.2f ms (goal ≤ 5 ms).",
                graphHub.p50() - graphDirect.p50(), ewsHub.p50() - ewsDirect.p50()));

        throughput("Graph mailbox", hubCarol, "/api/v1/mail/folders/inbox/messages?top=50");
        throughput("EWS mailbox", hubAlice, "/api/v1/mail/folders/inbox/messages?top=50");

        BenchReport.section("REST API: the first page and the page at offset 9,900 of Archive 2024 (top=100)",
                "The deep page is fetched by the cursor the 99th page gave; one client, sequential.");
        for (String[] user : new String[][] {{"Graph", hubCarol}, {"EWS", hubAlice}}) {
            String archive = archive(user[1]);
            String base = "/api/v1/mail/folders/" + archive + "/messages?top=100";
            String cursor = null;
            for (int page = 0; page < 99; page++) {
                cursor = json(get(user[1], base + (cursor == null ? "" : "&cursor=" + cursor))).get("nextCursor").asText();
            }
            String deep = base + "&cursor=" + cursor;
            BenchReport.Stats first = measure(user[0] + " mailbox, first page", () -> get(user[1], base));
            BenchReport.Stats last = measure(user[0] + " mailbox, page at offset 9,900", () -> get(user[1], deep));
            BenchReport.line(String.format(Locale.ROOT, "%n%s: deep page / first page at p50 = %.2f× (goal ≤ 2×).", user[0],
                    last.p50() / first.p50()));
        }
    }

    private void throughput(String name, String token, String path) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + THROUGHPUT_SECONDS * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.execute(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        HttpResponse<String> response = get(token, path);
                        samples.add((System.nanoTime() - started) / 1e6);
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        clients.shutdown();
        double[] latencies = samples.stream().mapToDouble(Double::doubleValue).toArray();
        BenchReport.section("REST API: throughput, " + name + ", " + CLIENTS + " concurrent clients for " + THROUGHPUT_SECONDS + " s",
                String.format(Locale.ROOT, "%s: %.0f requests/s, %d not 200 (e.g. the per-user rate limit).", path,
                        latencies.length / (double) THROUGHPUT_SECONDS, failures.get()));
        BenchReport.row("latency under load", BenchReport.Stats.of(latencies));
    }

    private static BenchReport.Stats measure(String name, Supplier<HttpResponse<String>> call) {
        for (int i = 0; i < WARMUP; i++) {
            assertThat(call.get().statusCode()).as(name).isEqualTo(200);
        }
        double[] samples = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = call.get();
            samples[i] = (System.nanoTime() - started) / 1e6;
            assertThat(response.statusCode()).as(name).isEqualTo(200);
        }
        BenchReport.Stats stats = BenchReport.Stats.of(samples);
        BenchReport.row(name, stats);
        return stats;
    }

    private String archive(String token) {
        for (JsonNode folder : json(get(token, "/api/v1/mail/folders")).get("items")) {
            if (folder.get("path").asText().equals("/Archive 2024")) {
                return folder.get("id").asText();
            }
        }
        throw new AssertionError("no Archive 2024");
    }

    private HttpResponse<String> get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token).GET().build());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return readJson(response.body());
    }

    /** What the ews: component sends for a list page: FindItem of 50, then GetItem of those ids for the list details. */
    private HttpResponse<String> ewsPage(String token) {
        HttpResponse<String> found = soap(token, """
                <m:FindItem Traversal="Shallow">
                  <m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>
                  <m:IndexedPageItemView MaxEntriesReturned="50" Offset="0" BasePoint="Beginning"/>
                  <m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds>
                </m:FindItem>""", "Exchange2010_SP2");
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<t:ItemId Id=\"([^\"]+)\"").matcher(found.body());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        StringBuilder itemIds = new StringBuilder();
        ids.forEach(id -> itemIds.append("<t:ItemId Id=\"").append(id).append("\"/>"));
        return soap(token, """
                <m:GetItem>
                  <m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>
                    <t:FieldURI FieldURI="message:ToRecipients"/><t:FieldURI FieldURI="message:CcRecipients"/>
                    <t:FieldURI FieldURI="item:Preview"/><t:FieldURI FieldURI="item:Flag"/>
                  </t:AdditionalProperties></m:ItemShape>
                  <m:ItemIds>%s</m:ItemIds>
                </m:GetItem>""".formatted(itemIds), "Exchange2013");
    }

    private HttpResponse<String> soap(String token, String body, String version) {
        String envelope = """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
                    xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
                  <soap:Header><t:RequestServerVersion Version="%s"/></soap:Header>
                  <soap:Body>%s</soap:Body>
                </soap:Envelope>""".formatted(version, body);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/ews/Exchange.asmx"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
        assertThat(response.body()).contains("ResponseClass=\"Success\"");
        return response;
    }
}
