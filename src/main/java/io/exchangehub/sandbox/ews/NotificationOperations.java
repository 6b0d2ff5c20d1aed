package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Change;
import io.exchangehub.sandbox.store.Folder;
import io.exchangehub.sandbox.store.Mailbox;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Pull and streaming subscriptions: Subscribe, GetEvents, Unsubscribe (GetStreamingEvents is {@link StreamingEventsOperation}). */
final class NotificationOperations {

    static final Set<String> EVENT_TYPES = Set.of("CopiedEvent", "CreatedEvent", "DeletedEvent", "ModifiedEvent", "MovedEvent",
            "NewMailEvent", "FreeBusyChangedEvent");
    /** The most events one GetEvents answer carries; MoreEvents says when there are more. */
    static final int MAX_EVENTS = 50;

    private NotificationOperations() {}

    @Component
    static final class Subscribe implements EwsOperation {
        private final EwsSubscriptions subscriptions;

        Subscribe(EwsSubscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public String name() {
            return "Subscribe";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            XmlIn subscription = request.operation().first();
            if (subscription == null) {
                throw SoapFault.schema(request.operation(), "The element 'Subscribe' has incomplete content.");
            }
            EwsSubscriptions.Kind kind = switch (subscription.name()) {
                case "PullSubscriptionRequest" -> EwsSubscriptions.Kind.PULL;
                case "StreamingSubscriptionRequest" -> EwsSubscriptions.Kind.STREAMING;
                case "PushSubscriptionRequest" -> null;
                default -> throw SoapFault.schema(subscription, "The element 'Subscribe' has invalid child element '"
                        + subscription.name() + "'.");
            };
            boolean allFolders = Xsd.boolAttr(subscription, "SubscribeToAllFolders", false);
            Set<String> eventTypes = new LinkedHashSet<>();
            for (XmlIn type : subscription.require("EventTypes").children("EventType")) {
                eventTypes.add(Xsd.enumValue(type, type.text(), "EventType", "NotificationEventTypeType", EVENT_TYPES));
            }
            Duration timeout = Duration.ZERO;
            if (kind == EwsSubscriptions.Kind.PULL) {
                XmlIn timeoutElement = subscription.require("Timeout");
                int minutes = Xsd.integer(timeoutElement);
                if (minutes < 1 || minutes > 1440) {
                    throw SoapFault.schema(timeoutElement, "The 'Timeout' element is invalid - The value '" + minutes
                            + "' is invalid according to its datatype "
                            + "'http://schemas.microsoft.com/exchange/services/2006/types:SubscriptionTimeoutType'.");
                }
                timeout = Duration.ofMinutes(minutes);
            }
            Duration lifetime = timeout;
            return request.store().read(() -> Responses.single(name(), message -> {
                if (kind == null) {
                    throw new EwsError("ErrorInvalidSubscriptionRequest", "The sandbox does not send push notifications.");
                }
                XmlIn folderIds = subscription.child("FolderIds");
                Mailbox mailbox = null;
                Set<String> folders = new LinkedHashSet<>();
                if (folderIds != null) {
                    for (XmlIn id : folderIds.children()) {
                        Folder folder = Ids.folder(request, id);
                        if (mailbox != null && folder.mailbox != mailbox) {
                            throw new EwsError("ErrorInvalidSubscriptionRequest",
                                    "All folders of a subscription must be in the same mailbox.");
                        }
                        mailbox = folder.mailbox;
                        folders.add(folder.id);
                    }
                }
                if (allFolders == !folders.isEmpty()) {
                    throw new EwsError("ErrorInvalidSubscriptionRequest", allFolders
                            ? "A subscription to all folders lists no FolderIds." : "A subscription needs FolderIds.");
                }
                if (mailbox == null) {
                    mailbox = Ids.own(request);
                }
                long start = mailbox.currentSeq();
                XmlIn watermark = subscription.child("Watermark");
                if (kind == EwsSubscriptions.Kind.PULL && watermark != null) {
                    start = EwsSubscriptions.watermark(watermark.text(), mailbox);
                    // only for its check: a watermark older than the journal keeps is ErrorInvalidWatermark now, not later
                    mailbox.changesAfter(start);
                }
                EwsSubscriptions.Subscription created = subscriptions.subscribe(kind, request.caller().address(), mailbox,
                        allFolders, folders, eventTypes, lifetime, start);
                message.el("m:SubscriptionId", created.id);
                if (kind == EwsSubscriptions.Kind.PULL) {
                    message.el("m:Watermark", EwsSubscriptions.watermark(mailbox, start));
                }
            }, null));
        }
    }

    @Component
    static final class GetEvents implements EwsOperation {
        private final EwsSubscriptions subscriptions;

        GetEvents(EwsSubscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public String name() {
            return "GetEvents";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            String id = request.operation().require("SubscriptionId").token();
            String given = request.operation().require("Watermark").token();
            return request.store().read(() -> Responses.single(name(), message -> {
                EwsSubscriptions.Subscription subscription = subscriptions.lookup(id, request.caller().address(),
                        EwsSubscriptions.Kind.PULL);
                long after = EwsSubscriptions.watermark(given, subscription.mailbox);
                EwsSubscriptions.Batch batch = EwsSubscriptions.events(subscription, after, MAX_EVENTS);
                XmlOut notification = message.child("m:Notification");
                notification.el("t:SubscriptionId", subscription.id);
                notification.el("t:PreviousWatermark", given);
                notification.el("t:MoreEvents", Xsd.bool(batch.more()));
                if (batch.changes().isEmpty()) {
                    notification.child("t:StatusEvent").el("t:Watermark", EwsSubscriptions.watermark(subscription.mailbox,
                            batch.reached()));
                }
                for (Change change : batch.changes()) {
                    notification.add(EwsSubscriptions.event(subscription.mailbox, change, true));
                }
                long last = batch.changes().isEmpty() ? batch.reached() : batch.changes().get(batch.changes().size() - 1).seq();
                subscriptions.touch(subscription, last);
            }, null));
        }
    }

    @Component
    static final class Unsubscribe implements EwsOperation {
        private final EwsSubscriptions subscriptions;

        Unsubscribe(EwsSubscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public String name() {
            return "Unsubscribe";
        }

        @Override
        public XmlOut execute(EwsRequest request) {
            String id = request.operation().require("SubscriptionId").token();
            return Responses.single(name(), message -> subscriptions.unsubscribe(
                    subscriptions.lookup(id, request.caller().address(), null)), null);
        }
    }
}
