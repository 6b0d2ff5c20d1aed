package io.exchangehub.component.msgraph.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A Graph subscription the hub made, as kept in the {@code StateStore}: every hub instance can
 * then check a notification's {@code clientState}, whichever made the subscription.
 *
 * @param id          Graph's subscription id
 * @param mailbox     the mailbox watched
 * @param resource    {@code messages}, {@code events} or {@code contacts}
 * @param clientState the random secret Graph echoes in every notification
 * @param expiration  when Graph drops the subscription unless renewed
 */
public record SubscriptionState(String id, String mailbox, String resource, String clientState, Instant expiration) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    String encode() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SubscriptionState decode(String text) {
        try {
            return JSON.readValue(text, SubscriptionState.class);
        } catch (IOException e) {
            return null;
        }
    }

    SubscriptionState renewed(Instant newExpiration) {
        return new SubscriptionState(id, mailbox, resource, clientState, newExpiration);
    }

    /** Without the client state, which is a secret. */
    @Override
    public String toString() {
        return "SubscriptionState[id=" + id + ", mailbox=" + mailbox + ", resource=" + resource + ", expiration=" + expiration + "]";
    }
}
