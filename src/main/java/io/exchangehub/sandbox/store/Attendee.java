package io.exchangehub.sandbox.store;

import java.time.Instant;

/**
 * A meeting attendee.
 *
 * @param recipient    who
 * @param type         required, optional or a resource (room, equipment)
 * @param response     the attendee's latest answer
 * @param responseTime when the answer arrived, null before any
 */
public record Attendee(Recipient recipient, Type type, ResponseType response, Instant responseTime) {

    public enum Type { REQUIRED, OPTIONAL, RESOURCE }

    public Attendee withResponse(ResponseType newResponse, Instant at) {
        return new Attendee(recipient, type, newResponse, at);
    }
}
