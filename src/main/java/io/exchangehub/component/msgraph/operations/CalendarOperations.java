package io.exchangehub.component.msgraph.operations;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.users.item.events.item.EventItemRequestBuilder;
import com.microsoft.graph.users.item.events.item.accept.AcceptPostRequestBody;
import com.microsoft.graph.users.item.events.item.cancel.CancelPostRequestBody;
import com.microsoft.graph.users.item.events.item.decline.DeclinePostRequestBody;
import com.microsoft.graph.users.item.events.item.tentativelyaccept.TentativelyAcceptPostRequestBody;
import io.exchangehub.component.msgraph.MsGraphConstants;
import io.exchangehub.component.msgraph.MsGraphOperation;
import io.exchangehub.component.msgraph.mapping.Bodies;
import io.exchangehub.component.msgraph.mapping.EventMapper;
import io.exchangehub.component.msgraph.mapping.TimeZones;
import io.exchangehub.model.CalendarEvent;
import io.exchangehub.model.DeleteMode;
import io.exchangehub.model.EventDraft;
import io.exchangehub.model.EventResponse;
import io.exchangehub.model.InvalidRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar. Times come back in the zone asked for: Graph's {@code Prefer: outlook.timezone}
 * with the zone's Windows name, and whatever zone Graph answers in is turned into that zone's
 * wall clock.
 */
public final class CalendarOperations {

    private static final int PAGE = 250;
    private static final String[] ORDER = {"start/dateTime"};

    public MsGraphResponse process(MsGraphOperation operation, MsGraphRequest request) {
        return switch (operation) {
            case listEvents -> MsGraphResponse.of(view(request));
            case getEvent -> MsGraphResponse.of(get(request, request.required(MsGraphConstants.ITEM_ID)));
            case createEvent -> MsGraphResponse.of(create(request));
            case updateEvent -> MsGraphResponse.of(update(request));
            case cancelEvent -> {
                String id = request.required(MsGraphConstants.ITEM_ID);
                CancelPostRequestBody body = new CancelPostRequestBody();
                String comment = request.header(MsGraphConstants.COMMENT);
                body.setComment(comment == null ? "" : comment);
                request.run(id, user -> user.events().byEventId(id).cancel().post(body, request.call()::attach));
                yield MsGraphResponse.none();
            }
            case deleteEvent -> {
                String id = request.required(MsGraphConstants.ITEM_ID);
                boolean permanent = request.deleteMode() != DeleteMode.MOVE_TO_DELETED_ITEMS;
                request.run(id, user -> {
                    if (permanent) {
                        user.events().byEventId(id).permanentDelete().post(request.call()::attach);
                    } else {
                        user.events().byEventId(id).delete(request.call()::attach);
                    }
                });
                yield MsGraphResponse.none();
            }
            case respondToEvent -> {
                respond(request, request.required(MsGraphConstants.ITEM_ID), request.body(EventResponse.class));
                yield MsGraphResponse.none();
            }
            default -> throw new IllegalArgumentException("Not a calendar operation: " + operation);
        };
    }

    private static String prefer(ZoneId zone) {
        return "outlook.timezone=\"" + TimeZones.windowsName(zone) + "\"";
    }

    /** Every occurrence in the window, series expanded by Graph's calendarView, page after page. */
    private List<CalendarEvent> view(MsGraphRequest request) {
        Instant start = request.instant(MsGraphConstants.START);
        Instant end = request.instant(MsGraphConstants.END);
        if (start == null || end == null) {
            throw new IllegalArgumentException("listEvents needs the headers " + MsGraphConstants.START + " and " + MsGraphConstants.END);
        }
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("The end of the window must come after its start.", null, null);
        }
        ZoneId zone = request.zone();
        List<CalendarEvent> events = new ArrayList<>();
        String from = DateTimeFormatter.ISO_INSTANT.format(start);
        String to = DateTimeFormatter.ISO_INSTANT.format(end);
        String calendar = request.header(MsGraphConstants.FOLDER_ID);
        EventCollectionResponse page = request.graph(calendar, user -> calendar == null
                ? user.calendarView().get(c -> {
                    request.call().attach(c);
                    c.queryParameters.startDateTime = from;
                    c.queryParameters.endDateTime = to;
                    c.queryParameters.top = PAGE;
                    c.queryParameters.select = EventMapper.SUMMARY;
                    c.queryParameters.orderby = ORDER;
                    c.headers.add("Prefer", prefer(zone));
                })
                : user.calendars().byCalendarId(calendar).calendarView().get(c -> {
                    request.call().attach(c);
                    c.queryParameters.startDateTime = from;
                    c.queryParameters.endDateTime = to;
                    c.queryParameters.top = PAGE;
                    c.queryParameters.select = EventMapper.SUMMARY;
                    c.queryParameters.orderby = ORDER;
                    c.headers.add("Prefer", prefer(zone));
                }));
        while (true) {
            page.getValue().forEach(e -> events.add(EventMapper.toModel(e, zone)));
            String next = page.getOdataNextLink();
            if (next == null) {
                return List.copyOf(events);
            }
            page = request.graph(null, user -> user.calendarView().withUrl(next).get(c -> {
                request.call().attach(c);
                c.headers.add("Prefer", prefer(zone));
            }));
        }
    }

    private CalendarEvent get(MsGraphRequest request, String id) {
        ZoneId zone = request.zone();
        Event event = request.graph(id, user -> user.events().byEventId(id).get(c -> {
            request.call().attach(c);
            c.headers.add("Prefer", prefer(zone) + ", " + Bodies.preferHeader(request.bodyType()));
        }));
        return EventMapper.toModel(event, zone);
    }

    private CalendarEvent create(MsGraphRequest request) {
        EventDraft draft = request.body(EventDraft.class);
        if (draft.start() == null || draft.end() == null) {
            throw new InvalidRequestException("A new calendar item needs a start and an end.", null, null);
        }
        ZoneId zone = request.zone();
        Event created = request.graph(null, user -> user.events().post(EventMapper.toGraph(draft), c -> {
            request.call().attach(c);
            c.headers.add("Prefer", prefer(zone));
        }));
        return EventMapper.toModel(created, zone);
    }

    private CalendarEvent update(MsGraphRequest request) {
        String id = request.required(MsGraphConstants.ITEM_ID);
        EventDraft draft = request.body(EventDraft.class);
        ZoneId zone = request.zone();
        String ifMatch = request.ifMatch();
        Event updated = request.graph(id, user -> user.events().byEventId(id).patch(EventMapper.toGraph(draft), c -> {
            request.call().attach(c);
            c.headers.add("Prefer", prefer(zone));
            if (ifMatch != null) {
                c.headers.add("If-Match", ifMatch);
            }
        }));
        return EventMapper.toModel(updated, zone);
    }

    private void respond(MsGraphRequest request, String id, EventResponse response) {
        String comment = response.comment() == null ? "" : response.comment();
        request.run(id, user -> {
            EventItemRequestBuilder event = user.events().byEventId(id);
            switch (response.response()) {
                case ACCEPTED -> {
                    AcceptPostRequestBody body = new AcceptPostRequestBody();
                    body.setComment(comment);
                    body.setSendResponse(response.sendResponse());
                    event.accept().post(body, request.call()::attach);
                }
                case TENTATIVE -> {
                    TentativelyAcceptPostRequestBody body = new TentativelyAcceptPostRequestBody();
                    body.setComment(comment);
                    body.setSendResponse(response.sendResponse());
                    event.tentativelyAccept().post(body, request.call()::attach);
                }
                case DECLINED -> {
                    DeclinePostRequestBody body = new DeclinePostRequestBody();
                    body.setComment(comment);
                    body.setSendResponse(response.sendResponse());
                    event.decline().post(body, request.call()::attach);
                }
                default -> throw new InvalidRequestException("An answer to a meeting is ACCEPTED, TENTATIVE or DECLINED.", null, id);
            }
        });
    }
}
