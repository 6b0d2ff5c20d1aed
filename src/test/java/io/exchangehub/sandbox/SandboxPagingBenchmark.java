package io.exchangehub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.HubIntegrationTest;
import io.exchangehub.bench.BenchReport;
import io.exchangehub.sandbox.seed.SeedPopulator;
import io.exchangehub.sandbox.store.SandboxStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page of 100 messages of the 10,000 in {@code Archive 2024}, at offset 0 and at offset
 * 9,900, through the sandbox's EWS FindItem and Graph messages list, over real HTTP on
 * loopback (one client, sequential requests). Goal: the deep page costs at most twice the first.
 */
class SandboxPagingBenchmark extends HubIntegrationTest {

    private static final int WARMUP = 100;
    private static final int RUNS = 300;

    @Autowired
    SandboxStore store;

    @Test
    void pagesOfOneHundredAtTheStartAndAtTheEndOfTheArchive() {
        String aliceArchive = store.read(() -> store.mailbox(ALICE).folderByPath(SeedPopulator.ARCHIVE_FOLDER).id);
        String carolArchive = store.read(() -> store.mailbox(CAROL).folderByPath(SeedPopulator.ARCHIVE_FOLDER).id);
        String ews = ewsToken(ALICE);
        String graph = graphToken(CAROL);

        BenchReport.section("Sandbox paging: a page of 100 in Archive 2024 (10,000 messages)",
                "One client, sequential requests over loopback HTTP, in-process hub; " + WARMUP + " warm-up requests, then "
                        + RUNS + " measured. Goal: offset 9,900 costs at most 2× offset 0.");
        BenchReport.Stats ewsFirst = measure("EWS FindItem, offset 0", () -> findItem(ews, aliceArchive, 0));
        BenchReport.Stats ewsDeep = measure("EWS FindItem, offset 9,900", () -> findItem(ews, aliceArchive, 9900));
        BenchReport.Stats graphFirst = measure("Graph messages, $skip=0", () -> messages(graph, carolArchive, 0));
        BenchReport.Stats graphDeep = measure("Graph messages, $skip=9900", () -> messages(graph, carolArchive, 9900));
        BenchReport.line(String.format(java.util.Locale.ROOT, "%nDeep page / first page at p50: EWS %.2f×, Graph %.2f×.",
                ewsDeep.p50() / ewsFirst.p50(), graphDeep.p50() / graphFirst.p50()));
    }

    private static BenchReport.Stats measure(String name, Supplier<HttpResponse<String>> call) {
        for (int i = 0; i < WARMUP; i++) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }
        double[] samples = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = call.get();
            samples[i] = (System.nanoTime() - started) / 1e6;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        BenchReport.Stats stats = BenchReport.Stats.of(samples);
        BenchReport.row(name, stats);
        return stats;
    }

    private HttpResponse<String> findItem(String token, String folderId, int offset) {
        String envelope = """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"
                    xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
                  <soap:Header><t:RequestServerVersion Version="Exchange2010_SP2"/></soap:Header>
                  <soap:Body>
                    <m:FindItem Traversal="Shallow">
                      <m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>
                      <m:IndexedPageItemView MaxEntriesReturned="100" Offset="%d" BasePoint="Beginning"/>
                      <m:ParentFolderIds><t:FolderId Id="%s"/></m:ParentFolderIds>
                    </m:FindItem>
                  </soap:Body>
                </soap:Envelope>""".formatted(offset, folderId);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/ews/Exchange.asmx"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build());
        assertThat(response.body()).contains("ResponseClass=\"Success\"");
        return response;
    }

    private HttpResponse<String> messages(String token, String folderId, int skip) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/graph/v1.0/me/mailFolders/" + folderId
                + "/messages?$top=100&$skip=" + skip)).header("Authorization", "Bearer " + token).GET().build());
    }
}
