package io.exchangehub.api.contacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.exchangehub.api.ApiException;
import io.exchangehub.api.ApiRequest;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.PlainText;
import io.exchangehub.api.Problems;
import io.exchangehub.api.backend.MailboxCall;
import io.exchangehub.api.backend.MailboxCall.Param;
import io.exchangehub.api.calendar.CalendarJson;
import io.exchangehub.api.mail.MailJson;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.api.mailbox.Mailboxes;
import io.exchangehub.identity.CallerContext;
import io.exchangehub.model.Attendee;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.MailMessage;
import io.exchangehub.model.Page;
import io.exchangehub.model.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The bean {@code timelineApi}: {@code GET /contacts/timeline}, the caller's mail with one person
 * and the meetings that person is part of, from every mailbox the caller may open, whichever
 * backend serves each. The route splits the request into one backend call per mailbox and kind
 * ({@link #plan}), runs them in parallel, and this bean, as the split's aggregation strategy,
 * gathers what each found; {@link #answer} merges it newest first. A mailbox that cannot be read
 * this time (its backend down, its circuit open, the caller throttled there) does not fail the
 * whole timeline: it is named under {@code incomplete} with its problem, unless nothing at all
 * could be read, when the first problem is the answer. Meetings are read only for a caller whose
 * token allows reading calendars; {@code meetings} in the answer says whether they were.
 *
 * <p>Mail comes from each mailbox's {@code searchMessages} with the person as participant (every
 * mail folder; from, to, cc or bcc them), its first page of {@code top}; drafts are left out, as
 * mail nobody has exchanged yet (and without a time to place them at). Meetings come from the
 * calendar view of a window around now ({@code meetingsPast} back, {@code meetingsAhead} on),
 * kept when the person organises or attends them; an event is placed at its start, so upcoming
 * meetings lead the timeline. A meeting found in several of the caller's calendars (theirs and a
 * shared one) is shown once, from the first mailbox in {@code GET /mailboxes} order.
 */
public final class TimelineApi implements AggregationStrategy {

    static final int DEFAULT_TOP = 50;

    /** The property of the split's result that gathers what the calls found. */
    private static final String GATHERED = "hubTimeline";
    /** The property saying whether the caller may read calendars, and so whether meetings are in the timeline. */
    private static final String MEETINGS = "hubTimelineMeetings";
    /** The property of a split exchange naming its call. */
    private static final String SOURCE = "hubTimelineSource";

    private static final Set<String> CALENDAR_SCOPES = Set.of("Calendars.Read", "Calendars.ReadWrite");
    private static final Set<String> CALENDAR_ROLES = Set.of("Calendars.Read.All", "Calendars.ReadWrite.All");

    /** What is read of one mailbox. */
    public enum Kind { MAIL, MEETINGS }

    /**
     * One backend call of the timeline.
     *
     * @param order   its place among the mailboxes, the caller's own first
     * @param mailbox the mailbox read
     * @param kind    mail or meetings
     */
    public record Source(int order, MailboxRef mailbox, Kind kind) {}

    /** One entry of the answer, as the contract's {@code TimelineEntry}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String kind, String mailbox, Instant at, MailJson.Summary message, CalendarJson.Event event) {}

    /** A mailbox that could not be read, as the answer's {@code incomplete} names it. */
    public record Incomplete(String mailbox, Object problem) {}

    /** What one call found: entries and the meetings' iCalendar UIDs, or why it failed. */
    record Found(Source source, List<Entry> entries, List<String> meetingKeys, ApiException problem) {}

    private final ApiResponses responses;
    private final Problems problems;
    private final Mailboxes mailboxes;
    private final MailJson.HtmlPolicy sanitizer;
    private final Duration meetingsPast;
    private final Duration meetingsAhead;
    private final Clock clock;

    /**
     * @param meetingsPast  how far back meetings are read
     * @param meetingsAhead how far ahead meetings are read
     */
    public TimelineApi(ApiResponses responses, Problems problems, Mailboxes mailboxes, MailJson.HtmlPolicy sanitizer,
            Duration meetingsPast, Duration meetingsAhead, Clock clock) {
        if (meetingsPast.isNegative() || meetingsAhead.isNegative() || meetingsPast.plus(meetingsAhead).isZero()) {
            throw new IllegalArgumentException("The timeline's meeting window must span some time");
        }
        this.responses = responses;
        this.problems = problems;
        this.mailboxes = mailboxes;
        this.sanitizer = sanitizer;
        this.meetingsPast = meetingsPast;
        this.meetingsAhead = meetingsAhead;
        this.clock = clock;
    }

    /** The split's body: one call per mailbox the caller opens and kind, mail first. */
    public List<Source> plan(Exchange exchange) {
        String email = ApiRequest.query(exchange, "email");
        PlainText.check(email, "/query/email");
        // the trace id is settled before the split, so that every call's problem carries the request's
        Problems.traceId(exchange);
        CallerContext caller = CallerContext.from(exchange);
        boolean meetings = caller != null && (caller.appOnly() ? caller.roles().stream().anyMatch(CALENDAR_ROLES::contains)
                : caller.scopes().stream().anyMatch(CALENDAR_SCOPES::contains));
        List<MailboxRef> openable = mailboxes.openable(exchange);
        if (openable.isEmpty()) {
            throw ApiException.invalid("/query/mailbox", "An application has no mailbox of its own to build a timeline from.");
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < openable.size(); i++) {
            sources.add(new Source(i, openable.get(i), Kind.MAIL));
            if (meetings) {
                sources.add(new Source(i, openable.get(i), Kind.MEETINGS));
            }
        }
        exchange.setProperty(MEETINGS, meetings);
        return sources;
    }

    /** In a split exchange: prepares its call of the backend. */
    public void call(Exchange exchange) {
        Source source = exchange.getMessage().getBody(Source.class);
        exchange.setProperty(SOURCE, source);
        mailboxes.use(exchange, source.mailbox());
        exchange.getMessage().setBody(null);
        String email = ApiRequest.query(exchange, "email");
        int top = ApiRequest.queryInt(exchange, "top", DEFAULT_TOP);
        if (source.kind() == Kind.MAIL) {
            MailboxCall.start(exchange, "messages", "searchMessages").with(Param.PARTICIPANT, email).with(Param.TOP, top);
        } else {
            Instant now = clock.instant();
            MailboxCall.start(exchange, "calendar", "listEvents").with(Param.START, now.minus(meetingsPast))
                    .with(Param.END, now.plus(meetingsAhead)).with(Param.TIME_ZONE, "UTC");
        }
    }

    /** In a split exchange: what the backend answered, as entries. */
    @SuppressWarnings("unchecked")
    public void entries(Exchange exchange) {
        Source source = exchange.getProperty(SOURCE, Source.class);
        MailboxRef mailbox = source.mailbox();
        String email = ApiRequest.query(exchange, "email").toLowerCase(Locale.ROOT);
        int top = ApiRequest.queryInt(exchange, "top", DEFAULT_TOP);
        List<Entry> entries = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (source.kind() == Kind.MAIL) {
            Page<MailMessage> page = exchange.getMessage().getBody(Page.class);
            for (MailMessage message : page.items()) {
                if (message.isDraft()) {
                    continue;
                }
                Instant at = message.receivedAt() != null ? message.receivedAt() : message.sentAt();
                entries.add(new Entry("message", mailbox.address(), at, MailJson.summary(message, mailbox), null));
                keys.add(null);
            }
        } else {
            List<CalendarEvent> events = exchange.getMessage().getBody(List.class);
            events.stream().filter(event -> !event.isCancelled() && involves(event, email))
                    .sorted(Comparator.comparing((CalendarEvent event) -> event.start().toInstant()).reversed())
                    .limit(top)
                    .forEach(event -> {
                        entries.add(new Entry("event", mailbox.address(), event.start().toInstant(), null,
                                CalendarJson.event(event, mailbox, sanitizer)));
                        keys.add(event.iCalUid() == null ? null : event.iCalUid() + "@" + event.start().toInstant());
                    });
        }
        exchange.getMessage().setBody(new Found(source, entries, keys, null));
    }

    /** In a split exchange whose call failed: the mailbox is named as incomplete, with the problem. */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ApiException known = problems.ofPart(failure, Problems.traceId(exchange));
        exchange.getMessage().setBody(new Found(exchange.getProperty(SOURCE, Source.class), List.of(), List.of(), known));
    }

    /** Gathers each call's {@link Found} on the split's result (Camel calls this one at a time). */
    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange gathered, Exchange next) {
        Exchange result = gathered != null ? gathered : next;
        List<Found> all = result.getProperty(GATHERED, List.class);
        if (all == null) {
            all = new ArrayList<>();
            result.setProperty(GATHERED, all);
        }
        all.add(next.getMessage().getBody(Found.class));
        return result;
    }

    /** Answers with the merged timeline, newest first, and what could not be read. */
    @SuppressWarnings("unchecked")
    public void answer(Exchange exchange) throws Exception {
        List<Found> all = new ArrayList<>(exchange.getProperty(GATHERED, List.class));
        all.sort(Comparator.comparingInt((Found found) -> found.source().order())
                .thenComparing(found -> found.source().kind()));
        int top = ApiRequest.queryInt(exchange, "top", DEFAULT_TOP);
        List<Entry> entries = new ArrayList<>();
        Set<String> meetingsSeen = new HashSet<>();
        Map<String, Incomplete> incomplete = new LinkedHashMap<>();
        ApiException first = null;
        for (Found found : all) {
            if (found.problem() != null) {
                first = first == null ? found.problem() : first;
                String address = found.source().mailbox().address();
                incomplete.putIfAbsent(address, new Incomplete(address, problems.document(found.problem().kind(),
                        found.problem().getMessage(), null, Problems.traceId(exchange), found.problem().extensions())));
                continue;
            }
            for (int i = 0; i < found.entries().size(); i++) {
                String key = found.meetingKeys().get(i);
                if (key == null || meetingsSeen.add(key)) {
                    entries.add(found.entries().get(i));
                }
            }
        }
        if (all.stream().allMatch(found -> found.problem() != null)) {
            throw first;
        }
        // newest first; among equal times, the caller's own mailbox and mail before meetings (the stable sort keeps it)
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", entries.size() > top ? List.copyOf(entries.subList(0, top)) : entries);
        answer.put("meetings", exchange.getProperty(MEETINGS, false, Boolean.class));
        if (!incomplete.isEmpty()) {
            answer.put("incomplete", List.copyOf(incomplete.values()));
        }
        responses.ok(exchange, answer);
    }

    /** Whether the person organises the event or is among its attendees. */
    static boolean involves(CalendarEvent event, String email) {
        if (matches(event.organizer(), email)) {
            return true;
        }
        if (event.attendees() != null) {
            for (Attendee attendee : event.attendees()) {
                if (matches(attendee.recipient(), email)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(Recipient recipient, String email) {
        return recipient != null && recipient.address() != null && recipient.address().equalsIgnoreCase(email);
    }
}
