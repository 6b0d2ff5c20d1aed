package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.client.EwsErrors;
import io.exchangehub.component.ews.client.EwsTimes;
import io.exchangehub.component.ews.mapper.MessageMapper;
import io.exchangehub.model.MailMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.error.ServiceError;
import microsoft.exchange.webservices.data.core.enumeration.search.SortDirection;
import microsoft.exchange.webservices.data.core.enumeration.service.ServiceResult;
import microsoft.exchange.webservices.data.core.enumeration.service.error.ServiceErrorHandling;
import microsoft.exchange.webservices.data.core.response.FindItemResponse;
import microsoft.exchange.webservices.data.core.response.ServiceResponseCollection;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.property.definition.PropertyDefinition;
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;

/**
 * The matches of one AQS QueryString in one or more folders, read with FindItem as far as a page
 * needs them, merged in one order, and kept by the hub's own checks: the paging bound and every
 * filter Exchange cannot be given beside the QueryString (a QueryString excludes EWS restrictions:
 * Exchange's rule, and ews-java-api refuses both). searchMessages reads every mail folder with it,
 * listMessages with a query the one folder it lists.
 *
 * <p>A page is found by reading each folder's matches from the first in Exchange's order, keeping
 * those the checks keep, skipping the page's offset of them and taking a page: the offset counts
 * kept matches, so pages neither repeat nor skip one, whatever Exchange returns beyond them, and
 * deeper pages read more than earlier ones. The first FindItem names every folder and reads each
 * as far as the offset plus a page (at most {@value #MAX_PAGE}); a folder used up while Exchange has
 * more (at its find count limit, or at the end of the part read) is read on with a FindItem of its
 * own. Each step that calls Exchange keeps what it has done in the merge itself, so that a call
 * repeated after ErrorServerBusy goes on where the failed one stopped.
 */
final class QueryStringMerge {

    /** The most a FindItem answers per folder (Exchange's default EWSFindCountLimit). */
    static final int MAX_PAGE = 1000;
    /** The least a folder is read on by, once its first part is used up. */
    private static final int MIN_REFILL = 100;

    /** Newest received second first; within a second, by folder id; within a folder, in Exchange's order. */
    static final Comparator<Match> NEWEST_FIRST = Comparator.comparing(Match::second, Comparator.reverseOrder())
            .thenComparing(Match::folderId);

    /**
     * One match of the query, as FindItem gave it.
     *
     * @param summary  the message's summary, with its folder
     * @param second   when it was received, in whole seconds (EWS's precision; a draft's too)
     * @param folderId the folder it is in
     */
    record Match(MailMessage summary, Instant second, String folderId) {}

    /**
     * The order Exchange sorts each folder by, and the same order across folders.
     *
     * @param field     the FindItem sort field
     * @param direction its direction
     * @param merged    how matches of different folders compare (each folder's own stay in Exchange's order)
     */
    record Order(PropertyDefinition field, SortDirection direction, Comparator<Match> merged) {

        static final Order RECEIVED_NEWEST_FIRST = new Order(ItemSchema.DateTimeReceived, SortDirection.Descending, NEWEST_FIRST);
    }

    /** One folder's matches, read from Exchange as far as the merge needs them. */
    private static final class FolderMatches {
        final String folderId;
        final FolderId folder;
        final ArrayDeque<Match> read = new ArrayDeque<>();
        /** How many of the folder's matches Exchange has answered so far: the offset to read on from. */
        int answered;
        boolean more = true;

        FolderMatches(FolderId folder, String folderId) {
            this.folderId = folderId;
            this.folder = folder;
        }
    }

    private final List<FolderMatches> folders = new ArrayList<>();
    private final String aqs;
    private final Order order;
    private final Instant bound;
    private final Predicate<MailMessage> keep;
    private final int refill;
    private boolean started;
    private int skipped;
    private final List<Match> taken = new ArrayList<>();

    /**
     * @param folders each folder to read, with the id its messages get as {@code folderId}
     * @param bound   matches received at or after this second are left out (null: none)
     * @param keep    the hub's checks of a summary (with its folder set), besides the bound
     */
    QueryStringMerge(List<Map.Entry<FolderId, String>> folders, String aqs, Order order, Instant bound,
            Predicate<MailMessage> keep, int top) {
        folders.forEach(f -> this.folders.add(new FolderMatches(f.getKey(), f.getValue())));
        this.aqs = aqs;
        this.order = order;
        this.bound = bound;
        this.keep = keep;
        this.refill = Math.min(MAX_PAGE, Math.max(MIN_REFILL, top));
    }

    /** Reads the first {@code size} matches of every folder, in one FindItem. */
    void start(ExchangeService service, int size) throws Exception {
        if (started || folders.isEmpty()) {
            return;
        }
        ServiceResponseCollection<FindItemResponse<Item>> responses = service.findItems(
                folders.stream().map(f -> f.folder).toList(), null, aqs, view(size, 0), null, ServiceErrorHandling.ReturnErrors);
        for (int i = 0; i < folders.size(); i++) {
            FindItemResponse<Item> response = responses.getResponseAtIndex(i);
            if (response.getResult() == ServiceResult.Error && response.getErrorCode() != ServiceError.ErrorFolderNotFound
                    && response.getErrorCode() != ServiceError.ErrorExceededFindCountLimit) {
                throw EwsErrors.of(response, null);
            }
        }
        for (int i = 0; i < folders.size(); i++) {
            FolderMatches folder = folders.get(i);
            FindItemResponse<Item> response = responses.getResponseAtIndex(i);
            if (response.getResult() != ServiceResult.Error) {
                accept(folder, response.getResults());
            } else if (response.getErrorCode() == ServiceError.ErrorFolderNotFound) {
                // deleted since the folders were listed: nothing to find there
                folder.more = false;
            }
            // over the count limit: the folder is read on its own when the merge reaches it
        }
        started = true;
    }

    /** Leaves out the first {@code count} kept matches: the pages before this one. */
    void skip(ExchangeService service, int count) throws Exception {
        while (skipped < count && next(service) != null) {
            skipped++;
        }
    }

    /** The next {@code count} kept matches, in order (fewer at the end). */
    List<Match> take(ExchangeService service, int count) throws Exception {
        Match match;
        while (taken.size() < count && (match = next(service)) != null) {
            taken.add(match);
        }
        List<Match> chunk = List.copyOf(taken);
        taken.clear();
        return chunk;
    }

    boolean hasNext(ExchangeService service) throws Exception {
        fill(service);
        return folders.stream().anyMatch(f -> !f.read.isEmpty());
    }

    /**
     * The cursor after what a request consumed, {@code consumed} being non-empty. On the first page
     * of a listing by newest received (no cursor yet) the bound becomes the newest second seen, and
     * the matches of that second are left out of the offset (later pages list only what is older,
     * so mail arriving within that very second stays out too); when everything consumed lies in
     * that second, the bound is the end of it.
     */
    static PageCursor next(PageCursor cursor, List<Match> consumed, int offset, int fingerprint) {
        if (cursor != null) {
            return new PageCursor(cursor.before(), offset + consumed.size(), cursor.carried(), fingerprint);
        }
        Instant newest = consumed.get(0).second();
        int inNewest = (int) consumed.stream().filter(m -> m.second().equals(newest)).count();
        if (inNewest < consumed.size()) {
            return new PageCursor(newest, consumed.size() - inNewest, inNewest, fingerprint);
        }
        return new PageCursor(newest.plusSeconds(1), consumed.size(), 0, fingerprint);
    }

    /**
     * Whether a summary lies in a received window (after inclusive, before exclusive; null: open),
     * to the instant. A draft has no received time in the model, so a window leaves it out.
     */
    static boolean inWindow(MailMessage summary, Instant after, Instant before) {
        if (after == null && before == null) {
            return true;
        }
        Instant received = summary.receivedAt();
        return received != null && (after == null || !received.isBefore(after)) && (before == null || received.isBefore(before));
    }

    private Match next(ExchangeService service) throws Exception {
        fill(service);
        FolderMatches first = null;
        for (FolderMatches folder : folders) {
            if (!folder.read.isEmpty() && (first == null || order.merged().compare(folder.read.peek(), first.read.peek()) < 0)) {
                first = folder;
            }
        }
        return first == null ? null : first.read.poll();
    }

    /** Reads on in every folder whose matches read so far are used up while Exchange has more. */
    private void fill(ExchangeService service) throws Exception {
        for (FolderMatches folder : folders) {
            while (folder.read.isEmpty() && folder.more) {
                FindItemResponse<Item> response = service.findItems(List.of(folder.folder), null, aqs,
                        view(refill, folder.answered), null, ServiceErrorHandling.ReturnErrors).getResponseAtIndex(0);
                if (response.getResult() == ServiceResult.Error) {
                    if (response.getErrorCode() != ServiceError.ErrorFolderNotFound) {
                        throw EwsErrors.of(response, null);
                    }
                    folder.more = false;
                } else if (response.getResults().getItems().isEmpty() && response.getResults().isMoreAvailable()) {
                    // Exchange says there is more but gives none: the caller's find count budget is spent elsewhere
                    throw EwsErrors.of("ErrorExceededFindCountLimit", null, null, null);
                } else {
                    accept(folder, response.getResults());
                }
            }
        }
    }

    private void accept(FolderMatches folder, FindItemsResults<Item> results) {
        for (Item item : results.getItems()) {
            Instant received = received(item);
            Instant second = received == null ? Instant.EPOCH : received.truncatedTo(ChronoUnit.SECONDS);
            MailMessage summary = MessageMapper.with(MessageMapper.message(item, false), folder.folderId, null);
            if ((bound == null || second.isBefore(bound)) && keep.test(summary)) {
                folder.read.add(new Match(summary, second, folder.folderId));
            }
        }
        folder.answered += results.getItems().size();
        folder.more = results.isMoreAvailable();
    }

    private ItemView view(int size, int offset) throws Exception {
        ItemView view = new ItemView(size, offset);
        view.setPropertySet(EwsMessageOperations.LIST_PROPERTIES);
        view.getOrderBy().add(order.field(), order.direction());
        return view;
    }

    /** When an item was received, a draft's too (EWS gives one; the model does not). */
    private static Instant received(Item item) {
        try {
            return EwsTimes.instant(item.getDateTimeReceived());
        } catch (Exception notLoaded) {
            return null;
        }
    }
}
