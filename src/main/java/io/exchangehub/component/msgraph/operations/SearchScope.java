package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.MessageCollectionResponse;
import com.microsoft.graph.models.Recipient;
import io.exchangehub.component.msgraph.mapping.Cursors;
import io.exchangehub.component.msgraph.mapping.MessageMapper;
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
import java.util.stream.Stream;

/**
 * What the hub checks itself on every page of a Graph {@code $search}, because Graph takes no
 * {@code $filter} beside one: the received window (which KQL has only in days of a zone Exchange
 * does not name, so the KQL asks for one day more on each side), the read state (which KQL does
 * not have) and a participant's address (which Exchange's index also matches by name, alias and
 * parts of addresses). Later pages must be checked the same way, so the scope travels in the
 * cursor as a fragment behind Graph's next link. Used by searchMessages and by listMessages with
 * a query.
 *
 * @param after       received at or after, or null
 * @param before      received before, or null
 * @param participant the address that must be on the message, or null
 * @param unread      true: only unread messages; false: only read ones; null: both
 */
record SearchScope(Instant after, Instant before, String participant, Boolean unread) {

    static final SearchScope NONE = new SearchScope(null, null, null, null);

    /** A window whose start is not before its end matches nothing: refused rather than searched through to the end. */
    SearchScope {
        if (after != null && before != null && !after.isBefore(before)) {
            throw new InvalidRequestException("The received window is empty: its start must lie before its end.", null, null);
        }
    }

    /** The window as KQL days, one wider on each side (empty without a window); the hub keeps the exact window. */
    List<String> kqlWindow() {
        List<String> terms = new ArrayList<>();
        if (after != null) {
            terms.add("received>=" + LocalDate.ofInstant(after, ZoneOffset.UTC).minusDays(1));
        }
        if (before != null) {
            terms.add("received<=" + LocalDate.ofInstant(before, ZoneOffset.UTC).plusDays(1));
        }
        return terms;
    }

    boolean accepts(Message message) {
        if (unread != null && unread.equals(message.getIsRead())) {
            return false;
        }
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

    /**
     * The page of what this scope keeps of Graph's answer, with the cursor of the rest. A page of
     * Graph's that the hub would empty is not answered: the next one is read instead, so that
     * only the last page can be empty.
     */
    Page<MailMessage> keep(MsGraphRequest request, MessageCollectionResponse first) {
        MessageCollectionResponse page = first;
        List<MailMessage> items = new ArrayList<>();
        while (true) {
            page.getValue().stream().filter(this::accepts).forEach(m -> items.add(MessageMapper.summary(m)));
            if (!items.isEmpty() || page.getOdataNextLink() == null) {
                break;
            }
            page = next(request, page.getOdataNextLink());
        }
        String nextLink = page.getOdataNextLink();
        return new Page<>(List.copyOf(items), nextLink == null ? null : Cursors.encode(nextLink + fragment(), request.client().baseUrl()),
                null);
    }

    /** Whether a cursor carries a scope (a listing's plain next link does not). */
    static boolean carried(String cursor, String baseUrl) {
        return Cursors.decode(cursor, baseUrl).indexOf('#') >= 0;
    }

    /** The page a cursor leads to, kept by the scope the cursor carries. */
    static Page<MailMessage> resume(MsGraphRequest request, String cursor) {
        String link = Cursors.decode(cursor, request.client().baseUrl());
        int hash = link.indexOf('#');
        SearchScope scope = hash < 0 ? NONE : parse(link.substring(hash + 1), cursor);
        return scope.keep(request, next(request, hash < 0 ? link : link.substring(0, hash)));
    }

    private static MessageCollectionResponse next(MsGraphRequest request, String link) {
        return request.graph(null, user -> user.messages().withUrl(link).get(request.call()::attach));
    }

    /** The scope as a URL fragment after Graph's next link ({@code #after=…&before=…&participant=…&unread=…}); empty for none. */
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
        if (unread != null) {
            parts.add("unread=" + unread);
        }
        return parts.isEmpty() ? "" : "#" + String.join("&", parts);
    }

    static SearchScope parse(String fragment, String cursor) {
        Instant after = null;
        Instant before = null;
        String participant = null;
        Boolean unread = null;
        try {
            for (String part : fragment.split("&")) {
                int equals = part.indexOf('=');
                String name = equals < 0 ? part : part.substring(0, equals);
                String value = equals < 0 ? "" : part.substring(equals + 1);
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "after" -> after = Instant.ofEpochMilli(Long.parseLong(value));
                    case "before" -> before = Instant.ofEpochMilli(Long.parseLong(value));
                    case "participant" -> participant = URLDecoder.decode(value, StandardCharsets.UTF_8);
                    case "unread" -> unread = switch (value) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> throw new IllegalArgumentException(value);
                    };
                    default -> throw new IllegalArgumentException(name);
                }
            }
            return new SearchScope(after, before, participant, unread);
        } catch (IllegalArgumentException | DateTimeException | InvalidRequestException e) {
            throw new InvalidRequestException("The cursor is not one this hub gave out.", null, cursor, e);
        }
    }
}
