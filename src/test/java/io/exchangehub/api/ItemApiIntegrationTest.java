package io.exchangehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.ids.HubIds;
import io.exchangehub.component.ews.EwsOperation;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests of item endpoints (events, contacts): what a test makes in the shared seeded
 * mailboxes is removed after it whatever its outcome, and refusals are checked the same way.
 */
abstract class ItemApiIntegrationTest extends ApiIntegrationTest {

    @Autowired
    private ProducerTemplate template;

    private static final Map<String, String> BACKEND_TOKENS = new ConcurrentHashMap<>();

    private final Deque<Runnable> cleanUp = new ArrayDeque<>();

    /** Deletes the item at {@code path} (which may have a query) as {@code user} for good after the test, unless the test did. */
    protected void deleteAfterwards(String user, String path) {
        afterwards(() -> delete(user, path + (path.contains("?") ? "&" : "?") + "mode=hard"));
    }

    /** Runs {@code step} after the test, the steps in reverse order of their registration. */
    protected void afterwards(Runnable step) {
        cleanUp.push(step);
    }

    @AfterEach
    void removeWhatTheTestMade() {
        while (!cleanUp.isEmpty()) {
            cleanUp.pop().run();
        }
    }

    /**
     * Removes for good what a test deleted softly (or a cancelled meeting) from an EWS mailbox's
     * Deleted Items, found by a text of it. The API lists Deleted Items as mail, where EWS shows an
     * event or a contact too, so what a test leaves there would appear in other tests' listings;
     * the API has no way to address an item after its move, so the component does it.
     *
     * @return how many items it removed
     */
    @SuppressWarnings("unchecked")
    protected int purgeDeletedItems(String user, String mailbox, String text) {
        Exchange found = ews(user, mailbox, EwsOperation.listMessages,
                Map.of(EwsConstants.FOLDER_ID, "deleteditems", EwsConstants.QUERY, text, EwsConstants.TOP, 200));
        Page<MailMessage> deleted = found.getMessage().getBody(Page.class);
        for (MailMessage item : deleted.items()) {
            ews(user, mailbox, EwsOperation.deleteMessage, Map.of(EwsConstants.ITEM_ID, item.id(), EwsConstants.DELETE_MODE, DeleteMode.HARD));
        }
        return deleted.items().size();
    }

    /** The text of a message, read from the mailbox itself rather than through the API under test. */
    protected String messageText(String user, String messageId) {
        MailMessage message;
        if (user.equals(CAROL)) {
            String id = HubIds.decode(messageId, HubId.Kind.MESSAGE, user, HubId.Backend.GRAPH).nativeId();
            Map<String, Object> headers = new HashMap<>();
            headers.put(MsGraphConstants.MAILBOX, user);
            headers.put(MsGraphConstants.ACCESS_TOKEN, BACKEND_TOKENS.computeIfAbsent("graph " + user, key -> graphToken(user)));
            headers.put(MsGraphConstants.OPERATION, MsGraphOperation.getMessage);
            headers.put(MsGraphConstants.ITEM_ID, id);
            message = call("msgraph:messages", headers).getMessage().getBody(MailMessage.class);
        } else {
            String id = HubIds.decode(messageId, HubId.Kind.MESSAGE, user, HubId.Backend.EWS).nativeId();
            message = ews(user, user, EwsOperation.getMessage, Map.of(EwsConstants.ITEM_ID, id)).getMessage().getBody(MailMessage.class);
        }
        return message.body().content();
    }

    private Exchange ews(String user, String mailbox, EwsOperation operation, Map<String, Object> headers) {
        Map<String, Object> all = new HashMap<>(headers);
        all.put(EwsConstants.MAILBOX, mailbox);
        all.put(EwsConstants.ACCESS_TOKEN, BACKEND_TOKENS.computeIfAbsent("ews " + user, key -> ewsToken(user)));
        all.put(EwsConstants.OPERATION, operation);
        return call("ews:" + operation.resource(), all);
    }

    private Exchange call(String uri, Map<String, Object> headers) {
        Exchange exchange = template.request(uri, call -> call.getMessage().setHeaders(headers));
        assertThat(exchange.getException()).as("%s", uri).isNull();
        return exchange;
    }

    /** A 400 validation problem, naming the field when one is given. */
    protected static void assertRefused(Answer answer, String pointer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:exchange-hub:problem:validation");
        if (pointer != null) {
            assertThat(problem.get("errors")).extracting(error -> error.get("pointer").asText()).contains(pointer);
        }
    }
}
