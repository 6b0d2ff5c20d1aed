package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Change;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * GetStreamingEvents: one long-lived HTTP answer carrying a SOAP envelope per event batch, a
 * {@code ConnectionStatus OK} heartbeat when there is nothing to say, and a final
 * {@code ConnectionStatus Closed} when ConnectionTimeout is up. Each envelope is flushed as its
 * own chunk, because clients (ews-java-api among them) read each envelope with a fresh parser.
 */
@Component
final class StreamingEventsOperation implements EwsStreamingOperation {

    private final EwsSubscriptions subscriptions;
    private final EwsProperties properties;

    StreamingEventsOperation(EwsSubscriptions subscriptions, EwsProperties properties) {
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "GetStreamingEvents";
    }

    @Override
    public void stream(EwsRequest request, HttpServletResponse response) throws IOException {
        XmlIn operation = request.operation();
        List<String> ids = operation.require("SubscriptionIds").children("SubscriptionId").stream().map(XmlIn::token).toList();
        XmlIn timeoutElement = operation.require("ConnectionTimeout");
        int minutes = Xsd.integer(timeoutElement);
        if (minutes < 1 || minutes > 30) {
            throw SoapFault.schema(timeoutElement, "The 'ConnectionTimeout' element is invalid - The value '" + minutes
                    + "' is invalid according to its datatype "
                    + "'http://schemas.microsoft.com/exchange/services/2006/types:StreamingSubscriptionConnectionTimeoutType'.");
        }
        List<EwsSubscriptions.Subscription> valid = new ArrayList<>();
        Map<String, StreamConnection.Lost> invalid = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                valid.add(subscriptions.lookup(id, request.caller().address(), EwsSubscriptions.Kind.STREAMING));
            } catch (EwsError e) {
                invalid.computeIfAbsent(e.code(), code -> new StreamConnection.Lost(code, e.getMessage(), new ArrayList<>()))
                        .ids().add(id);
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(Soap.CONTENT_TYPE);
        response.setHeader("Cache-Control", "private");
        // the headers go out at once: a client waits for them before it reads (and before it returns from opening)
        response.flushBuffer();
        OutputStream out = response.getOutputStream();
        List<StreamConnection.Lost> errors = new ArrayList<>(invalid.values());
        for (int i = 0; i < errors.size(); i++) {
            boolean last = i == errors.size() - 1 && valid.isEmpty();
            send(out, error(errors.get(i), last));
        }
        if (valid.isEmpty()) {
            return;
        }
        StreamConnection connection = new StreamConnection(valid);
        subscriptions.attach(connection);
        try {
            serve(request, connection, out, Instant.now().plus(Duration.ofMinutes(minutes)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            subscriptions.detach(connection);
        }
    }

    private void serve(EwsRequest request, StreamConnection connection, OutputStream out, Instant deadline)
            throws IOException, InterruptedException {
        Duration heartbeat = properties.streamingHeartbeat();
        Instant nextHeartbeat = Instant.now().plus(heartbeat);
        while (true) {
            for (StreamConnection.Lost lost : connection.takeLost()) {
                send(out, error(lost, false));
            }
            List<EwsSubscriptions.Subscription> serving = connection.subscriptions();
            if (serving.isEmpty() || connection.closing()) {
                send(out, status("Closed"));
                return;
            }
            XmlOut notifications = request.store().read(() -> notifications(serving));
            Instant now = Instant.now();
            if (notifications != null) {
                send(out, notificationsMessage(notifications));
                nextHeartbeat = now.plus(heartbeat);
            } else if (!now.isBefore(nextHeartbeat)) {
                send(out, status("OK"));
                nextHeartbeat = now.plus(heartbeat);
            }
            if (!now.isBefore(deadline)) {
                send(out, status("Closed"));
                return;
            }
            Instant wakeAt = nextHeartbeat.isBefore(deadline) ? nextHeartbeat : deadline;
            connection.await(Math.max(1, Duration.between(now, wakeAt).toMillis()));
        }
    }

    /**
     * New events of every subscription, each subscription's watermark moved past them; null when
     * there are none. {@code Notification} is in the messages namespace, as Exchange writes it
     * and as ews-java-api and the EWS Managed API read it, although messages.xsd says types.
     */
    private XmlOut notifications(List<EwsSubscriptions.Subscription> serving) {
        XmlOut notifications = XmlOut.m("Notifications");
        for (EwsSubscriptions.Subscription subscription : serving) {
            EwsSubscriptions.Batch batch = EwsSubscriptions.events(subscription, subscriptions.watermarkOf(subscription),
                    Integer.MAX_VALUE);
            subscriptions.touch(subscription, batch.reached());
            if (batch.changes().isEmpty()) {
                continue;
            }
            XmlOut notification = notifications.child("m:Notification");
            notification.el("t:SubscriptionId", subscription.id);
            for (Change change : batch.changes()) {
                notification.add(EwsSubscriptions.event(subscription.mailbox, change, false));
            }
        }
        return notifications.isEmpty() ? null : notifications;
    }

    private static XmlOut notificationsMessage(XmlOut notifications) {
        XmlOut message = Envelopes.success("GetStreamingEventsResponseMessage");
        message.add(notifications);
        return wrap(message);
    }

    private static XmlOut status(String status) {
        XmlOut message = Envelopes.success("GetStreamingEventsResponseMessage");
        message.el("m:ConnectionStatus", status);
        return wrap(message);
    }

    /** The subscription ids of an error, in the messages namespace as Exchange writes them (see {@link #notifications}). */
    private static XmlOut error(StreamConnection.Lost lost, boolean closing) {
        XmlOut message = Envelopes.error("GetStreamingEventsResponseMessage", new EwsError(lost.code(), lost.text()));
        XmlOut ids = message.child("m:ErrorSubscriptionIds");
        lost.ids().forEach(id -> ids.el("m:SubscriptionId", id));
        if (closing) {
            message.el("m:ConnectionStatus", "Closed");
        }
        return wrap(message);
    }

    private static XmlOut wrap(XmlOut message) {
        XmlOut response = Responses.response("GetStreamingEvents");
        response.child("m:ResponseMessages").add(message);
        return response;
    }

    /** One envelope, flushed at once so that it travels as its own chunk. */
    private static void send(OutputStream out, XmlOut response) throws IOException {
        ResponseWriter.write(Envelopes.answer(response), out);
        out.flush();
    }
}
