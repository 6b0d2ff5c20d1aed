package io.exchangehub.component.msgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.exchangehub.component.msgraph.client.MsGraphHttp;
import io.exchangehub.model.BatchRequest;
import io.exchangehub.model.BatchResult;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.InvalidIdException;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.NotFoundException;
import io.exchangehub.model.Page;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MsGraphBatchIT extends MsGraphIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private double requests() {
        return meters.find(MsGraphHttp.REQUESTS_METRIC).counters().stream().mapToDouble(Counter::count).sum();
    }

    @SuppressWarnings("unchecked")
    private List<BatchResult> batch(BatchRequest request) {
        return result("messages", MsGraphOperation.batchMessages, request, List.class);
    }

    @Test
    void aBatchOfAThousandIdsRunsInFiftyRoundTripsWithOneResultPerIdAndFailuresInside() {
        MailFolder target = result("folders", MsGraphOperation.createFolder, null, MailFolder.class,
                MsGraphConstants.DISPLAY_NAME, "Batch " + UUID.randomUUID());
        @SuppressWarnings("unchecked")
        List<MailFolder> folders = result("folders", MsGraphOperation.listFolders, null, List.class);
        String archive = folders.stream().filter(f -> f.path().equals("/Archive 2024")).findFirst().orElseThrow().id();
        @SuppressWarnings("unchecked")
        Page<MailMessage> source = result("messages", MsGraphOperation.listMessages, null, Page.class,
                MsGraphConstants.FOLDER_ID, archive, MsGraphConstants.TOP, 995);
        List<String> ids = new ArrayList<>(source.items().stream().map(MailMessage::id).toList());
        String malformed = "not-an-id";
        String unknown = source.items().get(0).id().substring(0, 4) + "AAAAAAAAAAAAAA";
        ids.add(100, malformed);
        ids.add(500, unknown);
        ids.add(ids.get(3));
        ids.add("%2F..%2F$batch");
        ids.add("");
        assertThat(ids).hasSize(1000);

        double before = requests();
        List<BatchResult> copies = batch(new BatchRequest(BatchRequest.Action.COPY, ids, target.id(), null, null));
        assertThat(requests() - before).as("1,000 ids in $batches of 20").isEqualTo(50);

        assertThat(copies).hasSize(1000).extracting(BatchResult::id).containsExactlyElementsOf(ids);
        assertThat(copies.get(100).error()).isInstanceOf(InvalidIdException.class);
        assertThat(copies.get(500).error()).isInstanceOfAny(NotFoundException.class, InvalidIdException.class);
        assertThat(copies.get(999).error()).isNotNull();
        assertThat(copies.stream().filter(BatchResult::succeeded)).hasSize(996).allMatch(r -> r.newId() != null);
        MailFolder filled = result("folders", MsGraphOperation.getFolder, null, MailFolder.class, MsGraphConstants.FOLDER_ID, target.id());
        assertThat(filled.totalCount()).isEqualTo(996);

        List<String> copied = copies.stream().filter(BatchResult::succeeded).map(BatchResult::newId).toList();
        List<BatchResult> read = batch(new BatchRequest(BatchRequest.Action.MARK_READ, copied, null, null, null));
        assertThat(read).allMatch(BatchResult::succeeded);
        assertThat(result("folders", MsGraphOperation.getFolder, null, MailFolder.class, MsGraphConstants.FOLDER_ID, target.id())
                .unreadCount()).isZero();

        List<BatchResult> deleted = batch(new BatchRequest(BatchRequest.Action.DELETE, copied, null, DeleteMode.HARD, null));
        assertThat(deleted).allMatch(BatchResult::succeeded);
        List<BatchResult> again = batch(new BatchRequest(BatchRequest.Action.DELETE, copied.subList(0, 3), null, DeleteMode.HARD, null));
        assertThat(again).allMatch(r -> r.error() instanceof NotFoundException);
        result("folders", MsGraphOperation.deleteFolder, null, Object.class, MsGraphConstants.FOLDER_ID, target.id());
    }

    @Test
    void aBatchOfMoreThanAThousandIdsOrWithoutADestinationIsRefusedWhole() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add("id" + i);
        }
        Exchange refused = call("messages", MsGraphOperation.batchMessages,
                new BatchRequest(BatchRequest.Action.MARK_READ, tooMany, null, null, null));
        assertThat(refused.getException()).isInstanceOf(InvalidRequestException.class);
        Exchange noDestination = call("messages", MsGraphOperation.batchMessages,
                new BatchRequest(BatchRequest.Action.MOVE, List.of("a"), null, null, null));
        assertThat(noDestination.getException()).isInstanceOf(InvalidRequestException.class);
    }
}
