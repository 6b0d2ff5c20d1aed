package io.exchangehub.api.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.exchangehub.api.ApiException;
import io.exchangehub.api.ApiRequest;
import io.exchangehub.api.ApiResponses;
import io.exchangehub.api.ItemLocations;
import io.exchangehub.api.Problems;
import io.exchangehub.api.backend.MailboxCall;
import io.exchangehub.api.backend.MailboxCall.Param;
import io.exchangehub.api.http.Etags;
import io.exchangehub.api.ids.HubId;
import io.exchangehub.api.mail.MailJson;
import io.exchangehub.api.mail.MailRequests;
import io.exchangehub.api.mailbox.MailboxRef;
import io.exchangehub.model.Body;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.EventResponse;
import io.exchangehub.model.ResponseStatus;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * The bean {@code calendarApi}: the calendar operations of {@code routes/calendar.camel.yaml}, each
 * a step that prepares the backend call from the request and a step that answers from its result.
 * Times are told in the zone of the request's {@code tz} (UTC when it has none), so an event's
 * representation, and its entity tag, depend on that zone.
 */
public final class CalendarApi {

    private static final String ZONE = "hubCalendarZone";
    private static final String COMMENT = "hubCancelComment";
    private static final String RESPONSE = "hubEventResponse";
    private static final String DELETE_MODE = "hubDeleteMode";

    private final ObjectMapper json;
    private final ApiResponses responses;
    private final MailJson.HtmlPolicy sanitizer;

    public CalendarApi(ObjectMapper json, ApiResponses responses, MailJson.HtmlPolicy sanitizer) {
        this.json = json;
        this.responses = responses;
        this.sanitizer = sanitizer;
    }

    public void listEvents(Exchange exchange) {
        CalendarRequests.Window window = CalendarRequests.Window.of(ApiRequest.queryInstant(exchange, "start"),
                ApiRequest.queryInstant(exchange, "end"));
        start(exchange, "listEvents").with(Param.START, window.start()).with(Param.END, window.end());
    }

    public void getEvent(Exchange exchange) {
        start(exchange, "getEvent").with(Param.ITEM_ID, eventId(exchange)).with(Param.BODY_TYPE, Body.ContentType.HTML);
    }

    public void createEvent(Exchange exchange) {
        CalendarRequests.EventInput input = ApiRequest.body(exchange, json, CalendarRequests.EventInput.class);
        exchange.getMessage().setBody(input.toModel());
        start(exchange, "createEvent");
    }

    public void updateEvent(Exchange exchange) {
        CalendarRequests.EventInput input = ApiRequest.body(exchange, json, CalendarRequests.EventInput.class);
        exchange.getMessage().setBody(input.toChanges());
        start(exchange, "updateEvent").with(Param.ITEM_ID, eventId(exchange))
                .with(Param.CHANGE_KEY, ApiRequest.ifMatchVersion(exchange));
    }

    /**
     * The first step of a {@code DELETE}: what to do depends on the event, so it is read first
     * ({@link #removeAfterRead} decides).
     */
    public void deleteEvent(Exchange exchange) {
        exchange.setProperty(COMMENT, ApiRequest.query(exchange, "comment"));
        exchange.setProperty(DELETE_MODE, MailRequests.deleteMode(ApiRequest.query(exchange, "mode")));
        start(exchange, "getEvent").with(Param.ITEM_ID, eventId(exchange)).with(Param.BODY_TYPE, Body.ContentType.TEXT);
    }

    /**
     * A meeting the mailbox organises is cancelled, so that its attendees learn of it (with the
     * request's comment) and goes where the backend puts a cancelled meeting; anything else (an
     * appointment, an attendee's copy of a meeting) is deleted as the request's {@code mode} says.
     */
    public void removeAfterRead(Exchange exchange) {
        CalendarEvent event = exchange.getMessage().getBody(CalendarEvent.class);
        boolean organisedMeeting = organisedHere(event, MailboxRef.of(exchange)) && event.attendees() != null
                && !event.attendees().isEmpty();
        String id = MailboxCall.of(exchange).params().get(Param.ITEM_ID).toString();
        exchange.getMessage().setBody(null);
        if (organisedMeeting) {
            start(exchange, "cancelEvent").with(Param.ITEM_ID, id).with(Param.COMMENT, exchange.getProperty(COMMENT, String.class));
        } else {
            start(exchange, "deleteEvent").with(Param.ITEM_ID, id)
                    .with(Param.DELETE_MODE, exchange.getProperty(DELETE_MODE, DeleteMode.class));
        }
    }

    /**
     * The first step of an answer to a meeting: the event is read first, since only an attendee
     * answers ({@link #answerAfterRead}). The backends refuse an organizer's answer differently
     * (EWS as forbidden, Graph as a bad request); the API refuses it the same way for both.
     */
    public void respondToEvent(Exchange exchange) {
        CalendarRequests.Respond input = ApiRequest.body(exchange, json, CalendarRequests.Respond.class);
        exchange.setProperty(RESPONSE, input.toModel());
        start(exchange, "getEvent").with(Param.ITEM_ID, eventId(exchange)).with(Param.BODY_TYPE, Body.ContentType.TEXT);
    }

    /** Prepares the answer of an attendee; the mailbox's own event is refused. */
    public void answerAfterRead(Exchange exchange) {
        CalendarEvent event = exchange.getMessage().getBody(CalendarEvent.class);
        if (organisedHere(event, MailboxRef.of(exchange))) {
            throw new ApiException(Problems.Kind.VALIDATION, "Only an attendee answers a meeting; this is the organizer's own.");
        }
        String id = MailboxCall.of(exchange).params().get(Param.ITEM_ID).toString();
        exchange.getMessage().setBody(exchange.getProperty(RESPONSE, EventResponse.class));
        start(exchange, "respondToEvent").with(Param.ITEM_ID, id);
    }

    /** Answers {@code GET /calendar/events}: every occurrence by start (the backends' order among equal starts kept). */
    @SuppressWarnings("unchecked")
    public void events(Exchange exchange) {
        MailboxRef mailbox = MailboxRef.of(exchange);
        List<CalendarEvent> events = exchange.getMessage().getBody(List.class);
        List<CalendarJson.Event> items = events.stream()
                .sorted(Comparator.comparing(event -> event.start().toInstant()))
                .map(event -> CalendarJson.event(event, mailbox, sanitizer))
                .toList();
        responses.ok(exchange, Map.of("items", items));
    }

    /** Answers with one event (get, update). */
    public void event(Exchange exchange) {
        CalendarEvent event = exchange.getMessage().getBody(CalendarEvent.class);
        responses.ok(exchange, CalendarJson.event(event, MailboxRef.of(exchange), sanitizer), etag(exchange, event));
    }

    /** Answers {@code POST /calendar/events}. */
    public void created(Exchange exchange) {
        CalendarEvent event = exchange.getMessage().getBody(CalendarEvent.class);
        CalendarJson.Event representation = CalendarJson.event(event, MailboxRef.of(exchange), sanitizer);
        responses.created(exchange, representation, ItemLocations.of(exchange, "/calendar/events/" + representation.id()),
                etag(exchange, event));
    }

    /** Whether the request's mailbox organises the event (an appointment is its own). */
    private static boolean organisedHere(CalendarEvent event, MailboxRef mailbox) {
        return event.myResponse() == ResponseStatus.ORGANIZER
                || event.organizer() != null && event.organizer().address().equalsIgnoreCase(mailbox.address());
    }

    /** An event's tag: its version, and the zone its times are told in. */
    private static String etag(Exchange exchange, CalendarEvent event) {
        return event.changeKey() == null ? null : Etags.ofVersion(event.changeKey(), exchange.getProperty(ZONE, String.class));
    }

    /** Starts a calendar call with the zone its times are to be told in. */
    private static MailboxCall start(Exchange exchange, String operation) {
        String tz = ApiRequest.query(exchange, "tz");
        ZoneId zone = tz == null ? ZoneId.of("UTC") : CalendarRequests.zone(tz, "/query/tz");
        exchange.setProperty(ZONE, zone.getId());
        return MailboxCall.start(exchange, "calendar", operation).with(Param.TIME_ZONE, zone.getId());
    }

    private static String eventId(Exchange exchange) {
        return MailboxRef.of(exchange).read(ApiRequest.path(exchange, "eventId"), HubId.Kind.EVENT).nativeId();
    }
}
