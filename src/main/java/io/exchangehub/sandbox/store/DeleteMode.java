package io.exchangehub.sandbox.store;

/** EWS's DeleteType; Graph's DELETE is a move to Deleted Items, its permanentDelete a hard delete. */
public enum DeleteMode { HARD, SOFT, MOVE_TO_DELETED_ITEMS }
