package io.exchangehub.component.ews.operations;

import io.exchangehub.component.ews.EwsConstants;
import io.exchangehub.component.ews.EwsSession;
import io.exchangehub.component.ews.client.ItemDetails;
import io.exchangehub.component.ews.mapper.MessageMapper;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import microsoft.exchange.webservices.data.property.complex.FolderId;

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
 * second; the paging bound too. The reading, merging and keeping is {@link QueryStringMerge}'s,
 * which listMessages with a query uses for its one folder.
 *
 * <p><b>Paging.</b> The cursor is a {@link PageCursor}: a bound (the first page's newest second, as
 * listMessages has it), the offset of the next page among the merged matches received before the
 * bound, and a fingerprint of the query, participant and window. New mail lies after the bound and
 * moves no offset, so pages neither repeat nor skip a match. The offset counts Exchange's matches,
 * before the participant check, so a page may hold fewer than {@code top} messages; a page the
 * check empties is not answered, the next one is read instead, so only the last page is empty.
 * Each page reads every folder's matches from the newest, as far as the offset plus a page, so
 * deep pages read more than early ones.
 */
public final class EwsMessageSearchOperations {

    /** An SMTP address: a dot-atom local part and a domain of two or more labels (Unicode allowed). */
    private static final Pattern SMTP_ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+");

    /** Headers of listMessages that would narrow a search in a way this search does not. */
    private static final List<String> LIST_ONLY = List.of(EwsConstants.FOLDER_ID, EwsConstants.SORT, EwsConstants.FILTER_UNREAD,
            EwsConstants.FILTER_FROM, EwsConstants.FILTER_SUBJECT);

    private static final Set<ItemDetails.Field> RECIPIENTS = EnumSet.of(ItemDetails.Field.TO_RECIPIENTS,
            ItemDetails.Field.CC_RECIPIENTS, ItemDetails.Field.BCC_RECIPIENTS);
    private static final Set<ItemDetails.Field> LIST_DETAILS = EnumSet.of(ItemDetails.Field.TO_RECIPIENTS,
            ItemDetails.Field.CC_RECIPIENTS, ItemDetails.Field.FLAG, ItemDetails.Field.PREVIEW);

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

        /** Whether the message lies in the window; a draft has no received time in the model, so no window holds it. */
        boolean inWindow(MailMessage summary) {
            return QueryStringMerge.inWindow(summary, after, before);
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

    public static EwsResult search(EwsSession session) {
        Scope scope = scope(session);
        int top = top(session);
        int fingerprint = PageCursor.fingerprint(session.mailbox(), "searchMessages", scope.aqs(), scope.participant(),
                scope.after(), scope.before());
        String cursorText = session.header(EwsConstants.CURSOR, String.class);
        PageCursor cursor = cursorText == null || cursorText.isBlank() ? null : PageCursor.decode(cursorText, fingerprint);

        List<Map.Entry<FolderId, String>> folders = EwsFolderOperations.mailFolders(session).stream()
                .filter(f -> f.totalCount() > 0).map(f -> Map.entry(EwsSession.folder(session.mailbox(), f.id()), f.id())).toList();
        QueryStringMerge merge = new QueryStringMerge(folders, scope.aqs(), QueryStringMerge.Order.RECEIVED_NEWEST_FIRST,
                cursor == null ? null : cursor.before(), scope::inWindow, top);
        int offset = cursor == null ? 0 : cursor.offset();
        session.call(null, service -> {
            merge.start(service, Math.min(QueryStringMerge.MAX_PAGE, offset + top));
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
        List<QueryStringMerge.Match> consumed = new ArrayList<>();
        List<MailMessage> page = new ArrayList<>();
        boolean more;
        do {
            List<QueryStringMerge.Match> chunk = session.call(null, service -> merge.take(service, top));
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

        String next = more ? QueryStringMerge.next(cursor, consumed, offset, fingerprint).encode() : null;
        Map<String, Object> headers = new HashMap<>();
        if (next != null) {
            headers.put(EwsConstants.NEXT_CURSOR, next);
        }
        return new EwsResult(new Page<>(List.copyOf(page), next, null), headers);
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
        if (top < 1 || top > QueryStringMerge.MAX_PAGE) {
            throw new InvalidRequestException("top must be between 1 and 1000", null, null);
        }
        return top;
    }
}
