package com.tradingcontrol.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.api.auth.Caller;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A PENDING answer says it may never change here once the outcome follower skipped records. */
class CommandStatusResourceTest {
    private static final Caller ALICE = new Caller("alice", "a", Set.of("customer"));

    @Test
    void pendingIsMarkedIncompleteOnceOutcomesWereSkipped() {
        OutcomeTracker tracker = new OutcomeTracker(10);
        tracker.submitting("c-1", ALICE);
        tracker.acknowledged("c-1");
        AtomicLong skipped = new AtomicLong();
        CommandStatusResource resource = new CommandStatusResource(tracker, skipped::get);

        assertThat(resource.status(ALICE, "c-1")).containsOnlyKeys("commandId", "status")
                .containsEntry("status", "PENDING");

        skipped.set(2);
        assertThat(resource.status(ALICE, "c-1")).containsEntry("status", "PENDING")
                .containsEntry("complete", false).containsEntry("skippedOutcomes", 2L);
    }
}
