package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.models.MessageCollectionResponse;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.mapping.MessageMapper;
import io.exchangehub.component.msgraph.mapping.ODataText;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * searchMessages: Graph's {@code $search} over {@code /users/{upn}/messages}, which is every mail
 * folder of the mailbox, in Graph's order (newest sent first) and with Graph's limit of 1,000
 * results. Graph takes no {@code $filter} or {@code $orderby} beside {@code $search}, so the
 * received window goes into the KQL as days ({@code received>=}, {@code received<=}), one day
 * wider on each side because Exchange does not say in which zone a KQL day lies; the hub then
 * keeps only what lies in the window to the instant, and only mail the participant's address
 * is on (Exchange's index also matches names, aliases and parts of addresses). Later pages must
 * do the same, so the window and the address travel in the cursor, behind Graph's next link
 * ({@link SearchScope}, which listMessages with a query shares).
 */
public final class MessageSearchOperations {

    /** An SMTP address: a dot-atom local part and a domain of two or more labels (Unicode allowed, as Exchange Online does). */
    private static final Pattern SMTP_ADDRESS = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+");

    /** The summary, and bcc, which the participant check needs (a sent message may have the person only there). */
    private static final String[] SELECT = Stream.concat(Stream.of(MessageMapper.SUMMARY), Stream.of("bccRecipients"))
            .toArray(String[]::new);

    /** Headers of listMessages that would narrow a search in a way Graph's search cannot. */
    private static final List<String> LIST_ONLY = List.of(MsGraphConstants.FOLDER_ID, MsGraphConstants.SORT,
            MsGraphConstants.FILTER_UNREAD, MsGraphConstants.FILTER_FROM, MsGraphConstants.FILTER_SUBJECT);

    /** A page of matches; pages may hold fewer than asked (what the hub drops), but none is empty before the last. */
    public Page<MailMessage> search(MsGraphRequest request) {
        String cursor = request.header(MsGraphConstants.CURSOR);
        if (cursor != null) {
            return SearchScope.resume(request, cursor);
        }
        SearchScope scope = scope(request);
        String search = kql(request.header(MsGraphConstants.QUERY), scope);
        int top = request.top();
        MessageCollectionResponse page = request.graph(null, user -> user.messages().get(c -> {
            request.call().attach(c);
            c.queryParameters.top = top;
            c.queryParameters.select = SELECT;
            c.queryParameters.search = search;
        }));
        return scope.keep(request, page);
    }

    private static SearchScope scope(MsGraphRequest request) {
        for (String header : LIST_ONLY) {
            if (given(request, header) != null) {
                throw new InvalidRequestException("searchMessages searches every folder, newest sent first, and takes no "
                        + header + ".", null, null);
            }
        }
        Instant after = request.instant(MsGraphConstants.RECEIVED_AFTER);
        Instant before = request.instant(MsGraphConstants.RECEIVED_BEFORE);
        String participant = given(request, MsGraphConstants.PARTICIPANT);
        if (participant != null && (participant.length() > 254 || !SMTP_ADDRESS.matcher(participant).matches())) {
            throw new InvalidRequestException("The participant must be an SMTP address.", null, null);
        }
        if (participant == null && given(request, MsGraphConstants.QUERY) == null) {
            throw new IllegalArgumentException("searchMessages needs the header " + MsGraphConstants.QUERY + " or "
                    + MsGraphConstants.PARTICIPANT);
        }
        return new SearchScope(after, before, participant, null);
    }

    /** A header's text without the spaces around it; null when it is absent or blank, as listMessages reads its filters. */
    private static String given(MsGraphRequest request, String header) {
        String value = request.header(header);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every word a phrase, the participant a {@code participants:} phrase, the window as days: all must match. */
    static String kql(String query, SearchScope scope) {
        List<String> terms = new ArrayList<>(query == null ? List.of() : ODataText.phrases(query));
        if (terms.isEmpty() && scope.participant() == null) {
            throw new InvalidRequestException("The query has no word to search for.", null, null);
        }
        if (scope.participant() != null) {
            terms.add(ODataText.restriction("participants", scope.participant()));
        }
        terms.addAll(scope.kqlWindow());
        return ODataText.searchValue(terms);
    }
}
