package io.exchangehub.model;

/** How to delete: into Deleted Items (recoverable by the user), to the recoverable items (soft), or for good (hard). */
public enum DeleteMode { MOVE_TO_DELETED_ITEMS, SOFT, HARD }
