package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.ews.EwsSession;
import io.exchangehub.component.ews.client.EwsErrors;
import io.exchangehub.component.ews.client.EwsTimes;
import io.exchangehub.component.ews.client.ItemDetails;
import io.exchangehub.component.ews.mapper.MessageMapper;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailFolder;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import microsoft.exchange.webservices.data.search.FindItemsResults;
import microsoft.exchange.webservices.data.search.ItemView;

/**
 * searchMessages: free text and/or a participant over every mail folder of the mailbox, newest
 * received first, in pages with a stable cursor, as {@code msgraph:}'s searchMessages does over
 * Graph's {@code /messages}.
 *
 * <p><b>Why FindItem with a QueryString over the listed folders.</b> Exchange 2019 gives a user no
 * search over a whole mailbox: FindItem's traversal of mail folders is Shallow only (Deep is for
 * search folders), Outlook's AllItems search folder need not exist, a search folder of the hub's
 * own would have to be created, left to fill in the background and deleted on every search, and
 * SearchMailboxes is eDiscovery, for administrators. What every user may do is FindItem with an
 * AQS QueryString, which is answered from Exchange's content index (as Outlook's search is), and
 * FindItem takes several folders at once, answering each on its own. So a page is one FindItem
 * naming every mail folder (those {@code listFolders} lists, but for empty ones) with one query,
 * whose answers the hub merges newest received first.
 *
 * <p><b>What goes to Exchange, and what the hub checks.</b> The query's words and phrases go as
 * AQS phrases ({@link AqsQuery}: user text is never query syntax); the participant as
 * {@code (from:"address" OR participants:"address")} (AQS's participants are to, cc and bcc), with
 * the address checked as an SMTP address first. Exchange's index also matches names, aliases and
 * parts of addresses, and FindItem returns no recipients, so the hub reads the recipients of each
 * page's messages (the GetItem a list page makes anyway, bcc included) and keeps only messages that
 * have the address itself, in any case, as from, to, cc or bcc. A QueryString excludes EWS
 * restrictions (Exchange's rule, and ews-java-api refuses both), and AQS dates are days in the
 * server's culture, so the received window is kept by the hub on the merged answers, to the
 * second; the paging bound too.
 *
 * <p><b>Paging.</b> The cursor is a {@link PageCursor}: a bound (the first page's newest second, as
 * listMessages has it), the offset of the next page among the merged matches received before the
 * bound, and a fingerprint of the query, participant and window. New mail lies after the bound and
 * moves no offset, so pages neither repeat nor skip a match. The offset counts Exchange's matches,
 * before the participant check, so a page may hold fewer than {@code top} messages; a page the
 * check empties is not answered, the next one is read instead, so only the last page is empty.
 * Each page reads every folder's matches from the newest, as far as the offset plus a page, in
 * the one FindItem (a folder Exchange cut short, at its FindItem count limit or at the end of the
 * part read, is read on with a FindItem of its own), so deep pages read more than early ones.
 */
public final class EwsMessageSearchOperations {

    /** An SMTP address: a dot-atom local part and a domain of two or more labels (Unicode allowed). */
    private static final Pattern SMTP_ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+");

    /** Headers of listMessages that would narrow a search in a way this search does not. */
    private static final List<String> LIST_ONLY = List.of(EwsConstants.FOLDER_ID, EwsConstants.SORT, EwsConstants.FILTER_UNREAD,
            EwsConstants.FILTER_FROM, EwsConstants.FILTER_SUBJECT);

    /** The most a FindItem answers per folder (Exchange's default EWSFindCountLimit). */
    private static final int MAX_PAGE = 1000;
    /** The least a folder is read on by, once its first part is used up. */
    private static final int MIN_REFILL = 100;

    private static final Set<ItemDetails.Field> RECIPIENTS = EnumSet.of(ItemDetails.Field.TO_RECIPIENTS,
            ItemDetails.Field.CC_RECIPIENTS, ItemDetails.Field.BCC_RECIPIENTS);
    private static final Set<ItemDetails.Field> LIST_DETAILS = EnumSet.of(ItemDetails.Field.TO_RECIPIENTS,
            ItemDetails.Field.CC_RECIPIENTS, ItemDetails.Field.FLAG, ItemDetails.Field.PREVIEW);

    /** Newest received second first; within a second, by folder id; within a folder, in Exchange's order. */
    private static final Comparator<Match> ORDER = Comparator.comparing(Match::second, Comparator.reverseOrder())
            .thenComparing(Match::folderId);

    private EwsMessageSearchOperations() {}

    /**
     * What a search asks for.
     *
     * @param aqs         the QueryString
     * @param participant the address that must be on each message, in lower case, or null
     * @param after       received at or after, or null
     * @param before      received before, or null
     */
    private record Scope(String aqs, String participant, Instant after, Instant before) {

        boolean inWindow(Item item, Instant received) {
            if (after == null && before == null) {
                return true;
            }
            // a draft has no received time in the model, so no window holds it
            if (isDraft(item) || received == null) {
                return false;
            }
            return (after == null || !received.isBefore(after)) && (before == null || received.isBefore(before));
        }

        boolean hasParticipant(MailMessage summary, ItemDetails.Details details) {
            if (participant == null) {
                return true;
            }
            List<Recipient> on = new ArrayList<>();
            if (summary.from() != null) {
                on.add(summary.from());
            }
            if (details != null && details.ok()) {
                Stream.of(details.to(), details.cc(), details.bcc()).filter(Objects::nonNull).forEach(on::addAll);
            }
            return on.stream().anyMatch(r -> r.address() != null && r.address().strip().equalsIgnoreCase(participant));
        }
    }

    /**
     * One match of the query, as FindItem gave it.
     *
     * @param summary  the message's summary, with its folder
     * @param second   when it was received, in whole seconds (EWS's precision)
     * @param folderId the folder it is in
     */
    private record Match(MailMessage summary, Instant second, String folderId) {}

    public static EwsResult search(EwsSession session) {
        Scope scope = scope(session);
        int top = top(session);
        int fingerprint = PageCursor.fingerprint(session.mailbox(), "searchMessages", scope.aqs(), scope.participant(),
                scope.after(), scope.before());
        String cursorText = session.header(EwsConstants.CURSOR, String.class);
        PageCursor cursor = cursorText == null || cursorText.isBlank() ? null : PageCursor.decode(cursorText, fingerprint);

        List<MailFolder> folders = EwsFolderOperations.mailFolders(session).stream().filter(f -> f.totalCount() > 0).toList();
        Merge merge = new Merge(session.mailbox(), folders, scope, cursor == null ? null : cursor.before(), top);
        int offset = cursor == null ? 0 : cursor.offset();
        session.call(null, service -> {
            merge.start(service, Math.min(MAX_PAGE, offset + top));
            merge.skip(service, offset);
            return null;
        });

        Set<ItemDetails.Field> fields = EnumSet.noneOf(ItemDetails.Field.class);
        if (session.config().isListDetails()) {
            fields.addAll(LIST_DETAILS);
        }
        if (scope.participant() != null) {
            fields.addAll(RECIPIENTS);
        }
        List<Match> consumed = new ArrayList<>();
        List<MailMessage> page = new ArrayList<>();
        boolean more;
        do {
            List<Match> chunk = session.call(null, service -> merge.take(service, top));
            consumed.addAll(chunk);
            List<ItemDetails.Details> details = fields.isEmpty() ? null : ItemDetails.read(session.client(), session.access(),
                    session.credentials(), chunk.stream().map(m -> ItemDetails.Ref.item(m.summary().id())).toList(), fields);
            for (int i = 0; i < chunk.size(); i++) {
                ItemDetails.Details detail = details == null ? null : details.get(i);
                MailMessage summary = chunk.get(i).summary();
                if (scope.hasParticipant(summary, detail)) {
                    page.add(MessageMapper.with(summary, summary.folderId(),
                            session.config().isListDetails() ? detail : null));
                }
            }
            more = session.call(null, merge::hasNext);
        } while (page.isEmpty() && more);

        String next = more ? next(cursor, consumed, offset, fingerprint).encode() : null;
        Map<String, Object> headers = new HashMap<>();
        if (next != null) {
            headers.put(EwsConstants.NEXT_CURSOR, next);
        }
        return new EwsResult(new Page<>(List.copyOf(page), next, null), headers);
    }

    /**
     * The cursor after what this request consumed. On the first page the bound becomes the newest
     * second seen, and the matches of that second are left out of the offset (later pages list
     * only what is older, so mail arriving within that very second stays out too); when everything
     * consumed lies in that second, the bound is the end of it.
     */
    private static PageCursor next(PageCursor cursor, List<Match> consumed, int offset, int fingerprint) {
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

    private static Scope scope(EwsSession session) {
        for (String header : LIST_ONLY) {
            if (given(session, header) != null) {
                throw new InvalidRequestException("searchMessages searches every mail folder, newest received first, and takes no "
                        + header, null, null);
            }
        }
        Instant after = session.header(EwsConstants.RECEIVED_AFTER, Instant.class);
        Instant before = session.header(EwsConstants.RECEIVED_BEFORE, Instant.class);
        if (after != null && before != null && !after.isBefore(before)) {
            throw new InvalidRequestException("The received window is empty: its start must lie before its end", null, null);
        }
        String given = given(session, EwsConstants.PARTICIPANT);
        if (given != null && (given.length() > 254 || !SMTP_ADDRESS.matcher(given).matches())) {
            throw new InvalidRequestException("The participant must be an SMTP address", null, null);
        }
        String participant = given == null ? null : given.toLowerCase(Locale.ROOT);
        String query = given(session, EwsConstants.QUERY);
        if (participant == null && query == null) {
            throw new IllegalArgumentException("searchMessages needs the header " + EwsConstants.QUERY + " or "
                    + EwsConstants.PARTICIPANT);
        }
        List<String> terms = new ArrayList<>(AqsQuery.phrases(query));
        if (terms.isEmpty() && participant == null) {
            throw new InvalidRequestException("The query has no word to search for", null, null);
        }
        if (participant != null) {
            terms.add("(" + AqsQuery.restriction("from", participant) + " OR " + AqsQuery.restriction("participants", participant)
                    + ")");
        }
        return new Scope(String.join(" ", terms), participant, after, before);
    }

    /** A header's text without the spaces around it; null when it is absent or blank, as listMessages reads its filters. */
    private static String given(EwsSession session, String header) {
        String value = session.header(header, String.class);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int top(EwsSession session) {
        int top = session.header(EwsConstants.TOP, session.config().getPageSize(), Integer.class);
        if (top < 1 || top > MAX_PAGE) {
            throw new InvalidRequestException("top must be between 1 and 1000", null, null);
        }
        return top;
    }

    private static boolean isDraft(Item item) {
        try {
            return Boolean.TRUE.equals(item.getIsDraft());
        } catch (Exception notLoaded) {
            return false;
        }
    }

    private static Instant received(Item item) {
        try {
            return EwsTimes.instant(item.getDateTimeReceived());
        } catch (Exception notLoaded) {
            return null;
        }
    }

    /** One mail folder's matches, read from Exchange as far as the merge needs them. */
    private static final class FolderMatches {
        final String folderId;
        final FolderId folder;
        final ArrayDeque<Match> read = new ArrayDeque<>();
        /** How many of the folder's matches Exchange has answered so far: the offset to read on from. */
        int answered;
        boolean more = true;

        FolderMatches(String mailbox, String folderId) {
            this.folderId = folderId;
            this.folder = EwsSession.folder(mailbox, folderId);
        }
    }

    /**
     * The folders' matches merged newest first, under the bound and inside the window. Each step
     * that calls Exchange keeps what it has done in the merge itself, so that a call repeated after
     * ErrorServerBusy goes on where the failed one stopped.
     */
    private static final class Merge {
        private final List<FolderMatches> folders = new ArrayList<>();
        private final Scope scope;
        private final Instant bound;
        private final int refill;
        private boolean started;
        private int skipped;
        private final List<Match> taken = new ArrayList<>();

        Merge(String mailbox, List<MailFolder> mailFolders, Scope scope, Instant bound, int top) {
            mailFolders.forEach(f -> folders.add(new FolderMatches(mailbox, f.id())));
            this.scope = scope;
            this.bound = bound;
            this.refill = Math.min(MAX_PAGE, Math.max(MIN_REFILL, top));
        }

        /** Reads the newest {@code size} matches of every folder, in one FindItem. */
        void start(ExchangeService service, int size) throws Exception {
            if (started || folders.isEmpty()) {
                return;
            }
            ServiceResponseCollection<FindItemResponse<Item>> responses = service.findItems(
                    folders.stream().map(f -> f.folder).toList(), null, scope.aqs(), view(size, 0), null,
                    ServiceErrorHandling.ReturnErrors);
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

        /** Leaves out the first {@code count} matches: the pages before this one. */
        void skip(ExchangeService service, int count) throws Exception {
            while (skipped < count && next(service) != null) {
                skipped++;
            }
        }

        /** The next {@code count} matches, in order (fewer at the end). */
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

        private Match next(ExchangeService service) throws Exception {
            fill(service);
            FolderMatches newest = null;
            for (FolderMatches folder : folders) {
                if (!folder.read.isEmpty() && (newest == null || ORDER.compare(folder.read.peek(), newest.read.peek()) < 0)) {
                    newest = folder;
                }
            }
            return newest == null ? null : newest.read.poll();
        }

        /** Reads on in every folder whose matches read so far are used up while Exchange has more. */
        private void fill(ExchangeService service) throws Exception {
            for (FolderMatches folder : folders) {
                while (folder.read.isEmpty() && folder.more) {
                    FindItemResponse<Item> response = service.findItems(List.of(folder.folder), null, scope.aqs(),
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
                if ((bound == null || second.isBefore(bound)) && scope.inWindow(item, received)) {
                    folder.read.add(new Match(MessageMapper.with(MessageMapper.message(item, false), folder.folderId, null), second,
                            folder.folderId));
                }
            }
            folder.answered += results.getItems().size();
            folder.more = results.isMoreAvailable();
        }

        private static ItemView view(int size, int offset) throws Exception {
            ItemView view = new ItemView(size, offset);
            view.setPropertySet(EwsMessageOperations.LIST_PROPERTIES);
            view.getOrderBy().add(ItemSchema.DateTimeReceived, SortDirection.Descending);
            return view;
        }
    }
}
