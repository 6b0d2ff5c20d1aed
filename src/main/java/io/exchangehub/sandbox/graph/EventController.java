package io.exchangehub.sandbox.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.exchangehub.sandbox.graph.GraphOperation.Permission;
import io.exchangehub.sandbox.graph.query.DateTimes;
import io.exchangehub.sandbox.graph.query.OrderBy;
import io.exchangehub.sandbox.store.CalendarEvent;
import io.exchangehub.sandbox.store.ChangeKeys;
import io.exchangehub.sandbox.store.DeleteMode;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.FolderKind;
import io.exchangehub.sandbox.store.Item;
import io.exchangehub.sandbox.store.ItemOrder;
import io.exchangehub.sandbox.store.Occurrence;
import io.exchangehub.sandbox.store.Page;
import io.exchangehub.sandbox.store.ResponseType;
import io.exchangehub.sandbox.store.SandboxStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calendars and events: {@code /calendars}, {@code /calendar}, {@code /events} (series masters
 * and single events), {@code /calendarView} and {@code /events/{id}/instances} (occurrences of
 * a time window, series expanded on their own wall clock), create (attendees get meeting
 * requests), update (organizers' changes go out again), delete (an organizer's delete cancels),
 * {@code cancel}, {@code accept}, {@code tentativelyAccept} and {@code decline}.
 */
@RestController
@RequestMapping(GraphInterceptor.ROOT)
class EventController {

    private static final String ME = "/me";
    private static final String USER = "/users/{user}";
    private static final int DEFAULT_PAGE = 10;

    private final SandboxStore store;

    EventController(SandboxStore store) {
        this.store = store;
    }

    // ------------------------------------------------------------------ calendars

    @GetMapping({ME + "/calendars", USER + "/calendars"})
    @GraphOperation(value = "listCalendars", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> calendars(GraphContext context, HttpServletRequest request) {
        ODataQuery<Folder> query = ODataQuery.parse(request, Models.CALENDAR);
        Projection projection = query.projection(context);
        JsonNode body = store.read(() -> {
            List<Folder> calendars = new ArrayList<>();
            for (Folder folder : context.mailbox().folders()) {
                if (folder.kind == FolderKind.CALENDAR) {
                    calendars.add(folder);
                }
            }
            calendars.sort(Comparator.comparing((Folder f) -> f.wellKnown == null).thenComparing(f -> f.displayName));
            ArrayNode values = GraphJson.NODES.arrayNode();
            calendars.forEach(f -> values.add(FolderJson.calendar(f, projection)));
            return GraphResponses.collection(context, context.contextUser() + "/calendars", values, null, null);
        });
        return GraphResponses.ok(context, body);
    }

    @GetMapping({ME + "/calendar", USER + "/calendar", ME + "/calendars/{calendarId}", USER + "/calendars/{calendarId}"})
    @GraphOperation(value = "getCalendar", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> calendar(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String calendarId) {
        Projection projection = ODataQuery.parse(request, Models.CALENDAR).projection(context);
        JsonNode body = store.read(() -> GraphResponses.entity(context, context.contextUser() + "/calendars/$entity",
                FolderJson.calendar(Lookup.calendar(store, context.mailbox(), calendarId), projection)));
        return GraphResponses.ok(context, body);
    }

    // ------------------------------------------------------------------ events

    @GetMapping({ME + "/events", USER + "/events", ME + "/calendar/events", USER + "/calendar/events",
            ME + "/calendars/{calendarId}/events", USER + "/calendars/{calendarId}/events"})
    @GraphOperation(value = "listEvents", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> list(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String calendarId) {
        ODataQuery<Occurrence> query = ODataQuery.parse(request, Models.EVENT);
        Projection projection = query.projection(context);
        int size = query.pageSize(context, DEFAULT_PAGE);
        Predicate<Occurrence> test = query.filter == null ? null : query.filter.predicate();
        Predicate<Item> filter = item -> item instanceof CalendarEvent event && (test == null || test.test(whole(event)));
        Comparator<Item> order = query.orderBy == null ? ItemOrder.of(ItemOrder.Property.START, false)
                : ItemOrder.of(query.orderBy.keys());
        JsonNode body = store.read(() -> {
            Folder calendar = Lookup.calendar(store, context.mailbox(), calendarId);
            Page<Item> page = store.find(calendar, filter, order, query.skip, size);
            ArrayNode values = GraphJson.NODES.arrayNode();
            page.items().forEach(item -> values.add(EventJson.write(whole((CalendarEvent) item), true, projection)));
            String next = page.last() ? null
                    : Links.self(request, Map.of("$skip", Integer.toString(page.offset() + page.items().size())));
            return GraphResponses.collection(context, context.contextUser() + "/events", values, next,
                    query.count ? (long) page.total() : null);
        });
        return GraphResponses.ok(context, body);
    }

    /** A stored event as its own occurrence, for writing and filtering it whole. */
    static Occurrence whole(CalendarEvent event) {
        return new Occurrence(event, 0, event.start, event.start, event.end, null);
    }

    @GetMapping({ME + "/events/{id}", USER + "/events/{id}", ME + "/calendar/events/{id}", USER + "/calendar/events/{id}"})
    @GraphOperation(value = "getEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> get(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        Projection projection = ODataQuery.parse(request, Models.EVENT).projection(context);
        JsonNode body = store.read(() -> {
            Occurrence occurrence = Lookup.event(store, context.mailbox(), id);
            return GraphResponses.entity(context, context.contextUser() + "/events/$entity",
                    EventJson.write(occurrence, occurrence.isSingle(), projection));
        });
        return GraphResponses.ok(context, body);
    }

    @PostMapping({ME + "/events", USER + "/events", ME + "/calendar/events", USER + "/calendar/events",
            ME + "/calendars/{calendarId}/events", USER + "/calendars/{calendarId}/events"})
    @GraphOperation(value = "createEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> create(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String calendarId) {
        EventInput input = EventInput.parse(JsonIn.object(request), true);
        Projection projection = new Projection(null, context.preferences().bodyType(), context.preferences().zone(), false, false,
                false);
        JsonNode body = store.write(() -> {
            CalendarEvent event = store.createEvent(Lookup.calendar(store, context.mailbox(), calendarId), input::apply);
            if (event.isMeeting()) {
                store.sendMeetingRequests(event);
            }
            return GraphResponses.entity(context, context.contextUser() + "/events/$entity",
                    EventJson.write(whole(event), true, projection));
        });
        return GraphResponses.created(context, body);
    }

    @PatchMapping({ME + "/events/{id}", USER + "/events/{id}"})
    @GraphOperation(value = "updateEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> update(GraphContext context, HttpServletRequest request, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        EventInput input = EventInput.parse(JsonIn.object(request), false);
        String changeKey = GraphJson.changeKeyOf(ifMatch);
        Projection projection = new Projection(null, context.preferences().bodyType(), context.preferences().zone(), false, false,
                false);
        JsonNode body = store.write(() -> {
            Occurrence occurrence = Lookup.event(store, context.mailbox(), id);
            CalendarEvent event = occurrence.master();
            if (!occurrence.isSingle()) {
                String refused = input.notForOccurrence();
                if (refused != null) {
                    throw GraphException.badRequest("ErrorInvalidRequest",
                            "The property '" + refused + "' can be changed on the series, not on one occurrence.");
                }
                Instant start = input.start == null ? null : input.start.toInstant();
                Instant end = input.end == null ? null : input.end.toInstant();
                Occurrence changed = store.updateOccurrence(occurrence, changeKey, start, end, input.subject, input.location,
                        input.body);
                return GraphResponses.entity(context, context.contextUser() + "/events/$entity",
                        EventJson.write(changed, false, projection));
            }
            input.checkTimes(input.start != null ? input.start : ZonedDateTime.ofInstant(event.start, zone(event)),
                    input.end != null ? input.end : ZonedDateTime.ofInstant(event.end, zone(event)));
            store.update(event, changeKey, input::apply);
            if (event.isMeeting() && event.isOrganizer() && input.changesMeeting()) {
                store.sendMeetingRequests(event);
            }
            return GraphResponses.entity(context, context.contextUser() + "/events/$entity", EventJson.write(whole(event), true,
                    projection));
        });
        return GraphResponses.ok(context, body);
    }

    private static ZoneId zone(CalendarEvent event) {
        return event.startZone == null ? ZoneOffset.UTC : event.startZone;
    }

    @DeleteMapping({ME + "/events/{id}", USER + "/events/{id}"})
    @GraphOperation(value = "deleteEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> delete(GraphContext context, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        String changeKey = GraphJson.changeKeyOf(ifMatch);
        store.write(() -> {
            Occurrence occurrence = Lookup.event(store, context.mailbox(), id);
            ChangeKeys.check(changeKey, occurrence.changeKey());
            CalendarEvent event = occurrence.master();
            if (!occurrence.isSingle()) {
                store.deleteOccurrence(occurrence);
            } else if (event.isMeeting() && event.isOrganizer()) {
                store.cancelMeeting(event, null);
            } else {
                store.delete(event, DeleteMode.MOVE_TO_DELETED_ITEMS);
            }
        });
        return GraphResponses.noContent();
    }

    /**
     * Graph's {@code permanentDelete} of an event: gone for good from this calendar (an occurrence
     * from its series), without telling attendees, unlike a delete by the organizer.
     */
    @PostMapping({ME + "/events/{id}/permanentDelete", USER + "/events/{id}/permanentDelete"})
    @GraphOperation(value = "permanentDeleteEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> permanentDelete(GraphContext context, @PathVariable String id) {
        store.write(() -> {
            Occurrence occurrence = Lookup.event(store, context.mailbox(), id);
            if (occurrence.isSingle()) {
                store.delete(occurrence.master(), DeleteMode.HARD);
            } else {
                store.deleteOccurrence(occurrence);
            }
        });
        return GraphResponses.noContent();
    }

    @PostMapping({ME + "/events/{id}/cancel", USER + "/events/{id}/cancel"})
    @GraphOperation(value = "cancelEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> cancel(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        Map<String, JsonNode> parameters = JsonIn.parameters(JsonIn.optionalObject(request), "cancel", "Comment");
        String comment = JsonIn.string(parameters.get("Comment"));
        store.write(() -> {
            Occurrence occurrence = Lookup.event(store, context.mailbox(), id);
            if (!occurrence.master().isOrganizer()) {
                throw GraphException.badRequest("ErrorAccessDenied",
                        "Your request can't be completed. You need to be an organizer to cancel a meeting.");
            }
            if (occurrence.isSingle()) {
                store.cancelMeeting(occurrence.master(), comment);
            } else {
                store.deleteOccurrence(occurrence);
            }
        });
        return GraphResponses.accepted();
    }

    @PostMapping({ME + "/events/{id}/accept", USER + "/events/{id}/accept"})
    @GraphOperation(value = "acceptEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> accept(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ResponseType.ACCEPTED, "accept");
    }

    @PostMapping({ME + "/events/{id}/tentativelyAccept", USER + "/events/{id}/tentativelyAccept"})
    @GraphOperation(value = "tentativelyAcceptEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> tentativelyAccept(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ResponseType.TENTATIVE, "tentativelyAccept");
    }

    @PostMapping({ME + "/events/{id}/decline", USER + "/events/{id}/decline"})
    @GraphOperation(value = "declineEvent", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> decline(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        return respond(context, request, id, ResponseType.DECLINED, "decline");
    }

    /** An attendee's answer; an occurrence's answer is recorded for its series, as the sandbox keeps one answer per meeting. */
    private ResponseEntity<JsonNode> respond(GraphContext context, HttpServletRequest request, String id, ResponseType response,
            String action) {
        String[] allowed = response == ResponseType.ACCEPTED ? new String[] {"Comment", "SendResponse"}
                : new String[] {"Comment", "SendResponse", "ProposedNewTime"};
        Map<String, JsonNode> parameters = JsonIn.parameters(JsonIn.optionalObject(request), action, allowed);
        String comment = JsonIn.string(parameters.get("Comment"));
        JsonNode send = parameters.get("SendResponse");
        boolean sendResponse = send == null || send.isNull() || JsonIn.bool(send);
        store.write(() -> store.respond(Lookup.event(store, context.mailbox(), id).master(), response, comment, sendResponse));
        return GraphResponses.accepted();
    }

    // ------------------------------------------------------------------ views

    @GetMapping({ME + "/calendarView", USER + "/calendarView", ME + "/calendar/calendarView", USER + "/calendar/calendarView",
            ME + "/calendars/{calendarId}/calendarView", USER + "/calendars/{calendarId}/calendarView"})
    @GraphOperation(value = "listCalendarView", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> calendarView(GraphContext context, HttpServletRequest request,
            @PathVariable(required = false) String calendarId) {
        Window window = Window.of(request);
        return occurrences(context, request, "calendarView", folder -> store.calendarView(folder, window.from(), window.to()),
                calendarId);
    }

    @GetMapping({ME + "/events/{id}/instances", USER + "/events/{id}/instances"})
    @GraphOperation(value = "listInstances", permission = Permission.CALENDARS)
    ResponseEntity<JsonNode> instances(GraphContext context, HttpServletRequest request, @PathVariable String id) {
        Window window = Window.of(request);
        return occurrences(context, request, "events('" + id + "')/instances", folder -> {
            Occurrence occurrence = Lookup.event(store, context.mailbox(), id);
            return occurrence.master().occurrences(window.from(), window.to());
        }, null);
    }

    private ResponseEntity<JsonNode> occurrences(GraphContext context, HttpServletRequest request, String fragment,
            Function<Folder, List<Occurrence>> source, String calendarId) {
        ODataQuery<Occurrence> query = ODataQuery.parse(request, Models.EVENT);
        Projection projection = query.projection(context);
        int size = query.pageSize(context, DEFAULT_PAGE);
        Comparator<Occurrence> order = order(query.orderBy);
        JsonNode body = store.read(() -> {
            List<Occurrence> all = new ArrayList<>(source.apply(Lookup.calendar(store, context.mailbox(), calendarId)));
            if (query.filter != null) {
                all.removeIf(query.filter.predicate().negate());
            }
            all.sort(order);
            int from = Math.min(query.skip, all.size());
            int to = Math.min(from + size, all.size());
            ArrayNode values = GraphJson.NODES.arrayNode();
            all.subList(from, to).forEach(o -> values.add(EventJson.write(o, false, projection)));
            String next = to < all.size() ? Links.self(request, Map.of("$skip", Integer.toString(to))) : null;
            return GraphResponses.collection(context, context.contextUser() + "/" + fragment, values, next,
                    query.count ? (long) all.size() : null);
        });
        return GraphResponses.ok(context, body);
    }

    /** The order of occurrences: by start unless {@code $orderby} says otherwise. */
    private static Comparator<Occurrence> order(OrderBy orderBy) {
        Comparator<Occurrence> byStart = Comparator.comparing(Occurrence::start).thenComparing(o -> o.master().number);
        if (orderBy == null) {
            return byStart;
        }
        Comparator<Occurrence> order = null;
        for (ItemOrder.Key key : orderBy.keys()) {
            Comparator<Occurrence> one = switch (key.property()) {
                case START -> Comparator.comparing(Occurrence::start);
                case END -> Comparator.comparing(Occurrence::end);
                case SUBJECT -> Comparator.comparing(o -> o.subject().toLowerCase(Locale.ROOT));
                case CREATED -> Comparator.comparing(o -> o.master().created);
                case LAST_MODIFIED -> Comparator.comparing(o -> o.master().lastModified);
                default -> Comparator.comparing(o -> o.master().importance);
            };
            one = key.descending() ? one.reversed() : one;
            order = order == null ? one : order.thenComparing(one);
        }
        return order.thenComparing(byStart);
    }

    /**
     * The {@code startDateTime}/{@code endDateTime} window of a view; times without an offset are UTC.
     *
     * @param from the window's start
     * @param to   its end
     */
    record Window(Instant from, Instant to) {

        static Window of(HttpServletRequest request) {
            String start = parameter(request, "startDateTime");
            String end = parameter(request, "endDateTime");
            if (start == null || end == null) {
                throw GraphException.badRequest("ErrorInvalidParameter", "This request requires a time window specified by the "
                        + "query string parameters StartDateTime and EndDateTime.");
            }
            Instant from = instant(start, "startDateTime");
            Instant to = instant(end, "endDateTime");
            if (!to.isAfter(from)) {
                throw GraphException.badRequest("ErrorInvalidParameter", "The parameter 'endDateTime' must be after 'startDateTime'.");
            }
            return new Window(from, to);
        }

        /** Graph takes the parameter names in any case. */
        private static String parameter(HttpServletRequest request, String name) {
            for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && entry.getValue().length > 0) {
                    return entry.getValue()[0];
                }
            }
            return null;
        }

        private static Instant instant(String text, String name) {
            try {
                return DateTimes.instant(text);
            } catch (IllegalArgumentException e) {
                throw GraphException.badRequest("ErrorInvalidParameter", "The value '" + text + "' of the parameter '" + name
                        + "' is not a valid date and time.");
            }
        }
    }
}
