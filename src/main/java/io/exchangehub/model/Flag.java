package io.exchangehub.model;

import java.time.Instant;

/**
 * A message's follow-up flag.
 *
 * @param status      not flagged, flagged or complete
 * @param startAt     when follow-up starts, or null
 * @param dueAt       when it is due, or null
 * @param completedAt when it was completed, or null
 */
public record Flag(Status status, Instant startAt, Instant dueAt, Instant completedAt) {

    public enum Status { NOT_FLAGGED, FLAGGED, COMPLETE }

    public static final Flag NONE = new Flag(Status.NOT_FLAGGED, null, null, null);
}
