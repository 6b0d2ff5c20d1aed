package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.models.Recipient;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.mapping.Cursors;
import io.exchangehub.component.msgraph.mapping.MessageMapper;
import io.exchangehub.component.msgraph.mapping.ODataText;
import io.exchangehub.model.InvalidRequestException;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
 * do the same, so the window and the address travel in the cursor, behind Graph's next link.
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
        String baseUrl = request.client().baseUrl();
        String cursor = request.header(MsGraphConstants.CURSOR);
        Scope scope;
        MessageCollectionResponse page;
        if (cursor != null) {
            String link = Cursors.decode(cursor, baseUrl);
            int hash = link.indexOf('#');
            scope = hash < 0 ? Scope.NONE : Scope.parse(link.substring(hash + 1), cursor);
            page = next(request, hash < 0 ? link : link.substring(0, hash));
        } else {
            scope = scope(request);
            String search = kql(request.header(MsGraphConstants.QUERY), scope);
            int top = request.top();
            page = request.graph(null, user -> user.messages().get(c -> {
                request.call().attach(c);
                c.queryParameters.top = top;
                c.queryParameters.select = SELECT;
                c.queryParameters.search = search;
            }));
        }
        List<MailMessage> items = new ArrayList<>();
        while (true) {
            page.getValue().stream().filter(scope::accepts).forEach(m -> items.add(MessageMapper.summary(m)));
            if (!items.isEmpty() || page.getOdataNextLink() == null) {
                break;
            }
            // a page of Graph's that the hub emptied: read on, so that only the last page can be empty
            page = next(request, page.getOdataNextLink());
        }
        String nextLink = page.getOdataNextLink();
        return new Page<>(List.copyOf(items), nextLink == null ? null : Cursors.encode(nextLink + scope.fragment(), baseUrl), null);
    }

    private static MessageCollectionResponse next(MsGraphRequest request, String link) {
        return request.graph(null, user -> user.messages().withUrl(link).get(request.call()::attach));
    }

    private static Scope scope(MsGraphRequest request) {
        for (String header : LIST_ONLY) {
            if (given(request, header) != null) {
                throw new InvalidRequestException("searchMessages searches every folder, newest sent first, and takes no "
                        + header + ".", null, null);
            }
        }
        Instant after = request.instant(MsGraphConstants.RECEIVED_AFTER);
        Instant before = request.instant(MsGraphConstants.RECEIVED_BEFORE);
        if (after != null && before != null && !after.isBefore(before)) {
            throw new InvalidRequestException("The received window is empty: its start must lie before its end.", null, null);
        }
        String participant = given(request, MsGraphConstants.PARTICIPANT);
        if (participant != null && (participant.length() > 254 || !SMTP_ADDRESS.matcher(participant).matches())) {
            throw new InvalidRequestException("The participant must be an SMTP address.", null, null);
        }
        if (participant == null && given(request, MsGraphConstants.QUERY) == null) {
            throw new IllegalArgumentException("searchMessages needs the header " + MsGraphConstants.QUERY + " or "
                    + MsGraphConstants.PARTICIPANT);
        }
        return new Scope(after, before, participant);
    }

    /** A header's text without the spaces around it; null when it is absent or blank, as listMessages reads its filters. */
    private static String given(MsGraphRequest request, String header) {
        String value = request.header(header);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Every word a phrase, the participant a {@code participants:} phrase, the window as days: all must match. */
    static String kql(String query, Scope scope) {
        List<String> terms = new ArrayList<>(query == null ? List.of() : ODataText.phrases(query));
        if (terms.isEmpty() && scope.participant() == null) {
            throw new InvalidRequestException("The query has no word to search for.", null, null);
        }
        if (scope.participant() != null) {
            terms.add(ODataText.restriction("participants", scope.participant()));
        }
        if (scope.after() != null) {
            terms.add("received>=" + LocalDate.ofInstant(scope.after(), ZoneOffset.UTC).minusDays(1));
        }
        if (scope.before() != null) {
            terms.add("received<=" + LocalDate.ofInstant(scope.before(), ZoneOffset.UTC).plusDays(1));
        }
        return ODataText.searchValue(terms);
    }

    /**
     * What the hub checks itself on every page.
     *
     * @param after       received at or after, or null
     * @param before      received before, or null
     * @param participant the address that must be on the message, or null
     */
    record Scope(Instant after, Instant before, String participant) {

        static final Scope NONE = new Scope(null, null, null);

        boolean accepts(Message message) {
            if (after != null || before != null) {
                // a draft has no received time in the model, so no window holds it
                if (Boolean.TRUE.equals(message.getIsDraft()) || message.getReceivedDateTime() == null) {
                    return false;
                }
                Instant received = message.getReceivedDateTime().toInstant();
                if (after != null && received.isBefore(after) || before != null && !received.isBefore(before)) {
                    return false;
                }
            }
            if (participant == null) {
                return true;
            }
            List<Recipient> on = new ArrayList<>();
            if (message.getFrom() != null) {
                on.add(message.getFrom());
            }
            Stream.of(message.getToRecipients(), message.getCcRecipients(), message.getBccRecipients())
                    .filter(Objects::nonNull).forEach(on::addAll);
            return on.stream().anyMatch(this::isParticipant);
        }

        private boolean isParticipant(Recipient recipient) {
            return recipient.getEmailAddress() != null && recipient.getEmailAddress().getAddress() != null
                    && recipient.getEmailAddress().getAddress().strip().equalsIgnoreCase(participant);
        }

        /** The scope as a URL fragment after Graph's next link ({@code #after=…&before=…&participant=…}); empty for none. */
        String fragment() {
            List<String> parts = new ArrayList<>();
            if (after != null) {
                parts.add("after=" + after.toEpochMilli());
            }
            if (before != null) {
                parts.add("before=" + before.toEpochMilli());
            }
            if (participant != null) {
                parts.add("participant=" + URLEncoder.encode(participant, StandardCharsets.UTF_8));
            }
            return parts.isEmpty() ? "" : "#" + String.join("&", parts);
        }

        static Scope parse(String fragment, String cursor) {
            Instant after = null;
            Instant before = null;
            String participant = null;
            try {
                for (String part : fragment.split("&")) {
                    int equals = part.indexOf('=');
                    String name = equals < 0 ? part : part.substring(0, equals);
                    String value = equals < 0 ? "" : part.substring(equals + 1);
                    switch (name.toLowerCase(Locale.ROOT)) {
                        case "after" -> after = Instant.ofEpochMilli(Long.parseLong(value));
                        case "before" -> before = Instant.ofEpochMilli(Long.parseLong(value));
                        case "participant" -> participant = URLDecoder.decode(value, StandardCharsets.UTF_8);
                        default -> throw new IllegalArgumentException(name);
                    }
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new InvalidRequestException("The cursor is not one this hub gave out.", null, cursor, e);
            }
            return new Scope(after, before, participant);
        }
    }
}
