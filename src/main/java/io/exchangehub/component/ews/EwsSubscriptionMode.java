package io.exchangehub.component.ews;

/** How the consumer hears of changes; either way, changes themselves are read with SyncFolderItems. */
public enum EwsSubscriptionMode {

    /** One GetStreamingEvents connection per mailbox for all its folders, renewed before Exchange's 30-minute limit. */
    STREAMING,

    /** A pull subscription polled with GetEvents every {@code pullInterval}; also the fallback when streaming fails. */
    PULL
}
