package io.exchangehub.component.msgraph;

import io.exchangehub.component.msgraph.client.MsGraphCall;
import io.exchangehub.component.msgraph.client.MsGraphClient;
import io.exchangehub.component.msgraph.notifications.DeltaSync;
import io.exchangehub.component.msgraph.notifications.MsGraphSubscriptions;
import io.exchangehub.model.ChangeEvent;
import io.exchangehub.model.MailboxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes in one mailbox as {@link ChangeEvent}s, one exchange each. In {@code push} mode Graph
 * notifies the hub (subscriptions per resource, shared with other consumers of the mailbox) and
 * each poll only renews subscriptions that are due, and the delta scopes (the configured mail
 * folders' messages and the calendar window) catch up after a gap: at start (changes made while
 * the hub was down), after {@code missed} and after a subscription was removed. In {@code delta}
 * mode, for when Graph cannot reach the hub, every poll runs the delta queries. Either way a
 * scope's first round is a silent baseline. Push and catch-up can report a change twice; delta
 * rounds report each change once.
 */
public class MsGraphConsumer extends ScheduledPollConsumer {

    private static final Logger log = LoggerFactory.getLogger(MsGraphConsumer.class);
    private static final Set<String> RESOURCES = Set.of("messages", "events", "contacts");

    private final List<DeltaSync> scopes = new ArrayList<>();
    private final List<MsGraphSubscriptions.Watcher> watchers = new ArrayList<>();
    private volatile boolean caughtUp;

    public MsGraphConsumer(MsGraphEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MsGraphEndpoint getEndpoint() {
        return (MsGraphEndpoint) super.getEndpoint();
    }

    private boolean push() {
        return !"delta".equalsIgnoreCase(getEndpoint().getConfiguration().getMode());
    }

    @Override
    protected void doStart() throws Exception {
        MsGraphConfiguration config = getEndpoint().getConfiguration();
        String mailbox = config.getMailbox();
        if (mailbox == null || mailbox.isBlank()) {
            throw new IllegalArgumentException("An msgraph:notifications consumer needs the option mailbox");
        }
        List<String> resources = new ArrayList<>();
        for (String resource : config.getResources().split(",")) {
            String name = resource.strip().toLowerCase(Locale.ROOT);
            if (!RESOURCES.contains(name)) {
                throw new IllegalArgumentException("Unknown resource to watch: " + resource + " (messages, events, contacts)");
            }
            resources.add(name);
        }
        MsGraphComponent component = getEndpoint().getComponent();
        Clock clock = Clock.systemUTC();
        for (String resource : resources) {
            if (resource.equals("messages")) {
                for (String folder : config.getFolders().split(",")) {
                    scopes.add(new DeltaSync(getEndpoint().client(), component.stateStore(), getEndpoint()::consumerCall, mailbox,
                            DeltaSync.Kind.MESSAGES, folder.strip(), config.getCalendarPastDays(), config.getCalendarFutureDays(),
                            config.getDeltaPageSize(), clock));
                }
            } else if (resource.equals("events")) {
                scopes.add(new DeltaSync(getEndpoint().client(), component.stateStore(), getEndpoint()::consumerCall, mailbox,
                        DeltaSync.Kind.EVENTS, null, config.getCalendarPastDays(), config.getCalendarFutureDays(),
                        config.getDeltaPageSize(), clock));
            }
        }
        if (push()) {
            if (config.getNotificationUrl() == null || config.getNotificationUrl().isBlank()) {
                throw new IllegalArgumentException("An msgraph:notifications consumer in push mode needs the option notificationUrl");
            }
            for (String resource : resources) {
                Watcher watcher = new Watcher(mailbox, resource);
                component.subscriptions().watch(watcher);
                watchers.add(watcher);
            }
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        for (MsGraphSubscriptions.Watcher watcher : watchers) {
            try {
                getEndpoint().getComponent().subscriptions().unwatch(watcher);
            } catch (MailboxException e) {
                log.warn("Deleting the subscription of {} {} failed: {}", watcher.mailbox(), watcher.resource(), e.toString());
            }
        }
        watchers.clear();
        scopes.clear();
        caughtUp = false;
    }

    @Override
    protected int poll() throws Exception {
        if (push()) {
            getEndpoint().getComponent().subscriptions().renewDue();
            if (caughtUp) {
                return 0;
            }
            caughtUp = true;
        }
        int count = 0;
        for (DeltaSync scope : scopes) {
            count += catchUp(scope);
        }
        return count;
    }

    private int catchUp(DeltaSync scope) {
        List<ChangeEvent> changes = scope.sync();
        changes.forEach(this::emit);
        return changes.size();
    }

    private void emit(ChangeEvent change) {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(change);
        exchange.getMessage().setHeader(MsGraphConstants.MAILBOX, change.mailbox());
        exchange.getMessage().setHeader(MsGraphConstants.CHANGE_TYPE, change.changeType());
        exchange.getMessage().setHeader(MsGraphConstants.RESOURCE_TYPE, change.resourceType());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Processing a change of " + change.mailbox() + " failed", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    /** This consumer's interest in one resource of its mailbox. */
    private final class Watcher implements MsGraphSubscriptions.Watcher {

        private final String mailbox;
        private final String resource;

        Watcher(String mailbox, String resource) {
            this.mailbox = mailbox;
            this.resource = resource;
        }

        @Override
        public String mailbox() {
            return mailbox;
        }

        @Override
        public String resource() {
            return resource;
        }

        @Override
        public MsGraphClient client() {
            return getEndpoint().client();
        }

        @Override
        public MsGraphCall call() {
            return getEndpoint().consumerCall();
        }

        @Override
        public String notificationUrl() {
            return getEndpoint().getConfiguration().getNotificationUrl();
        }

        @Override
        public Duration lifetime() {
            return Duration.ofMinutes(getEndpoint().getConfiguration().getSubscriptionLifetimeMinutes());
        }

        @Override
        public Duration renewBefore() {
            return Duration.ofMinutes(getEndpoint().getConfiguration().getRenewBeforeMinutes());
        }

        @Override
        public void changed(ChangeEvent change) {
            emit(change);
        }

        @Override
        public void missed() {
            DeltaSync.Kind kind = resource.equals("events") ? DeltaSync.Kind.EVENTS
                    : resource.equals("messages") ? DeltaSync.Kind.MESSAGES : null;
            if (kind == null) {
                log.warn("Contact notifications of {} may have been missed; contacts have no delta to catch up with", mailbox);
                return;
            }
            for (DeltaSync scope : scopes) {
                if (scope.kind() == kind) {
                    catchUp(scope);
                }
            }
        }
    }
}
