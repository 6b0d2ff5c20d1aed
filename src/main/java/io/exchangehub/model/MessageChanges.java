package io.exchangehub.model;

import java.util.List;

/**
 * Changes to a message; a null field stays as it is.
 *
 * @param isRead     read state
 * @param flag       follow-up flag
 * @param categories categories (replaces the list)
 * @param importance importance
 */
public record MessageChanges(Boolean isRead, Flag flag, List<String> categories, Importance importance) {}
