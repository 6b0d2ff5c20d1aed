package io.exchangehub.sandbox.store;

import java.util.List;

/**
 * One page of a sync.
 *
 * @param changes     the changes, deletes first
 * @param state       the state to send next time
 * @param lastInRange whether the client is now up to date (EWS IncludesLastItemInRange; Graph: a deltaLink, not a nextLink)
 */
public record SyncResult(List<SyncChange> changes, String state, boolean lastInRange) {}
