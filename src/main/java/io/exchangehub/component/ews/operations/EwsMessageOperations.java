package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.ews.EwsSession;
import io.exchangehub.component.ews.client.AttachmentStreams;
import io.exchangehub.component.ews.client.EwsErrors;
import io.exchangehub.component.ews.client.EwsTimes;
import io.exchangehub.component.ews.client.FollowUpFlags;
import io.exchangehub.component.ews.client.ItemDetails;
import io.exchangehub.component.ews.mapper.MessageMapper;
import io.exchangehub.component.ews.mapper.RecipientMapper;
import io.exchangehub.model.AttachmentUpload;
import io.exchangehub.model.BatchRequest;
import io.exchangehub.model.BatchResult;
import io.exchangehub.model.Body;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.InvalidIdException;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.MailboxException;
import io.exchangehub.model.MessageChanges;
import io.exchangehub.model.MessageDraft;
import io.exchangehub.model.Page;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BodyType;
import microsoft.exchange.webservices.data.core.enumeration.property.WellKnownFolderName;
import microsoft.exchange.webservices.data.core.enumeration.search.ComparisonMode;
import microsoft.exchange.webservices.data.core.enumeration.search.ContainmentMode;
import microsoft.exchange.webservices.data.core.enumeration.search.LogicalOperator;
import microsoft.exchange.webservices.data.core.enumeration.search.SortDirection;
import microsoft.exchange.webservices.data.core.enumeration.service.ConflictResolutionMode;
import microsoft.exchange.webservices.data.core.enumeration.service.MessageDisposition;
import microsoft.exchange.webservices.data.core.enumeration.service.SendCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.SendInvitationsOrCancellationsMode;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.enumeration.service.calendar.AffectedTaskOccurrence;
import microsoft.exchange.webservices.data.core.enumeration.service.error.ServiceErrorHandling;
import microsoft.exchange.webservices.data.core.response.FindItemResponse;
import microsoft.exchange.webservices.data.core.response.GetItemResponse;
import microsoft.exchange.webservices.data.core.response.MoveCopyItemResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.service.item.EmailMessage;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.response.ResponseMessage;
import microsoft.exchange.webservices.data.core.service.schema.EmailMessageSchema;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.complex.ItemId;
import microsoft.exchange.webservices.data.property.complex.Mailbox;
import microsoft.exchange.webservices.data.property.complex.StringList;
import microsoft.exchange.webservices.data.property.definition.PropertyDefinition;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;
import microsoft.exchange.webservices.data.search.filter.SearchFilter;

/**
 * Messages: paged lists with filters and a stable cursor, reading, sending, drafts, replies,
 * changes, moves, copies, deletes and batches. Sending with attachments saves a draft, streams
 * each attachment onto it ({@link AttachmentStreams}) and sends it, so files of any size are
 * never held whole.
 */
public final class EwsMessageOperations {

    /** What a list view reads with FindItem: everything FindItem can return of the summary (recipient lists it cannot). */
    static final PropertySet LIST_PROPERTIES = new PropertySet(BasePropertySet.IdOnly, ItemSchema.Subject, ItemSchema.ConversationId, ItemSchema.DateTimeReceived, ItemSchema.DateTimeSent, ItemSchema.IsDraft,
            ItemSchema.Importance, ItemSchema.Categories, ItemSchema.HasAttachments, EmailMessageSchema.From,
            EmailMessageSchema.IsRead);

    /** What a list view adds with one GetItem of the page (when {@code listDetails}). */
    private static final Set<ItemDetails.Field> LIST_DETAILS = EnumSet.of(ItemDetails.Field.TO_RECIPIENTS,
            ItemDetails.Field.CC_RECIPIENTS, ItemDetails.Field.FLAG, ItemDetails.Field.PREVIEW);

    /** What a message read whole adds (ews-java-api has its recipients). */
    private static final Set<ItemDetails.Field> WHOLE_DETAILS = EnumSet.of(ItemDetails.Field.FLAG, ItemDetails.Field.PREVIEW);

    private EwsMessageOperations() {}

    public static EwsResult list(EwsSession session) {
        String folderHeader = session.header(EwsConstants.FOLDER_ID, "inbox", String.class);
        FolderId folder = session.folder(folderHeader);
        int top = top(session);
        String sort = session.header(EwsConstants.SORT, "-receivedAt", String.class);
        PropertyDefinition sortField = switch (sort.startsWith("-") ? sort.substring(1) : sort) {
            case "receivedAt" -> ItemSchema.DateTimeReceived;
            case "subject" -> ItemSchema.Subject;
            default -> throw new InvalidRequestException("Unknown sort '" + sort + "'; use receivedAt or subject, with - for "
                    + "descending", null, null);
        };
        SortDirection direction = sort.startsWith("-") ? SortDirection.Descending : SortDirection.Ascending;
        Boolean unread = session.header(EwsConstants.FILTER_UNREAD, Boolean.class);
        String from = session.header(EwsConstants.FILTER_FROM, String.class);
        String subject = session.header(EwsConstants.FILTER_SUBJECT, String.class);
        Instant after = session.header(EwsConstants.RECEIVED_AFTER, Instant.class);
        Instant before = session.header(EwsConstants.RECEIVED_BEFORE, Instant.class);
        String query = AqsQuery.of(session.header(EwsConstants.QUERY, String.class));
        int fingerprint = PageCursor.fingerprint(session.mailbox(), folderHeader, sort, unread, from, subject, after, before, query);
        String cursorText = session.header(EwsConstants.CURSOR, String.class);
        PageCursor cursor = cursorText == null || cursorText.isBlank() ? null : PageCursor.decode(cursorText, fingerprint);

        if (query != null) {
            return listByQuery(session, folderHeader, folder, top, new QueryStringMerge.Order(sortField, direction,
                    mergedOrder(sortField, direction)), query, matcher(unread, from, subject, after, before), cursor, fingerprint);
        }
        List<SearchFilter> filters = new ArrayList<>();
        if (unread != null) {
            filters.add(new SearchFilter.IsEqualTo(EmailMessageSchema.IsRead, !unread));
        }
        if (from != null && !from.isBlank()) {
            filters.add(new SearchFilter.ContainsSubstring(EmailMessageSchema.From, from, ContainmentMode.Substring,
                    ComparisonMode.IgnoreCase));
        }
        if (subject != null && !subject.isBlank()) {
            filters.add(new SearchFilter.ContainsSubstring(ItemSchema.Subject, subject, ContainmentMode.Substring,
                    ComparisonMode.IgnoreCase));
        }
        if (after != null) {
            filters.add(new SearchFilter.IsGreaterThanOrEqualTo(ItemSchema.DateTimeReceived, EwsTimes.date(after)));
        }
        if (before != null) {
            filters.add(new SearchFilter.IsLessThan(ItemSchema.DateTimeReceived, EwsTimes.date(before)));
        }
        EwsResult listed = session.call(folderHeader, service -> {
            boolean newestFirst = sortField == ItemSchema.DateTimeReceived && direction == SortDirection.Descending;
            Instant bound = cursor == null ? null : cursor.before();
            int offset = cursor == null ? 0 : cursor.offset();
            int carried = cursor == null ? 0 : cursor.carried();
            if (cursor == null && !newestFirst) {
                Instant newest = newest(service, folder, filters, query);
                if (newest == null) {
                    return EwsResult.of(new Page<MailMessage>(List.of(), null, 0));
                }
                bound = newest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            }
            FindItemsResults<Item> results = find(service, folder, filters, bound, query, top, offset, sortField, direction);
            String folderId = folder.getFolderName() == null ? folder.getUniqueId()
                    : session.client().distinguishedId(service, session.mailbox() + "/" + folder.getFolderName(), folder);
            List<MailMessage> items = new ArrayList<>();
            for (Item item : results) {
                items.add(MessageMapper.with(MessageMapper.message(item, false), folderId, null));
            }
            int nextOffset = offset + items.size();
            if (cursor == null && newestFirst && !items.isEmpty()) {
                // the first page saw the newest second: later pages list only what is older, less what this page took of it
                Instant second = received(results.getItems().get(0));
                int inNewestSecond = 0;
                while (inNewestSecond < items.size() && second != null
                        && second.equals(received(results.getItems().get(inNewestSecond)))) {
                    inNewestSecond++;
                }
                if (second != null && inNewestSecond < items.size()) {
                    bound = second;
                    nextOffset = items.size() - inNewestSecond;
                    carried = inNewestSecond;
                } else if (second != null) {
                    bound = second.plusSeconds(1);
                }
            }
            int total = results.getTotalCount() + (cursor == null ? 0 : carried);
            String next = results.isMoreAvailable() && !items.isEmpty() && bound != null
                    ? new PageCursor(bound, nextOffset, carried, fingerprint).encode() : null;
            Map<String, Object> headers = new HashMap<>();
            headers.put(EwsConstants.TOTAL_COUNT, total);
            if (next != null) {
                headers.put(EwsConstants.NEXT_CURSOR, next);
            }
            return new EwsResult(new Page<>(List.copyOf(items), next, total), headers);
        });
        return session.config().isListDetails() ? detailedPage(session, listed) : listed;
    }

    /**
     * listMessages with a query: FindItem carries the QueryString alone, since Exchange takes no
     * restriction beside one (and ews-java-api refuses both), and {@link QueryStringMerge} keeps the
     * other filters and the paging bound on the folder's matches, to the second. The cursor is
     * the one of a listing without query (bound, offset, fingerprint), its offset counting the
     * matches the hub keeps. No total: Exchange's count is of the query's matches before the hub's
     * filters, so the page's {@code totalCount} is null and {@code CamelEwsTotalCount} is not set.
     */
    private static EwsResult listByQuery(EwsSession session, String folderHeader, FolderId folder, int top,
            QueryStringMerge.Order order, String query, Predicate<MailMessage> keep, PageCursor cursor,
            int fingerprint) {
        boolean newestFirst = order.field() == ItemSchema.DateTimeReceived && order.direction() == SortDirection.Descending;
        EwsResult listed = session.call(folderHeader, service -> {
            Instant bound = cursor == null ? null : cursor.before();
            if (cursor == null && !newestFirst) {
                Instant newest = newest(service, folder, List.of(), query);
                if (newest == null) {
                    return EwsResult.of(new Page<MailMessage>(List.of(), null, null));
                }
                bound = newest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            }
            String folderId = folder.getFolderName() == null ? folder.getUniqueId()
                    : session.client().distinguishedId(service, session.mailbox() + "/" + folder.getFolderName(), folder);
            int offset = cursor == null ? 0 : cursor.offset();
            QueryStringMerge merge = new QueryStringMerge(List.of(Map.entry(folder, folderId)), query, order, bound, keep, top);
            merge.start(service, Math.min(QueryStringMerge.MAX_PAGE, offset + top));
            merge.skip(service, offset);
            List<QueryStringMerge.Match> page = merge.take(service, top);
            String next = null;
            if (!page.isEmpty() && merge.hasNext(service)) {
                next = (cursor == null && newestFirst ? QueryStringMerge.next(null, page, offset, fingerprint)
                        : new PageCursor(bound, offset + page.size(), cursor == null ? 0 : cursor.carried(), fingerprint)).encode();
            }
            Map<String, Object> headers = next == null ? Map.of() : Map.of(EwsConstants.NEXT_CURSOR, next);
            return new EwsResult(new Page<>(page.stream().map(QueryStringMerge.Match::summary).toList(), next, null), headers);
        });
        return session.config().isListDetails() ? detailedPage(session, listed) : listed;
    }

    /** The filters of listMessages as the hub checks them on a summary, as Exchange's restrictions would (substrings ignoring case). */
    private static Predicate<MailMessage> matcher(Boolean unread, String from, String subject, Instant after,
            Instant before) {
        String fromText = from == null || from.isBlank() ? null : from.toLowerCase(Locale.ROOT);
        String subjectText = subject == null || subject.isBlank() ? null : subject.toLowerCase(Locale.ROOT);
        return m -> (unread == null || m.isRead() != unread)
                && (fromText == null || m.from() != null && (contains(m.from().name(), fromText) || contains(m.from().address(), fromText)))
                && (subjectText == null || contains(m.subject(), subjectText))
                && QueryStringMerge.inWindow(m, after, before);
    }

    private static boolean contains(String text, String lowerNeedle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    /** The listing's order across folders (a listing has one folder, whose matches stay in Exchange's order). */
    private static Comparator<QueryStringMerge.Match> mergedOrder(PropertyDefinition field, SortDirection direction) {
        if (field == ItemSchema.DateTimeReceived && direction == SortDirection.Descending) {
            return QueryStringMerge.NEWEST_FIRST;
        }
        Comparator<QueryStringMerge.Match> order = field == ItemSchema.DateTimeReceived
                ? Comparator.comparing(QueryStringMerge.Match::second)
                : Comparator.comparing(m -> m.summary().subject() == null ? "" : m.summary().subject().toLowerCase(Locale.ROOT));
        return direction == SortDirection.Descending ? order.reversed() : order;
    }

    /**
     * A page completed by one GetItem of its ids (recipients, flag, preview); the cursor, total
     * and order stay as FindItem gave them. An item that fails there (deleted since) keeps its
     * summary.
     */
    @SuppressWarnings("unchecked")
    private static EwsResult detailedPage(EwsSession session, EwsResult listed) {
        Page<MailMessage> page = (Page<MailMessage>) listed.body();
        List<ItemDetails.Details> details = ItemDetails.read(session.client(), session.access(), session.credentials(),
                page.items().stream().map(m -> ItemDetails.Ref.item(m.id())).toList(), LIST_DETAILS);
        List<MailMessage> items = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            MailMessage message = page.items().get(i);
            items.add(MessageMapper.with(message, message.folderId(), details.get(i)));
        }
        return new EwsResult(new Page<>(List.copyOf(items), page.nextCursor(), page.totalCount()), listed.headers());
    }

    /** An item's receipt time in whole seconds, as EWS restrictions compare it. */
    private static Instant received(Item item) {
        try {
            Instant received = EwsTimes.instant(item.getDateTimeReceived());
            return received == null ? null : received.truncatedTo(ChronoUnit.SECONDS);
        } catch (Exception notLoaded) {
            return null;
        }
    }

    /** One FindItem; {@code before}, when given, keeps only items received before it (a whole second). */
    private static FindItemsResults<Item> find(ExchangeService service, FolderId folder, List<SearchFilter> filters, Instant before,
            String query, int top, int offset, PropertyDefinition sortField, SortDirection direction) throws Exception {
        List<SearchFilter> all = new ArrayList<>(filters);
        if (before != null) {
            all.add(new SearchFilter.IsLessThan(ItemSchema.DateTimeReceived, EwsTimes.date(before)));
        }
        SearchFilter filter = all.isEmpty() ? null : all.size() == 1 ? all.get(0)
                : new SearchFilter.SearchFilterCollection(LogicalOperator.And, all.toArray(new SearchFilter[0]));
        ItemView view = new ItemView(top, offset);
        view.setPropertySet(LIST_PROPERTIES);
        view.getOrderBy().add(sortField, direction);
        ServiceResponseCollection<FindItemResponse<Item>> responses = service.findItems(List.of(folder), filter, query, view, null,
                ServiceErrorHandling.ThrowOnError);
        return responses.getResponseAtIndex(0).getResults();
    }

    /** The newest receipt time of the listing, the bound of its pages when they are not sorted newest first. */
    private static Instant newest(ExchangeService service, FolderId folder, List<SearchFilter> filters, String query)
            throws Exception {
        FindItemsResults<Item> first = find(service, folder, filters, null, query, 1, 0, ItemSchema.DateTimeReceived,
                SortDirection.Descending);
        return first.getItems().isEmpty() ? null : EwsTimes.instant(first.getItems().get(0).getDateTimeReceived());
    }

    private static int top(EwsSession session) {
        int top = session.header(EwsConstants.TOP, session.config().getPageSize(), Integer.class);
        if (top < 1 || top > 1000) {
            throw new InvalidRequestException("top must be between 1 and 1000", null, null);
        }
        return top;
    }

    public static EwsResult get(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        Body.ContentType type = session.header(EwsConstants.BODY_TYPE, session.config().getBodyType(), Body.ContentType.class);
        EwsResult read = session.call(id, service -> {
            Item item = Item.bind(service, EwsSession.itemId(id), wholeProperties(type));
            return new EwsResult(MessageMapper.message(item, true), Map.of(EwsConstants.INTERNET_HEADERS,
                    MessageMapper.headers(item)));
        });
        return new EwsResult(detailed(session, (MailMessage) read.body()), read.headers());
    }

    /** The message with its follow-up flag and Exchange's preview, read at the Exchange 2013 schema level. */
    private static MailMessage detailed(EwsSession session, MailMessage message) {
        ItemDetails.Details details = ItemDetails.read(session.client(), session.access(), session.credentials(),
                List.of(ItemDetails.Ref.item(message.id())), WHOLE_DETAILS).get(0);
        return MessageMapper.with(message, message.folderId(), details);
    }

    static PropertySet wholeProperties(Body.ContentType type) {
        PropertySet properties = new PropertySet(BasePropertySet.FirstClassProperties, ItemSchema.InternetMessageHeaders,
                ItemSchema.ConversationId, EmailMessageSchema.InternetMessageId, EmailMessageSchema.ReplyTo,
                EmailMessageSchema.BccRecipients);
        properties.setRequestedBodyType(type == Body.ContentType.TEXT ? BodyType.Text : BodyType.HTML);
        return properties;
    }

    private static MailMessage whole(EwsSession session, ExchangeService service, String id) throws Exception {
        return MessageMapper.message(Item.bind(service, EwsSession.itemId(id), wholeProperties(session.config().getBodyType())),
                true);
    }

    /** A message read whole, follow-up flag included. */
    private static MailMessage whole(EwsSession session, String id) {
        return detailed(session, session.call(id, service -> whole(session, service, id)));
    }

    public static EwsResult send(EwsSession session) {
        MessageDraft draft = session.body(MessageDraft.class);
        if (draft.toRecipients().isEmpty() && draft.ccRecipients().isEmpty() && draft.bccRecipients().isEmpty()) {
            throw new InvalidRequestException("A message to send needs a recipient", null, null);
        }
        if (draft.attachments().isEmpty()) {
            session.call(null, service -> {
                EmailMessage message = compose(service, draft);
                message.sendAndSaveCopy(wellKnown(session, WellKnownFolderName.SentItems));
                return null;
            });
            return EwsResult.of(null);
        }
        String id = saveDraft(session, draft);
        attach(session, id, draft.attachments());
        sendSaved(session, id);
        return EwsResult.of(null);
    }

    public static EwsResult createDraft(EwsSession session) {
        MessageDraft draft = session.body(MessageDraft.class);
        String id = saveDraft(session, draft);
        attach(session, id, draft.attachments());
        return EwsResult.of(whole(session, id));
    }

    public static EwsResult sendDraft(EwsSession session) {
        sendSaved(session, session.required(EwsConstants.ITEM_ID));
        return EwsResult.of(null);
    }

    public static EwsResult reply(EwsSession session, boolean replyAll) {
        return respond(session, message -> message.createReply(replyAll));
    }

    public static EwsResult forward(EwsSession session) {
        return respond(session, EmailMessage::createForward);
    }

    /**
     * A reply-like response.
     */
    @FunctionalInterface
    private interface Responder {
        ResponseMessage create(EmailMessage original) throws Exception;
    }

    private static EwsResult respond(EwsSession session, Responder responder) {
        String id = session.required(EwsConstants.ITEM_ID);
        MessageDraft draft = session.body(MessageDraft.class);
        String saved = session.call(id, service -> {
            ResponseMessage response = responder.create(EmailMessage.bind(service, EwsSession.itemId(id), PropertySet.getIdOnly()));
            if (draft.body() != null) {
                response.setBodyPrefix(MessageMapper.body(draft.body()));
            }
            RecipientMapper.addAll(response.getToRecipients(), draft.toRecipients());
            RecipientMapper.addAll(response.getCcRecipients(), draft.ccRecipients());
            RecipientMapper.addAll(response.getBccRecipients(), draft.bccRecipients());
            if (draft.attachments().isEmpty()) {
                response.sendAndSaveCopy(wellKnown(session, WellKnownFolderName.SentItems));
                return null;
            }
            return response.save(wellKnown(session, WellKnownFolderName.Drafts)).getId().getUniqueId();
        });
        if (saved != null) {
            attach(session, saved, draft.attachments());
            sendSaved(session, saved);
        }
        return EwsResult.of(null);
    }

    private static EmailMessage compose(ExchangeService service, MessageDraft draft) throws Exception {
        EmailMessage message = new EmailMessage(service);
        message.setSubject(draft.subject() == null ? "" : draft.subject());
        if (draft.body() != null) {
            message.setBody(MessageMapper.body(draft.body()));
        }
        RecipientMapper.addAll(message.getToRecipients(), draft.toRecipients());
        RecipientMapper.addAll(message.getCcRecipients(), draft.ccRecipients());
        RecipientMapper.addAll(message.getBccRecipients(), draft.bccRecipients());
        RecipientMapper.addAll(message.getReplyTo(), draft.replyTo());
        if (draft.importance() != null) {
            message.setImportance(MessageMapper.importance(draft.importance()));
        }
        if (!draft.categories().isEmpty()) {
            message.setCategories(new StringList(draft.categories()));
        }
        return message;
    }

    private static String saveDraft(EwsSession session, MessageDraft draft) {
        return session.call(null, service -> {
            EmailMessage message = compose(service, draft);
            message.save(wellKnown(session, WellKnownFolderName.Drafts));
            return message.getId().getUniqueId();
        });
    }

    static void attach(EwsSession session, String itemId, List<AttachmentUpload> uploads) {
        for (AttachmentUpload upload : uploads) {
            AttachmentStreams.upload(session.client(), session.access(), session.credentials(), itemId, upload);
        }
    }

    private static void sendSaved(EwsSession session, String id) {
        session.call(id, service -> {
            EmailMessage.bind(service, EwsSession.itemId(id), PropertySet.getIdOnly())
                    .sendAndSaveCopy(wellKnown(session, WellKnownFolderName.SentItems));
            return null;
        });
    }

    static FolderId wellKnown(EwsSession session, WellKnownFolderName name) {
        return new FolderId(name, new Mailbox(session.mailbox()));
    }

    /**
     * Read state, categories and importance through ews-java-api; the follow-up flag first, at the
     * Exchange 2013 level, with the caller's change key (which the flag's update then consumes).
     */
    public static EwsResult update(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        MessageChanges changes = session.body(MessageChanges.class);
        String changeKey = session.header(EwsConstants.CHANGE_KEY, String.class);
        if (changes.flag() != null) {
            MailboxException failed = FollowUpFlags.set(session.client(), session.access(), session.credentials(), List.of(id),
                    changeKey, changes.flag()).get(0);
            if (failed != null) {
                throw failed;
            }
        }
        String key = changes.flag() != null ? null : changeKey;
        if (changes.isRead() != null || changes.categories() != null || changes.importance() != null) {
            session.call(id, service -> {
                EmailMessage message = EmailMessage.bind(service, EwsSession.itemId(id), PropertySet.getIdOnly());
                if (key != null) {
                    message.getId().setChangeKey(key);
                }
                if (changes.isRead() != null) {
                    message.setIsRead(changes.isRead());
                }
                if (changes.categories() != null) {
                    message.setCategories(new StringList(changes.categories()));
                }
                if (changes.importance() != null) {
                    message.setImportance(MessageMapper.importance(changes.importance()));
                }
                message.update(key != null ? ConflictResolutionMode.NeverOverwrite : ConflictResolutionMode.AutoResolve);
                return null;
            });
        }
        return EwsResult.of(whole(session, id));
    }

    public static EwsResult move(EwsSession session, boolean copy) {
        String id = session.required(EwsConstants.ITEM_ID);
        FolderId destination = session.folder(session.required(EwsConstants.DESTINATION_FOLDER_ID));
        String moved = session.call(id, service -> {
            ItemId itemId = EwsSession.itemId(id);
            return (copy ? service.copyItem(itemId, destination) : service.moveItem(itemId, destination)).getId().getUniqueId();
        });
        return EwsResult.of(whole(session, moved));
    }

    public static EwsResult delete(EwsSession session) {
        String id = session.required(EwsConstants.ITEM_ID);
        DeleteMode mode = session.header(EwsConstants.DELETE_MODE, DeleteMode.MOVE_TO_DELETED_ITEMS, DeleteMode.class);
        session.call(id, service -> {
            ServiceResponse response = service.deleteItems(List.of(EwsSession.itemId(id)), deleteMode(mode),
                    SendCancellationsMode.SendToNone, AffectedTaskOccurrence.AllOccurrences).getResponseAtIndex(0);
            if (response.getResult() == ServiceResult.Error) {
                throw EwsErrors.of(response, id);
            }
            return null;
        });
        return EwsResult.of(null);
    }

    static microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode deleteMode(DeleteMode mode) {
        return switch (mode) {
            case HARD -> microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode.HardDelete;
            case SOFT -> microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode.SoftDelete;
            case MOVE_TO_DELETED_ITEMS -> microsoft.exchange.webservices.data.core.enumeration.service.DeleteMode.MoveToDeletedItems;
        };
    }

    /**
     * One action on up to 1,000 messages, in EWS calls of {@code batchSize} ids each (a failure of
     * one id leaves the others alone), with one result per id in the order given. A call that
     * fails as a whole (throttled, unavailable) fails the ids of that call.
     */
    public static EwsResult batch(EwsSession session) {
        BatchRequest request = session.body(BatchRequest.class);
        if (request.action() == null) {
            throw new InvalidRequestException("A batch needs an action", null, null);
        }
        if (request.ids().size() > BatchRequest.MAX_IDS) {
            throw new InvalidRequestException("A batch takes at most " + BatchRequest.MAX_IDS + " ids", null, null);
        }
        if (request.action() == BatchRequest.Action.FLAG && request.flag() == null) {
            throw new InvalidRequestException("FLAG needs the flag to set", null, null);
        }
        FolderId destination = switch (request.action()) {
            case MOVE, COPY -> {
                if (request.destinationFolderId() == null) {
                    throw new InvalidRequestException("MOVE and COPY need a destinationFolderId", null, null);
                }
                yield session.folder(request.destinationFolderId());
            }
            default -> null;
        };
        int size = Math.max(1, session.config().getBatchSize());
        List<BatchResult> results = new ArrayList<>(request.ids().size());
        for (int start = 0; start < request.ids().size(); start += size) {
            List<String> chunk = request.ids().subList(start, Math.min(request.ids().size(), start + size));
            results.addAll(chunk(session, request, destination, chunk));
        }
        return EwsResult.of(List.copyOf(results));
    }

    private static List<BatchResult> chunk(EwsSession session, BatchRequest request, FolderId destination, List<String> ids) {
        BatchResult[] results = new BatchResult[ids.size()];
        List<ItemId> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                results[i] = new BatchResult(id, null, new InvalidIdException("The id is empty", "ErrorInvalidIdEmpty", id));
            } else {
                valid.add(EwsSession.itemId(id));
                positions.add(i);
            }
        }
        if (!valid.isEmpty()) {
            try {
                List<BatchResult> done = session.call(null, service -> switch (request.action()) {
                    case MOVE -> moved(ids, positions, service.moveItems(valid, destination, true));
                    case COPY -> moved(ids, positions, service.copyItems(valid, destination, true));
                    case DELETE -> plain(ids, positions, service.deleteItems(valid, deleteMode(request.deleteMode() == null
                            ? DeleteMode.MOVE_TO_DELETED_ITEMS : request.deleteMode()), SendCancellationsMode.SendToNone,
                            AffectedTaskOccurrence.AllOccurrences));
                    case MARK_READ, MARK_UNREAD -> markRead(service, ids, positions, valid,
                            request.action() == BatchRequest.Action.MARK_READ);
                    case FLAG -> flagged(ids, positions, FollowUpFlags.set(session.client(), session.access(),
                            session.credentials(), positions.stream().map(ids::get).toList(), null, request.flag()));
                });
                for (int i = 0; i < done.size(); i++) {
                    results[positions.get(i)] = done.get(i);
                }
            } catch (MailboxException whole) {
                for (int position : positions) {
                    results[position] = new BatchResult(ids.get(position), null, whole);
                }
            }
        }
        return List.of(results);
    }

    private static List<BatchResult> flagged(List<String> ids, List<Integer> positions, List<MailboxException> failures) {
        List<BatchResult> results = new ArrayList<>();
        for (int i = 0; i < failures.size(); i++) {
            results.add(new BatchResult(ids.get(positions.get(i)), null, failures.get(i)));
        }
        return results;
    }

    private static List<BatchResult> moved(List<String> ids, List<Integer> positions,
            ServiceResponseCollection<MoveCopyItemResponse> responses) throws Exception {
        List<BatchResult> results = new ArrayList<>();
        for (int i = 0; i < responses.getCount(); i++) {
            MoveCopyItemResponse response = responses.getResponseAtIndex(i);
            String id = ids.get(positions.get(i));
            results.add(response.getResult() == ServiceResult.Error ? new BatchResult(id, null, EwsErrors.of(response, id))
                    : new BatchResult(id, response.getItem() == null ? null : response.getItem().getId().getUniqueId(), null));
        }
        return results;
    }

    private static List<BatchResult> plain(List<String> ids, List<Integer> positions,
            ServiceResponseCollection<? extends ServiceResponse> responses) {
        List<BatchResult> results = new ArrayList<>();
        for (int i = 0; i < responses.getCount(); i++) {
            ServiceResponse response = responses.getResponseAtIndex(i);
            String id = ids.get(positions.get(i));
            results.add(new BatchResult(id, null, response.getResult() == ServiceResult.Error ? EwsErrors.of(response, id) : null));
        }
        return results;
    }

    /** Read state changes need items: one GetItem of ids only for the chunk, then one UpdateItem for those found. */
    private static List<BatchResult> markRead(ExchangeService service, List<String> ids, List<Integer> positions,
            List<ItemId> valid, boolean read) throws Exception {
        ServiceResponseCollection<GetItemResponse> bound = service.bindToItems(valid, PropertySet.getIdOnly());
        BatchResult[] results = new BatchResult[valid.size()];
        List<Item> items = new ArrayList<>();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < bound.getCount(); i++) {
            GetItemResponse response = bound.getResponseAtIndex(i);
            String id = ids.get(positions.get(i));
            if (response.getResult() == ServiceResult.Error) {
                results[i] = new BatchResult(id, null, EwsErrors.of(response, id));
            } else if (response.getItem() instanceof EmailMessage message) {
                message.setIsRead(read);
                items.add(message);
                found.add(i);
            } else {
                results[i] = new BatchResult(id, null, new InvalidRequestException("The item is not a message",
                        "ErrorInvalidItemForOperation", id));
            }
        }
        if (!items.isEmpty()) {
            ServiceResponseCollection<? extends ServiceResponse> updated = service.updateItems(items, null,
                    ConflictResolutionMode.AutoResolve, MessageDisposition.SaveOnly, SendInvitationsOrCancellationsMode.SendToNone);
            for (int j = 0; j < updated.getCount(); j++) {
                int i = found.get(j);
                String id = ids.get(positions.get(i));
                ServiceResponse response = updated.getResponseAtIndex(j);
                results[i] = new BatchResult(id, null, response.getResult() == ServiceResult.Error ? EwsErrors.of(response, id) : null);
            }
        }
        return List.of(results);
    }
}
