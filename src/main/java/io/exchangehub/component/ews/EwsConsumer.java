package io.exchangehub.component.ews;

import io.exchangehub.component.StateStore;
import io.exchangehub.component.ews.client.EwsAccess;
import io.exchangehub.component.ews.consumer.FolderSync;
import io.exchangehub.component.ews.consumer.MailboxWatcher;
import io.exchangehub.model.ChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * {@code ews:notifications?mailbox=…&folders=inbox,calendar,contacts}: one exchange per change of
 * the watched folders, its body a {@link ChangeEvent}. Changes are read with SyncFolderItems from
 * sync states in the component's {@link StateStore}, triggered by a streaming (or pull)
 * subscription; see {@link MailboxWatcher} and {@link FolderSync} for why none is lost or repeated.
 * Tokens come from the endpoint's {@code accessTokenProvider}, asked anew at each reconnect and sync.
 */
public class EwsConsumer extends DefaultConsumer {

    private MailboxWatcher watcher;
    private ExecutorService executor;

    public EwsConsumer(EwsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public EwsEndpoint getEndpoint() {
        return (EwsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        EwsEndpoint endpoint = getEndpoint();
        EwsConfiguration config = endpoint.getConfiguration();
        StateStore store = endpoint.getComponent().getStateStore();
        if (store == null) {
            throw new IllegalStateException("ews:notifications needs a StateStore (the component's stateStore option)");
        }
        String mailbox = config.getMailbox();
        Supplier<EwsAccess> access = () -> endpoint.access(mailbox, null);
        List<FolderId> folders = new ArrayList<>();
        List<FolderSync> syncs = new ArrayList<>();
        for (String name : config.getFolders().split(",")) {
            String folderName = name.strip();
            if (folderName.isEmpty()) {
                continue;
            }
            FolderId folder = EwsSession.folder(mailbox, folderName);
            folders.add(folder);
            syncs.add(new FolderSync(endpoint.getClient(), endpoint.credentials(), access, store, mailbox, folderName, folder,
                    MailboxWatcher.defaultType(folderName), config.getSyncBatchSize()));
        }
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("ews:notifications needs at least one folder");
        }
        watcher = new MailboxWatcher(endpoint.getClient(), endpoint.credentials(), access, mailbox, folders, syncs, this::emit,
                new MailboxWatcher.Settings(config.getSubscriptionMode(), Math.max(1, Math.min(30, config.getStreamingLifetime())),
                        Duration.ofMillis(config.getPullInterval()), Duration.ofMillis(config.getSyncInterval())));
        executor = endpoint.getCamelContext().getExecutorServiceManager().newSingleThreadExecutor(this,
                "ews-notifications-" + mailbox);
        executor.submit(watcher);
    }

    /** Hands one change to the route; false when the route failed it (it is read again on the next sync). */
    private boolean emit(ChangeEvent event) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(event);
        exchange.getMessage().setHeader(EwsConstants.MAILBOX, event.mailbox());
        exchange.getMessage().setHeader(EwsConstants.RESOURCE_TYPE, event.resourceType());
        exchange.getMessage().setHeader(EwsConstants.CHANGE_TYPE, event.changeType());
        exchange.getMessage().setHeader(EwsConstants.ITEM_ID, event.id());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean failed = exchange.getException() != null;
        if (failed) {
            getExceptionHandler().handleException("Processing an EWS change failed; it is read again on the next sync", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
        return !failed;
    }

    @Override
    protected void doStop() throws Exception {
        if (watcher != null) {
            watcher.stop();
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
        }
        super.doStop();
    }
}
