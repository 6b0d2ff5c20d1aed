package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.models.AttachmentCollectionResponse;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.graph.users.item.messages.item.MessageItemRequestBuilder;
import com.microsoft.graph.users.item.messages.item.copy.CopyPostRequestBody;
import com.microsoft.graph.users.item.messages.item.createforward.CreateForwardPostRequestBody;
import com.microsoft.graph.users.item.messages.item.createreply.CreateReplyPostRequestBody;
import com.microsoft.graph.users.item.messages.item.createreplyall.CreateReplyAllPostRequestBody;
import com.microsoft.graph.users.item.messages.item.forward.ForwardPostRequestBody;
import com.microsoft.graph.users.item.messages.item.move.MovePostRequestBody;
import com.microsoft.graph.users.item.messages.item.reply.ReplyPostRequestBody;
import com.microsoft.graph.users.item.messages.item.replyall.ReplyAllPostRequestBody;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.component.msgraph.client.MsGraphBatch;
import io.exchangehub.component.msgraph.mapping.AttachmentMapper;
import io.exchangehub.component.msgraph.mapping.Bodies;
import io.exchangehub.component.msgraph.mapping.Cursors;
import io.exchangehub.component.msgraph.mapping.MessageMapper;
import io.exchangehub.component.msgraph.mapping.ODataText;
import io.exchangehub.component.msgraph.mapping.Recipients;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MessageChanges;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Page;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Messages: list and search with cursors, read, send, draft, answer, change, move, copy, delete. */
public final class MessageOperations {

    /**
     * Graph refuses an {@code $orderby} whose property is not the first one filtered on
     * ({@code InefficientFilter}), so a filtered list always starts with a received-date bound.
     */
    private static final Instant EPOCH = Instant.parse("1970-01-01T00:00:00Z");
    private static final String NEWEST_FIRST = "receivedDateTime desc";
    private static final java.util.Map<String, String> SORTS = java.util.Map.of("-receivedAt", NEWEST_FIRST,
            "receivedAt", "receivedDateTime asc", "subject", "subject asc", "-subject", "subject desc");

    private final AttachmentOperations attachments;
    private final MessageBatchOperations batches = new MessageBatchOperations();
    private final MessageSearchOperations searches = new MessageSearchOperations();

    public MessageOperations(AttachmentOperations attachments) {
        this.attachments = attachments;
    }

    public MsGraphResponse process(MsGraphOperation operation, MsGraphRequest request) {
        return switch (operation) {
            case listMessages -> MsGraphResponse.page(list(request));
            case searchMessages -> MsGraphResponse.page(searches.search(request));
            case getMessage -> whole(request, request.required(MsGraphConstants.ITEM_ID));
            case sendMessage -> {
                send(request, request.body(MessageDraft.class));
                yield MsGraphResponse.none();
            }
            case createDraft -> MsGraphResponse.of(draft(request, request.body(MessageDraft.class)));
            case sendDraft -> {
                String id = request.required(MsGraphConstants.ITEM_ID);
                request.run(id, user -> user.messages().byMessageId(id).send().post(request.call()::attach));
                yield MsGraphResponse.none();
            }
            case reply, replyAll, forward -> {
                respond(request, operation, request.required(MsGraphConstants.ITEM_ID), request.body(MessageDraft.class));
                yield MsGraphResponse.none();
            }
            case updateMessage -> MsGraphResponse.of(update(request));
            case moveMessage, copyMessage -> MsGraphResponse.of(relocate(request, operation == MsGraphOperation.moveMessage));
            case deleteMessage -> {
                delete(request);
                yield MsGraphResponse.none();
            }
            case batchMessages -> MsGraphResponse.of(batches.run(request));
            default -> throw new IllegalArgumentException("Not a message operation: " + operation);
        };
    }

    private Page<MailMessage> list(MsGraphRequest request) {
        String baseUrl = request.client().baseUrl();
        String cursor = request.header(MsGraphConstants.CURSOR);
        String query = request.header(MsGraphConstants.QUERY);
        if (cursor != null ? SearchScope.carried(cursor, baseUrl) : query != null && !query.isBlank()) {
            return cursor != null ? SearchScope.resume(request, cursor) : queried(request, query);
        }
        MessageCollectionResponse page;
        if (cursor != null) {
            String link = Cursors.decode(cursor, baseUrl);
            page = request.graph(null, user -> user.messages().withUrl(link).get(request.call()::attach));
        } else {
            String folderId = folderId(request);
            int top = request.top();
            String filter = filter(request);
            String[] orderby = {orderBy(request.header(MsGraphConstants.SORT))};
            page = request.graph(folderId, user -> user.mailFolders().byMailFolderId(folderId).messages().get(c -> {
                request.call().attach(c);
                c.queryParameters.top = top;
                c.queryParameters.select = MessageMapper.SUMMARY;
                c.queryParameters.filter = filter;
                c.queryParameters.orderby = orderby;
                c.queryParameters.count = Boolean.TRUE;
            }));
        }
        List<MailMessage> items = new ArrayList<>();
        page.getValue().forEach(m -> items.add(MessageMapper.summary(m)));
        Integer total = page.getOdataCount() == null ? null : page.getOdataCount().intValue();
        return new Page<>(List.copyOf(items), Cursors.encode(page.getOdataNextLink(), baseUrl), total);
    }

    private static String folderId(MsGraphRequest request) {
        String given = request.header(MsGraphConstants.FOLDER_ID);
        return given == null || given.isBlank() ? "inbox" : given;
    }

    /**
     * A folder's messages with a free-text query: Graph's {@code $search}, newest sent first (Graph
     * takes no {@code $filter}, {@code $orderby} or {@code $count} beside it). The sender and
     * subject join the KQL as terms, the received window as its days, one wider each side; KQL
     * has no read state. The hub then keeps the read state and the window itself
     * ({@link SearchScope}, as searchMessages keeps its window), so there is no total. The window
     * is kept to the second, as the {@code $filter} of a listing without a query has it, so that
     * a query only ever narrows a folder's listing.
     */
    private static Page<MailMessage> queried(MsGraphRequest request, String query) {
        SearchScope scope = new SearchScope(toTheSecond(request.instant(MsGraphConstants.RECEIVED_AFTER)),
                toTheSecond(request.instant(MsGraphConstants.RECEIVED_BEFORE)), null, request.flag(MsGraphConstants.FILTER_UNREAD));
        List<String> terms = new ArrayList<>(ODataText.phrases(query));
        if (terms.isEmpty()) {
            throw new InvalidRequestException("The query has no word to search for.", null, null);
        }
        Stream.of(ODataText.restriction("from", request.header(MsGraphConstants.FILTER_FROM)),
                ODataText.restriction("subject", request.header(MsGraphConstants.FILTER_SUBJECT))).filter(Objects::nonNull)
                .forEach(terms::add);
        terms.addAll(scope.kqlWindow());
        String search = ODataText.searchValue(terms);
        String folderId = folderId(request);
        int top = request.top();
        MessageCollectionResponse page = request.graph(folderId, user -> user.mailFolders().byMailFolderId(folderId).messages()
                .get(c -> {
                    request.call().attach(c);
                    c.queryParameters.top = top;
                    c.queryParameters.select = MessageMapper.SUMMARY;
                    c.queryParameters.search = search;
                }));
        return scope.keep(request, page);
    }

    /** The {@code $filter} of the unread, sender, subject and date filters; null when there is none. */
    private static String filter(MsGraphRequest request) {
        List<String> terms = new ArrayList<>();
        Instant after = request.instant(MsGraphConstants.RECEIVED_AFTER);
        Instant before = request.instant(MsGraphConstants.RECEIVED_BEFORE);
        Boolean unread = request.flag(MsGraphConstants.FILTER_UNREAD);
        if (unread != null) {
            terms.add("isRead eq " + !unread);
        }
        String from = request.header(MsGraphConstants.FILTER_FROM);
        if (from != null && !from.isBlank()) {
            // an address is matched whole (what Outlook's Graph filters on); a name by part of it
            terms.add(from.contains("@") ? "from/emailAddress/address eq " + ODataText.literal(from.strip())
                    : "contains(from/emailAddress/name," + ODataText.literal(from.strip()) + ")");
        }
        String subject = request.header(MsGraphConstants.FILTER_SUBJECT);
        if (subject != null && !subject.isBlank()) {
            terms.add("contains(subject," + ODataText.literal(subject) + ")");
        }
        if (before != null) {
            terms.add(0, "receivedDateTime lt " + odataTime(before));
        }
        if (after != null || !terms.isEmpty()) {
            terms.add(0, "receivedDateTime ge " + odataTime(after != null ? after : EPOCH));
        }
        return terms.isEmpty() ? null : String.join(" and ", terms);
    }

    /** Graph's {@code $orderby} for the model's sort: {@code receivedAt} or {@code subject}, {@code -} for descending. */
    private static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return NEWEST_FIRST;
        }
        String order = SORTS.get(sort.strip());
        if (order == null) {
            throw new InvalidRequestException("The sort must be receivedAt or subject, with - in front for descending.", null, null);
        }
        return order;
    }

    private static Instant toTheSecond(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String odataTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private MsGraphResponse whole(MsGraphRequest request, String id) {
        Message message = fetch(request, id);
        List<java.util.Map.Entry<String, String>> headers = new ArrayList<>();
        if (message.getInternetMessageHeaders() != null) {
            message.getInternetMessageHeaders().forEach(h -> headers.add(java.util.Map.entry(h.getName(), h.getValue())));
        }
        return new MsGraphResponse(MessageMapper.whole(message),
                java.util.Map.of(MsGraphConstants.INTERNET_HEADERS, List.copyOf(headers)));
    }

    /** The message and its attachments' metadata in one {@code $batch}: {@code $expand} would bring every attachment's bytes. */
    private MailMessage get(MsGraphRequest request, String id) {
        return MessageMapper.whole(fetch(request, id));
    }

    private Message fetch(MsGraphRequest request, String id) {
        UserItemRequestBuilder user = request.user(request.client().graph());
        MessageItemRequestBuilder item = user.messages().byMessageId(id);
        List<MsGraphBatch.Answer> answers = request.batch().send(request.call(), List.of(
                new MsGraphBatch.Step("message", item.toGetRequestInformation(c -> {
                    c.queryParameters.select = MessageMapper.WHOLE;
                    c.headers.add("Prefer", Bodies.preferHeader(request.bodyType()));
                })),
                new MsGraphBatch.Step("attachments", item.attachments().toGetRequestInformation(
                        c -> c.queryParameters.select = AttachmentMapper.SELECT))));
        for (MsGraphBatch.Answer answer : answers) {
            if (!answer.succeeded()) {
                throw answer.error(id);
            }
        }
        Message message = answers.get(0).as(Message::createFromDiscriminatorValue);
        message.setAttachments(answers.get(1).as(AttachmentCollectionResponse::createFromDiscriminatorValue).getValue());
        return message;
    }

    private void send(MsGraphRequest request, MessageDraft draft) {
        long threshold = request.configuration().getLargeAttachmentThreshold();
        long total = draft.attachments().stream().mapToLong(AttachmentUpload::size).sum();
        if (total < threshold) {
            Message message = MessageMapper.toGraph(draft);
            if (!draft.attachments().isEmpty()) {
                List<com.microsoft.graph.models.Attachment> files = new ArrayList<>();
                draft.attachments().forEach(a -> files.add(AttachmentOperations.small(a, threshold)));
                message.setAttachments(files);
            }
            SendMailPostRequestBody body = new SendMailPostRequestBody();
            body.setMessage(message);
            body.setSaveToSentItems(true);
            request.run(null, user -> user.sendMail().post(body, request.call()::attach));
            return;
        }
        // too large for one sendMail: a draft, its attachments (uploaded in sessions), then send
        Message created = createWithAttachments(request, draft);
        request.run(created.getId(), user -> user.messages().byMessageId(created.getId()).send().post(request.call()::attach));
    }

    private MailMessage draft(MsGraphRequest request, MessageDraft draft) {
        Message created = createWithAttachments(request, draft);
        return draft.attachments().isEmpty() ? MessageMapper.whole(withNoAttachments(created)) : get(request, created.getId());
    }

    private static Message withNoAttachments(Message message) {
        message.setAttachments(List.of());
        return message;
    }

    private Message createWithAttachments(MsGraphRequest request, MessageDraft draft) {
        Message message = MessageMapper.toGraph(draft);
        Message created = request.graph(null, user -> user.messages().post(message, request.call()::attach));
        for (AttachmentUpload upload : draft.attachments()) {
            attachments.attach(request, created.getId(), upload);
        }
        return created;
    }

    private void respond(MsGraphRequest request, MsGraphOperation operation, String id, MessageDraft draft) {
        String comment = draft.body() == null ? "" : draft.body().content();
        Message recipients = MessageMapper.recipientsOnly(draft);
        if (operation == MsGraphOperation.forward && draft.toRecipients().isEmpty()) {
            throw new InvalidRequestException("A forward needs at least one recipient.", null, id);
        }
        if (draft.attachments().isEmpty()) {
            request.run(id, user -> {
                MessageItemRequestBuilder item = user.messages().byMessageId(id);
                switch (operation) {
                    case reply -> {
                        ReplyPostRequestBody body = new ReplyPostRequestBody();
                        body.setComment(comment);
                        body.setMessage(recipients);
                        item.reply().post(body, request.call()::attach);
                    }
                    case replyAll -> {
                        ReplyAllPostRequestBody body = new ReplyAllPostRequestBody();
                        body.setComment(comment);
                        body.setMessage(recipients);
                        item.replyAll().post(body, request.call()::attach);
                    }
                    default -> {
                        ForwardPostRequestBody body = new ForwardPostRequestBody();
                        body.setComment(comment);
                        body.setToRecipients(Recipients.toGraph(draft.toRecipients()));
                        if (!draft.ccRecipients().isEmpty() || !draft.bccRecipients().isEmpty()) {
                            body.setMessage(recipients);
                        }
                        item.forward().post(body, request.call()::attach);
                    }
                }
            });
            return;
        }
        // with attachments: the answer as a draft, its attachments, then send
        Message created = request.graph(id, user -> {
            MessageItemRequestBuilder item = user.messages().byMessageId(id);
            return switch (operation) {
                case reply -> {
                    CreateReplyPostRequestBody body = new CreateReplyPostRequestBody();
                    body.setComment(comment);
                    body.setMessage(recipients);
                    yield item.createReply().post(body, request.call()::attach);
                }
                case replyAll -> {
                    CreateReplyAllPostRequestBody body = new CreateReplyAllPostRequestBody();
                    body.setComment(comment);
                    body.setMessage(recipients);
                    yield item.createReplyAll().post(body, request.call()::attach);
                }
                default -> {
                    CreateForwardPostRequestBody body = new CreateForwardPostRequestBody();
                    body.setComment(comment);
                    body.setToRecipients(Recipients.toGraph(draft.toRecipients()));
                    if (!draft.ccRecipients().isEmpty() || !draft.bccRecipients().isEmpty()) {
                        body.setMessage(recipients);
                    }
                    yield item.createForward().post(body, request.call()::attach);
                }
            };
        });
        for (AttachmentUpload upload : draft.attachments()) {
            attachments.attach(request, created.getId(), upload);
        }
        request.run(created.getId(), user -> user.messages().byMessageId(created.getId()).send().post(request.call()::attach));
    }

    private MailMessage update(MsGraphRequest request) {
        String id = request.required(MsGraphConstants.ITEM_ID);
        Message change = MessageMapper.toGraph(request.body(MessageChanges.class));
        String ifMatch = request.ifMatch();
        Message updated = request.graph(id, user -> user.messages().byMessageId(id).patch(change, c -> {
            request.call().attach(c);
            if (ifMatch != null) {
                c.headers.add("If-Match", ifMatch);
            }
        }));
        return MessageMapper.summary(updated);
    }

    private MailMessage relocate(MsGraphRequest request, boolean move) {
        String id = request.required(MsGraphConstants.ITEM_ID);
        String destination = request.required(MsGraphConstants.DESTINATION_FOLDER_ID);
        Message result = request.graph(id, user -> {
            MessageItemRequestBuilder item = user.messages().byMessageId(id);
            if (move) {
                MovePostRequestBody body = new MovePostRequestBody();
                body.setDestinationId(destination);
                return item.move().post(body, request.call()::attach);
            }
            CopyPostRequestBody body = new CopyPostRequestBody();
            body.setDestinationId(destination);
            return item.copy().post(body, request.call()::attach);
        });
        return MessageMapper.summary(result);
    }

    private void delete(MsGraphRequest request) {
        String id = request.required(MsGraphConstants.ITEM_ID);
        DeleteMode mode = request.deleteMode();
        String ifMatch = request.ifMatch();
        request.run(id, user -> {
            MessageItemRequestBuilder item = user.messages().byMessageId(id);
            if (mode == DeleteMode.MOVE_TO_DELETED_ITEMS) {
                item.delete(c -> {
                    request.call().attach(c);
                    if (ifMatch != null) {
                        c.headers.add("If-Match", ifMatch);
                    }
                });
            } else {
                item.permanentDelete().post(request.call()::attach);
            }
        });
    }
}
