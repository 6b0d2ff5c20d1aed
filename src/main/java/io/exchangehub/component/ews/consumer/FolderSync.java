package io.exchangehub.component.ews.consumer;

import io.exchangehub.component.StateStore;
import io.exchangehub.component.ews.client.EwsAccess;
import io.exchangehub.component.ews.client.EwsClient;
import io.exchangehub.component.ews.client.EwsTimes;
import io.exchangehub.model.ChangeEvent;
import io.exchangehub.model.MailboxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import microsoft.exchange.webservices.data.core.PropertySet;
import microsoft.exchange.webservices.data.core.enumeration.property.BasePropertySet;
import microsoft.exchange.webservices.data.core.enumeration.service.SyncFolderItemsScope;
import microsoft.exchange.webservices.data.core.service.item.Item;
import microsoft.exchange.webservices.data.core.service.schema.ItemSchema;
import microsoft.exchange.webservices.data.credential.ExchangeCredentials;
import microsoft.exchange.webservices.data.property.complex.FolderId;
import microsoft.exchange.webservices.data.sync.ChangeCollection;
import microsoft.exchange.webservices.data.sync.ItemChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes of one watched folder, read with SyncFolderItems from a sync state kept in the
 * {@link StateStore} (Redis), so that whatever happened while nobody listened (a dropped
 * connection, an expired subscription, a restart of the hub) is read on the next sync.
 *
 * <p>Exactly once per sync state: a page of changes read from state S is emitted change by
 * change, and only after the whole page was handled is the page's new state stored. So that a
 * crash in the middle of a page (or a second hub instance reading the same state) does not emit
 * a change twice, each change is claimed first with a mark keyed by S's digest and the change's
 * identity ({@link StateStore#putIfAbsent}); a change whose handling failed gives its claim back
 * and the page is read again next time.
 *
 * <p>The first sync of a folder without a stored state records where the folder is, emitting
 * nothing (the mailbox's existing content is no change); a state Exchange no longer accepts
 * (ErrorInvalidSyncStateData) is replaced by a full resync that emits every item as created,
 * since dropping it silently could lose changes.
 */
public final class FolderSync {

    /** What a sync hands each change to; false when it failed and the change must be read again. */
    @FunctionalInterface
    public interface ChangeHandler {
        boolean handle(ChangeEvent event);
    }

    private static final Logger log = LoggerFactory.getLogger(FolderSync.class);
    private static final Duration CLAIM_TTL = Duration.ofDays(2);
    private static final PropertySet CHANGE_PROPERTIES = new PropertySet(BasePropertySet.IdOnly, ItemSchema.ItemClass,
            ItemSchema.LastModifiedTime);

    private final EwsClient client;
    private final ExchangeCredentials credentials;
    private final Supplier<EwsAccess> access;
    private final StateStore store;
    private final String mailbox;
    private final String folderKey;
    private final FolderId folder;
    private final ChangeEvent.ResourceType defaultType;
    private final int batchSize;
    private String folderId;

    /**
     * @param folderKey   the folder as the endpoint names it (a well-known name or an id), part of the state's key
     * @param defaultType what a deleted item was, when nothing else tells (calendar: EVENT, …)
     */
    public FolderSync(EwsClient client, ExchangeCredentials credentials, Supplier<EwsAccess> access, StateStore store,
            String mailbox, String folderKey, FolderId folder, ChangeEvent.ResourceType defaultType, int batchSize) {
        this.client = client;
        this.credentials = credentials;
        this.access = access;
        this.store = store;
        this.mailbox = mailbox;
        this.folderKey = folderKey;
        this.folder = folder;
        this.defaultType = defaultType;
        this.batchSize = Math.max(1, Math.min(512, batchSize));
    }

    String stateKey() {
        return "ews:sync:" + mailbox + ":" + folderKey;
    }

    /**
     * Reads and emits every change since the stored state.
     *
     * @return false when the handler failed a change (the rest waits for the next sync)
     */
    public boolean sync(ChangeHandler handler) {
        if (folderId == null) {
            folderId = client.call(access.get(), credentials, folderKey, service ->
                    microsoft.exchange.webservices.data.core.service.folder.Folder.bind(service, folder, PropertySet.getIdOnly())
                            .getId().getUniqueId());
        }
        String state = store.get(stateKey()).orElse(null);
        boolean emit = state != null;
        while (true) {
            ChangeCollection<ItemChange> changes;
            try {
                String from = state;
                changes = client.call(access.get(), credentials, folderKey, service -> service.syncFolderItems(folder,
                        CHANGE_PROPERTIES, null, batchSize, SyncFolderItemsScope.NormalItems, from));
            } catch (MailboxException e) {
                if (!"ErrorInvalidSyncStateData".equals(e.backendCode()) || state == null) {
                    throw e;
                }
                log.warn("EWS sync state of {} in {} is no longer valid; resyncing the folder whole", folderKey, mailbox);
                state = null;
                emit = true;
                continue;
            }
            if (emit) {
                String digest = digest(state);
                for (ItemChange change : changes) {
                    ChangeEvent event = event(change);
                    String claim = "ews:emitted:" + mailbox + ":" + digest + ":" + event.changeType() + ":" + event.id() + ":"
                            + changeKey(change);
                    if (!store.putIfAbsent(claim, "1", CLAIM_TTL)) {
                        continue;
                    }
                    if (!handler.handle(event)) {
                        store.delete(claim);
                        return false;
                    }
                }
            }
            state = changes.getSyncState();
            store.put(stateKey(), state);
            if (!changes.getMoreChangesAvailable()) {
                return true;
            }
        }
    }

    private ChangeEvent event(ItemChange change) {
        String id = idOf(change);
        Item item = change.getItem();
        ChangeEvent.ChangeType type = switch (change.getChangeType()) {
            case Create -> ChangeEvent.ChangeType.CREATED;
            case Delete -> ChangeEvent.ChangeType.DELETED;
            case Update, ReadFlagChange -> ChangeEvent.ChangeType.UPDATED;
        };
        Instant time = null;
        ChangeEvent.ResourceType resource = defaultType;
        if (item != null) {
            try {
                time = EwsTimes.instant(item.getLastModifiedTime());
            } catch (Exception notLoaded) {
                time = null;
            }
            resource = resourceType(itemClass(item), defaultType);
        }
        return new ChangeEvent(mailbox, resource, type, id, null, folderId, time == null ? Instant.now() : time);
    }

    private static String idOf(ItemChange change) {
        try {
            return change.getItemId().getUniqueId();
        } catch (Exception e) {
            throw new IllegalStateException("A sync change without an item id", e);
        }
    }

    private static String changeKey(ItemChange change) {
        try {
            return change.getItemId().getChangeKey();
        } catch (Exception e) {
            return "";
        }
    }

    private static String itemClass(Item item) {
        try {
            return item.getItemClass();
        } catch (Exception e) {
            return null;
        }
    }

    static ChangeEvent.ResourceType resourceType(String itemClass, ChangeEvent.ResourceType fallback) {
        if (itemClass == null) {
            return fallback;
        }
        if (itemClass.startsWith("IPM.Appointment")) {
            return ChangeEvent.ResourceType.EVENT;
        }
        if (itemClass.startsWith("IPM.Contact") || itemClass.startsWith("IPM.DistList")) {
            return ChangeEvent.ResourceType.CONTACT;
        }
        return ChangeEvent.ResourceType.MESSAGE;
    }

    private static String digest(String state) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(state).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
