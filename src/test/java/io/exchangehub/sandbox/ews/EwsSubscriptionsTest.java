package io.exchangehub.sandbox.ews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exchangehub.sandbox.store.Mailbox;
import io.exchangehub.sandbox.store.MailboxType;
import io.exchangehub.sandbox.store.SandboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Subscription lifetimes as Exchange keeps them, on a clock the test moves. */
class EwsSubscriptionsTest {

    private static final String ALICE = "alice@contoso.example";

    private final MovableClock clock = new MovableClock();
    private final Mailbox mailbox = new Mailbox(0, ALICE, "Alice Wong", MailboxType.USER, "ews", Set.of(),
            ZoneId.of("Europe/Berlin"));
    private final EwsSubscriptions subscriptions = new EwsSubscriptions(new SandboxStore(List.of(mailbox), List.of(), builder -> { },
            clock, "contoso.example"), clock);

    @Test
    void aPullSubscriptionExpiresAfterItsTimeoutWithoutGetEvents() {
        EwsSubscriptions.Subscription pull = subscriptions.subscribe(EwsSubscriptions.Kind.PULL, ALICE, mailbox, true, Set.of(),
                Set.of("NewMailEvent"), Duration.ofMinutes(10), 0);
        clock.advance(Duration.ofMinutes(9));
        subscriptions.touch(pull, 0);
        clock.advance(Duration.ofMinutes(9));
        assertThat(subscriptions.lookup(pull.id, ALICE, EwsSubscriptions.Kind.PULL)).isSameAs(pull);
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> subscriptions.lookup(pull.id, ALICE, EwsSubscriptions.Kind.PULL))
                .isInstanceOfSatisfying(EwsError.class, e -> assertThat(e.code()).isEqualTo("ErrorExpiredSubscription"));
    }

    @Test
    void subscriptionsNobodyReadsAreDroppedWhenOthersSubscribe() {
        for (int i = 0; i < 100; i++) {
            subscriptions.subscribe(EwsSubscriptions.Kind.PULL, ALICE, mailbox, true, Set.of(), Set.of("NewMailEvent"),
                    Duration.ofMinutes(1), 0);
        }
        clock.advance(Duration.ofMinutes(2));
        subscriptions.subscribe(EwsSubscriptions.Kind.PULL, ALICE, mailbox, true, Set.of(), Set.of("NewMailEvent"),
                Duration.ofMinutes(1), 0);
        assertThat(subscriptions.liveCount()).isEqualTo(1);
    }

    @Test
    void aStreamingSubscriptionLivesWhileConnectedAndThirtyMinutesAfter() {
        EwsSubscriptions.Subscription streaming = subscriptions.subscribe(EwsSubscriptions.Kind.STREAMING, ALICE, mailbox, true,
                Set.of(), Set.of("CreatedEvent"), Duration.ZERO, 0);
        StreamConnection connection = new StreamConnection(List.of(streaming));
        subscriptions.attach(connection);
        clock.advance(Duration.ofHours(2));
        assertThat(subscriptions.lookup(streaming.id, ALICE, EwsSubscriptions.Kind.STREAMING)).isSameAs(streaming);
        subscriptions.detach(connection);
        clock.advance(Duration.ofMinutes(29));
        assertThat(subscriptions.lookup(streaming.id, ALICE, EwsSubscriptions.Kind.STREAMING)).isSameAs(streaming);
        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> subscriptions.lookup(streaming.id, ALICE, EwsSubscriptions.Kind.STREAMING))
                .isInstanceOfSatisfying(EwsError.class, e -> assertThat(e.code()).isEqualTo("ErrorExpiredSubscription"));
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> subscriptions.lookup(streaming.id, ALICE, EwsSubscriptions.Kind.STREAMING))
                .isInstanceOfSatisfying(EwsError.class, e -> assertThat(e.code()).isEqualTo("ErrorSubscriptionNotFound"));
    }

    @Test
    void aNewConnectionTakesOverASubscriptionAndTheOldOneIsTold() {
        EwsSubscriptions.Subscription streaming = subscriptions.subscribe(EwsSubscriptions.Kind.STREAMING, ALICE, mailbox, true,
                Set.of(), Set.of("CreatedEvent"), Duration.ZERO, 0);
        StreamConnection first = new StreamConnection(List.of(streaming));
        subscriptions.attach(first);
        StreamConnection second = new StreamConnection(List.of(streaming));
        subscriptions.attach(second);
        assertThat(first.subscriptions()).isEmpty();
        assertThat(first.takeLost()).singleElement().satisfies(lost -> {
            assertThat(lost.code()).isEqualTo("ErrorNewEventStreamConnectionOpened");
            assertThat(lost.ids()).containsExactly(streaming.id);
        });
        assertThat(second.subscriptions()).containsExactly(streaming);
    }

    @Test
    void stoppingTheSandboxClosesOpenStreamingConnections() {
        EwsSubscriptions.Subscription streaming = subscriptions.subscribe(EwsSubscriptions.Kind.STREAMING, ALICE, mailbox, true,
                Set.of(), Set.of("CreatedEvent"), Duration.ZERO, 0);
        StreamConnection connection = new StreamConnection(List.of(streaming));
        subscriptions.attach(connection);
        subscriptions.start();
        subscriptions.stop();
        assertThat(connection.closing()).isTrue();
        assertThat(subscriptions.isRunning()).isFalse();
    }

    @Test
    void watermarksBelongToTheirMailboxAndItsJournal() {
        String now = EwsSubscriptions.watermark(mailbox, mailbox.currentSeq());
        assertThat(EwsSubscriptions.watermark(now, mailbox)).isEqualTo(mailbox.currentSeq());
        Mailbox other = new Mailbox(1, "bob@contoso.example", "Bob", MailboxType.USER, "ews", Set.of(), ZoneOffset.UTC);
        assertThatThrownBy(() -> EwsSubscriptions.watermark(EwsSubscriptions.watermark(other, 0), mailbox))
                .isInstanceOfSatisfying(EwsError.class, e -> assertThat(e.code()).isEqualTo("ErrorInvalidWatermark"));
        assertThatThrownBy(() -> EwsSubscriptions.watermark(EwsSubscriptions.watermark(mailbox, mailbox.currentSeq() + 5), mailbox))
                .isInstanceOf(EwsError.class);
        assertThatThrownBy(() -> EwsSubscriptions.watermark("%%%", mailbox)).isInstanceOf(EwsError.class);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
