package io.exchangehub.api.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.ApiException;
import io.exchangehub.api.ApiRequest;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.BackendProblems;
import io.exchangehub.api.Problems;
import io.exchangehub.api.backend.MailboxCall;
import io.exchangehub.api.backend.MailboxCall.Param;
import io.exchangehub.api.http.Etags;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.BatchRequest;
import io.exchangehub.model.BatchResult;
import io.exchangehub.model.Body;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The bean {@code messageApi}: the message operations of {@code routes/mail.camel.yaml}, each a step
 * that prepares the backend call and a step that answers from its result.
 */
public final class MessageApi {

    static final int DEFAULT_TOP = 50;
    private static final String BATCH = "hubBatch";
    private static final String RAW = "hubRawBody";

    private final ObjectMapper json;
    private final ApiResponses responses;
    private final Problems problems;
    private final MailJson.HtmlPolicy sanitizer;

    public MessageApi(ObjectMapper json, ApiResponses responses, Problems problems, MailJson.HtmlPolicy sanitizer) {
        this.json = json;
        this.responses = responses;
        this.problems = problems;
        this.sanitizer = sanitizer;
    }

    public void listMessages(Exchange exchange) {
        MailboxCall.start(exchange, "messages", "listMessages")
                .with(Param.FOLDER_ID, MailFolderApi.folderId(exchange))
                .with(Param.TOP, ApiRequest.queryInt(exchange, "top", DEFAULT_TOP))
                .with(Param.CURSOR, ApiRequest.query(exchange, "cursor"))
                .with(Param.FILTER_UNREAD, ApiRequest.queryBoolean(exchange, "unread"))
                .with(Param.FILTER_FROM, ApiRequest.query(exchange, "from"))
                .with(Param.QUERY, ApiRequest.query(exchange, "q"))
                .with(Param.RECEIVED_AFTER, ApiRequest.queryInstant(exchange, "since"))
                .with(Param.RECEIVED_BEFORE, ApiRequest.queryInstant(exchange, "until"));
    }

    public void searchMessages(Exchange exchange) {
        MailboxCall.start(exchange, "messages", "searchMessages")
                .with(Param.QUERY, ApiRequest.query(exchange, "q"))
                .with(Param.TOP, ApiRequest.queryInt(exchange, "top", DEFAULT_TOP))
                .with(Param.CURSOR, ApiRequest.query(exchange, "cursor"));
    }

    public void getMessage(Exchange exchange) {
        exchange.setProperty(RAW, Boolean.TRUE.equals(ApiRequest.queryBoolean(exchange, "raw")));
        MailboxCall.start(exchange, "messages", "getMessage").with(Param.ITEM_ID, messageId(exchange))
                .with(Param.BODY_TYPE, Body.ContentType.HTML);
    }

    /** {@code POST /mail/messages}: a send, or a draft saved. */
    public void sendMessage(Exchange exchange) {
        MailRequests.MessageCreate input = ApiRequest.body(exchange, json, MailRequests.MessageCreate.class);
        if (input.isDraft()) {
            MailboxCall.start(exchange, "messages", "createDraft");
        } else {
            if (input.toRecipients() == null && input.ccRecipients() == null && input.bccRecipients() == null) {
                throw ApiException.invalid("/body/toRecipients", "A message to send needs at least one recipient.");
            }
            MailboxCall.start(exchange, "messages", "sendMessage");
        }
        exchange.getMessage().setBody(input.toModel());
    }

    /** Whether the {@code POST /mail/messages} saved a draft (201) rather than sent (202). */
    public boolean savedDraft(Exchange exchange) {
        return "createDraft".equals(MailboxCall.of(exchange).operation());
    }

    public void reply(Exchange exchange) {
        answer(exchange, "reply");
    }

    public void replyAll(Exchange exchange) {
        answer(exchange, "replyAll");
    }

    public void forward(Exchange exchange) {
        answer(exchange, "forward");
    }

    private void answer(Exchange exchange, String operation) {
        MailRequests.Reply input = ApiRequest.body(exchange, json, MailRequests.Reply.class);
        MailboxCall.start(exchange, "messages", operation).with(Param.ITEM_ID, messageId(exchange));
        exchange.getMessage().setBody(input.toModel());
    }

    public void updateMessage(Exchange exchange) {
        MailRequests.MessageUpdate input = ApiRequest.body(exchange, json, MailRequests.MessageUpdate.class);
        MailboxCall.start(exchange, "messages", "updateMessage").with(Param.ITEM_ID, messageId(exchange))
                .with(Param.CHANGE_KEY, ApiRequest.ifMatchVersion(exchange));
        exchange.getMessage().setBody(input.toModel());
    }

    public void moveMessage(Exchange exchange) {
        record Move(String destinationFolderId) {}
        Move input = ApiRequest.body(exchange, json, Move.class);
        MailboxRef mailbox = MailboxRef.of(exchange);
        MailboxCall.start(exchange, "messages", "moveMessage").with(Param.ITEM_ID, messageId(exchange))
                .with(Param.DESTINATION_FOLDER_ID, mailbox.read(input.destinationFolderId(), HubId.Kind.FOLDER).nativeId());
    }

    public void deleteMessage(Exchange exchange) {
        MailboxCall.start(exchange, "messages", "deleteMessage").with(Param.ITEM_ID, messageId(exchange))
                .with(Param.DELETE_MODE, MailRequests.deleteMode(ApiRequest.query(exchange, "mode")));
    }

    /**
     * {@code POST /mail/messages/batch}: the ids that can be read go to the backend in one batch;
     * an id that cannot (malformed, of another mailbox) fails alone, without reaching a backend.
     * When no id is left, no call is prepared.
     */
    public void batchMessages(Exchange exchange) {
        MailRequests.Batch input = ApiRequest.body(exchange, json, MailRequests.Batch.class);
        MailboxRef mailbox = MailboxRef.of(exchange);
        if (("move".equals(input.action()) || "copy".equals(input.action())) && input.destinationFolderId() == null) {
            throw ApiException.invalid("/body/destinationFolderId", "A " + input.action() + " needs the folder to " + input.action() + " to.");
        }
        if ("flag".equals(input.action()) && input.flag() == null) {
            throw ApiException.invalid("/body/flag", "A flag action needs the flag to set.");
        }
        List<Object> outcome = new ArrayList<>(input.ids().size());
        List<String> nativeIds = new ArrayList<>();
        for (String id : input.ids()) {
            try {
                nativeIds.add(mailbox.read(id, HubId.Kind.MESSAGE).nativeId());
                outcome.add(id);
            } catch (ApiException refused) {
                outcome.add(refused);
            }
        }
        BatchRequest request = input.toModel(nativeIds, mailbox);
        exchange.setProperty(BATCH, new BatchState(input.ids(), outcome));
        if (nativeIds.isEmpty()) {
            exchange.getMessage().setBody(List.of());
            return;
        }
        MailboxCall.start(exchange, "messages", "batchMessages");
        exchange.getMessage().setBody(request);
    }

    private record BatchState(List<String> ids, List<Object> outcome) {}

    /** Answers a batch: one result per id, in the order given, with the problem of each that failed. */
    @SuppressWarnings("unchecked")
    public void batchResults(Exchange exchange) {
        BatchState state = exchange.getProperty(BATCH, BatchState.class);
        List<BatchResult> results = exchange.getMessage().getBody(List.class);
        MailboxRef mailbox = MailboxRef.of(exchange);
        String traceId = Problems.traceId(exchange);
        List<Map<String, Object>> items = new ArrayList<>();
        int next = 0;
        int failed = 0;
        for (int i = 0; i < state.ids().size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", state.ids().get(i));
            ApiException problem;
            String newId = null;
            if (state.outcome().get(i) instanceof ApiException refused) {
                problem = refused;
            } else {
                BatchResult result = results.get(next++);
                problem = result.succeeded() ? null : BackendProblems.map(result.error());
                newId = mailbox.publicId(HubId.Kind.MESSAGE, result.newId());
            }
            item.put("status", problem == null ? 200 : problem.kind().status());
            item.put("newId", newId);
            if (problem != null) {
                failed++;
                item.put("problem", problems.document(problem.kind(), problem.getMessage(), null, traceId, problem.extensions()));
            }
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("succeeded", items.size() - failed);
        answer.put("failed", failed);
        answer.put("items", items);
        responses.ok(exchange, answer);
    }

    /** Answers with a page of message summaries. */
    @SuppressWarnings("unchecked")
    public void page(Exchange exchange) {
        MailboxRef mailbox = MailboxRef.of(exchange);
        Page<MailMessage> page = exchange.getMessage().getBody(Page.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page.items().stream().map(message -> MailJson.summary(message, mailbox)).toList());
        answer.put("nextCursor", page.nextCursor());
        answer.put("totalCount", page.totalCount());
        responses.ok(exchange, answer);
    }

    /** Answers with a message in summary, as it is after a change or a move. */
    public void changed(Exchange exchange) {
        MailMessage message = exchange.getMessage().getBody(MailMessage.class);
        responses.ok(exchange, MailJson.summary(message, MailboxRef.of(exchange)), etag(message, false));
    }

    /** Answers with a whole message. */
    public void message(Exchange exchange) {
        MailMessage message = exchange.getMessage().getBody(MailMessage.class);
        boolean raw = Boolean.TRUE.equals(exchange.getProperty(RAW, Boolean.class));
        MailJson.Message representation = MailJson.message(message, MailboxRef.of(exchange), raw ? MailJson.HtmlPolicy.RAW : sanitizer);
        responses.ok(exchange, representation, etag(message, raw));
    }

    /** Answers {@code POST /mail/messages} with the saved draft. */
    public void draft(Exchange exchange) {
        MailMessage message = exchange.getMessage().getBody(MailMessage.class);
        MailJson.Message representation = MailJson.message(message, MailboxRef.of(exchange), sanitizer);
        responses.created(exchange, representation, "/mail/messages/" + representation.id(), etag(message, false));
    }

    private static String etag(MailMessage message, boolean raw) {
        return message.changeKey() == null ? null : Etags.ofVersion(message.changeKey(), raw ? "raw" : null);
    }

    static String messageId(Exchange exchange) {
        return MailboxRef.of(exchange).read(ApiRequest.path(exchange, "messageId"), HubId.Kind.MESSAGE).nativeId();
    }
}
