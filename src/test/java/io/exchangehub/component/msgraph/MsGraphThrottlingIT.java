package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.component.msgraph.client.MsGraphHttp;
import io.exchangehub.model.BackendUnavailableException;
import io.exchangehub.model.Body;
import io.exchangehub.model.ForbiddenException;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import io.exchangehub.model.ThrottledException;
import io.exchangehub.model.UnauthorizedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Throttling, failures and refusals, made by the sandbox's fault switches and tokens. */
class MsGraphThrottlingIT extends MsGraphIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private double requests(String method, String status) {
        var search = meters.find(MsGraphHttp.REQUESTS_METRIC).tag("method", method);
        if (status != null) {
            search = search.tag("status", status);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private void busy(String operation, long backOffMs, int remaining) {
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"" + operation + "\",\"fault\":\"BUSY\","
                + "\"backOffMs\":" + backOffMs + ",\"remaining\":" + remaining + "}");
    }

    private Exchange listInbox() {
        return call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.FOLDER_ID, "inbox", MsGraphConstants.TOP, 5);
    }

    @Test
    void aThrottledReadWaitsOutRetryAfterAndSucceeds() {
        busy("listMessages", 1000, 2);
        double throttled = requests("GET", "429");
        double all = requests("GET", null);
        Exchange exchange = listInbox();
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Page.class).items()).hasSize(5);
        assertThat(requests("GET", "429") - throttled).isEqualTo(2);
        assertThat(requests("GET", null) - all).isEqualTo(3);
    }

    @Test
    void aThrottledSendIsNotRepeatedAndTellsTheWait() {
        busy("sendMail", 2000, 1);
        double posts = requests("POST", null);
        MessageDraft draft = new MessageDraft("Throttled " + UUID.randomUUID(), new Body(Body.ContentType.TEXT, "x"),
                List.of(new Recipient("", CAROL)), null, null, null, null, null, null);
        Exchange exchange = call("messages", MsGraphOperation.sendMessage, draft);
        assertThat(exchange.getException()).isInstanceOfSatisfying(ThrottledException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        assertThat(requests("POST", null) - posts).as("a send is never sent twice").isEqualTo(1);
    }

    @Test
    void retriesStopAfterTheirLimitAndALongRetryAfterIsNotWaitedOut() {
        busy("listMessages", 1000, 0);
        double all = requests("GET", null);
        assertThat(listInbox().getException()).isInstanceOf(ThrottledException.class);
        assertThat(requests("GET", null) - all).as("the first try and three retries").isEqualTo(4);
        clearFaults();

        busy("listMessages", 120_000, 1);
        double before = requests("GET", null);
        assertThat(listInbox().getException()).isInstanceOfSatisfying(ThrottledException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        assertThat(requests("GET", null) - before).isEqualTo(1);
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreBackendUnavailableAndA503IsRetried() {
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"listMessages\",\"fault\":\"HTTP_ERROR\",\"status\":503,"
                + "\"remaining\":1}");
        assertThat(listInbox().getException()).as("a 503 of a read is retried").isNull();
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"listMessages\",\"fault\":\"HTTP_ERROR\",\"status\":500,"
                + "\"remaining\":1}");
        assertThat(listInbox().getException()).isInstanceOf(BackendUnavailableException.class);
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"listMessages\",\"fault\":\"DROP\",\"remaining\":1}");
        Exchange dropped = listInbox();
        assertThat(dropped.getException()).isInstanceOf(BackendUnavailableException.class);
        assertThat(dropped.getException().getMessage()).doesNotContain(tokenOf(CAROL));
    }

    @Test
    void wrongTokensAndOtherMailboxesAreRefusedByType() {
        Exchange forged = producer.send("msgraph:messages?operation=listMessages", exchange -> {
            exchange.getMessage().setHeader(MsGraphConstants.MAILBOX, CAROL);
            exchange.getMessage().setHeader(MsGraphConstants.ACCESS_TOKEN, "not-a-token");
        });
        assertThat(forged.getException()).isInstanceOf(UnauthorizedException.class);
        assertThat(forged.getException().getMessage()).doesNotContain("not-a-token");
        Exchange noToken = producer.send("msgraph:messages?operation=listMessages", exchange ->
                exchange.getMessage().setHeader(MsGraphConstants.MAILBOX, CAROL));
        assertThat(noToken.getException()).isInstanceOf(UnauthorizedException.class);
        Exchange others = producer.send("msgraph:messages?operation=listMessages", exchange -> {
            exchange.getMessage().setHeader(MsGraphConstants.MAILBOX, ALICE);
            exchange.getMessage().setHeader(MsGraphConstants.ACCESS_TOKEN, tokenOf(CAROL));
        });
        assertThat(others.getException()).isInstanceOf(ForbiddenException.class);
        Exchange unknown = call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.OPERATION, "explode");
        assertThat(unknown.getException()).isInstanceOf(IllegalArgumentException.class);
        Exchange wrongResource = call("messages", MsGraphOperation.listMessages, null, MsGraphConstants.OPERATION, "listFolders");
        assertThat(wrongResource.getException()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eightConcurrentCallsForOneMailboxNeverExceedOutlooksFour() throws Exception {
        tokenOf(CAROL);
        fault("{\"protocol\":\"graph\",\"user\":\"" + CAROL + "\",\"operation\":\"listMessages\",\"fault\":\"NONE\",\"latencyMs\":500}");
        double throttled = requests("GET", "429");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Exchange>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(this::listInbox, pool));
            }
            for (CompletableFuture<Exchange> call : calls) {
                assertThat(call.get().getException()).isNull();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(requests("GET", "429") - throttled).as("the bulkhead keeps the fifth request waiting, not throttled").isZero();
    }
}
