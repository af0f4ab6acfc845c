package com.tradingcontrol.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeTrackerTest {
    private static final Caller ADMIN = new Caller("admin-1", null, Set.of("admin"));
    private static final Caller ALICE = new Caller("alice", "a", Set.of("customer"));
    private static final Caller BOB = new Caller("bob", "b", Set.of("customer"));

    private final OutcomeTracker tracker = new OutcomeTracker(3);

    private static Outcome accepted(String id, String aggregate) {
        return new Outcome(id, aggregate, Outcome.Status.ACCEPTED, null, null, 2L, List.of("e-1"), Instant.EPOCH);
    }

    @Test
    void awaitCompletesWhenTheOutcomeArrives() {
        var waiting = tracker.await("c-1", Duration.ofSeconds(5));
        assertThat(waiting).isNotDone();

        tracker.record(accepted("c-1", "global"));

        assertThat(waiting.join()).map(Outcome::resultingVersion).contains(2L);
    }

    @Test
    void awaitAnswersAtOnceWhenKnownAndEmptyAfterTheTimeout() {
        tracker.record(accepted("c-1", "global"));
        assertThat(tracker.await("c-1", Duration.ofMillis(1)).join()).isPresent();
        assertThat(tracker.await("c-2", Duration.ofMillis(20)).join()).isEmpty();
    }

    @Test
    void pendingOnlyAfterKafkaAcknowledged() {
        tracker.submitting("c-1", ALICE);
        assertThat(tracker.statusFor("c-1", ALICE)).isInstanceOf(OutcomeTracker.Status.Unknown.class);

        tracker.acknowledged("c-1");

        assertThat(tracker.statusFor("c-1", ALICE)).isEqualTo(new OutcomeTracker.Status.Pending("c-1"));
    }

    @Test
    void customersSeeOnlyTheCommandsTheySubmittedThemselves() {
        Caller aliceColleague = new Caller("user-a2", "a", Set.of("customer"));
        tracker.submitting("c-1", ALICE);
        tracker.acknowledged("c-1");
        tracker.record(accepted("c-1", "profile:a:p1"));
        tracker.record(accepted("c-2", "profile:b:p1"));
        tracker.record(accepted("c-3", "global"));

        assertThat(tracker.statusFor("c-1", ALICE)).isInstanceOf(OutcomeTracker.Status.Decided.class);
        assertThat(tracker.statusFor("c-1", aliceColleague)).as("same tenant, other user")
                .isInstanceOf(OutcomeTracker.Status.Unknown.class);
        assertThat(tracker.statusFor("c-1", BOB)).isInstanceOf(OutcomeTracker.Status.Unknown.class);
        assertThat(tracker.statusFor("c-2", BOB)).as("submitter unknown here").isInstanceOf(OutcomeTracker.Status.Unknown.class);
        assertThat(tracker.statusFor("c-3", ALICE)).isInstanceOf(OutcomeTracker.Status.Unknown.class);
        assertThat(tracker.statusFor("c-3", ADMIN)).isInstanceOf(OutcomeTracker.Status.Decided.class);
    }

    @Test
    void forgetsTheLeastRecentlyUsedBeyondCapacity() {
        for (int i = 1; i <= 4; i++) {
            tracker.record(accepted("c-" + i, "global"));
        }
        assertThat(tracker.size()).isEqualTo(3);
        assertThat(tracker.outcome("c-1")).isEqualTo(Optional.empty());
        assertThat(tracker.outcome("c-4")).isPresent();
    }
}
