package io.exchangehub.sandbox.store;

import java.time.Instant;

/**
 * A follow-up flag.
 *
 * @param status    not flagged, flagged or complete
 * @param start     when follow-up starts, may be null
 * @param due       when follow-up is due, may be null
 * @param completed when it was completed, null unless complete
 */
public record Flag(Status status, Instant start, Instant due, Instant completed) {

    public enum Status { NOT_FLAGGED, FLAGGED, COMPLETE }

    public static final Flag NONE = new Flag(Status.NOT_FLAGGED, null, null, null);

    public static Flag flagged() {
        return new Flag(Status.FLAGGED, null, null, null);
    }
}
