package io.exchangehub.model;

import java.time.Instant;

/**
 * A meeting attendee and their answer.
 *
 * @param recipient  who
 * @param type       required, optional or a resource
 * @param response   their answer
 * @param respondedAt when they answered, or null
 */
public record Attendee(Recipient recipient, Type type, ResponseStatus response, Instant respondedAt) {

    public enum Type { REQUIRED, OPTIONAL, RESOURCE }
}
