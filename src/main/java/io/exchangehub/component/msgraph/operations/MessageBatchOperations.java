package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.messages.item.MessageItemRequestBuilder;
import com.microsoft.graph.users.item.messages.item.copy.CopyPostRequestBody;
import com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody;
import com.microsoft.kiota.RequestInformation;
import io.exchangehub.component.msgraph.client.MsGraphBatch;
import io.exchangehub.component.msgraph.mapping.MessageMapper;
import io.exchangehub.model.BatchRequest;
import io.exchangehub.model.BatchResult;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MessageChanges;
import java.util.ArrayList;
import java.util.List;

/**
 * One action on up to {@value BatchRequest#MAX_IDS} messages: {@code $batch}es of
 * {@value MsGraphBatch#MAX_STEPS} steps, one step per id, and one result per id in the order
 * given. A failed id fails alone.
 */
final class MessageBatchOperations {

    List<BatchResult> run(MsGraphRequest request) {
        BatchRequest batch = request.body(BatchRequest.class);
        if (batch.action() == null) {
            throw new InvalidRequestException("A batch needs an action.", null, null);
        }
        if (batch.ids().size() > BatchRequest.MAX_IDS) {
            throw new InvalidRequestException("A batch takes at most " + BatchRequest.MAX_IDS + " ids.", null, null);
        }
        boolean relocates = batch.action() == BatchRequest.Action.MOVE || batch.action() == BatchRequest.Action.COPY;
        if (relocates && (batch.destinationFolderId() == null || batch.destinationFolderId().isBlank())) {
            throw new InvalidRequestException("A batch move or copy needs a destination folder.", null, null);
        }
        if (batch.action() == BatchRequest.Action.FLAG && batch.flag() == null) {
            throw new InvalidRequestException("A batch flag needs the flag to set.", null, null);
        }
        UserItemRequestBuilder user = request.user(request.client().graph());
        List<BatchResult> results = new ArrayList<>();
        List<String> ids = batch.ids();
        for (int from = 0; from < ids.size(); from += MsGraphBatch.MAX_STEPS) {
            List<String> chunk = ids.subList(from, Math.min(from + MsGraphBatch.MAX_STEPS, ids.size()));
            List<MsGraphBatch.Step> steps = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                steps.add(new MsGraphBatch.Step(Integer.toString(i), step(user.messages().byMessageId(chunk.get(i)), batch)));
            }
            List<MsGraphBatch.Answer> answers = request.batch().send(request.call(), steps);
            for (int i = 0; i < chunk.size(); i++) {
                MsGraphBatch.Answer answer = answers.get(i);
                String id = chunk.get(i);
                if (!answer.succeeded()) {
                    results.add(new BatchResult(id, null, answer.error(id)));
                } else if (relocates) {
                    Message moved = answer.as(Message::createFromDiscriminatorValue);
                    results.add(new BatchResult(id, moved == null ? null : moved.getId(), null));
                } else {
                    results.add(new BatchResult(id, null, null));
                }
            }
        }
        return List.copyOf(results);
    }

    private static RequestInformation step(MessageItemRequestBuilder item, BatchRequest batch) {
        return switch (batch.action()) {
            case MARK_READ -> item.toPatchRequestInformation(MessageMapper.toGraph(new MessageChanges(true, null, null, null)));
            case MARK_UNREAD -> item.toPatchRequestInformation(MessageMapper.toGraph(new MessageChanges(false, null, null, null)));
            case FLAG -> item.toPatchRequestInformation(MessageMapper.toGraph(new MessageChanges(null, batch.flag(), null, null)));
            case MOVE -> {
                MovePostRequestBody body = new MovePostRequestBody();
                body.setDestinationId(batch.destinationFolderId());
                yield item.move().toPostRequestInformation(body);
            }
            case COPY -> {
                CopyPostRequestBody body = new CopyPostRequestBody();
                body.setDestinationId(batch.destinationFolderId());
                yield item.copy().toPostRequestInformation(body);
            }
            case DELETE -> batch.deleteMode() == null || batch.deleteMode() == DeleteMode.MOVE_TO_DELETED_ITEMS
                    ? item.toDeleteRequestInformation()
                    : item.permanentDelete().toPostRequestInformation();
        };
    }
}
