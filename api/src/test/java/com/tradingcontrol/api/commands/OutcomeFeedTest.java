package com.tradingcontrol.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeFeedTest {
    private static final Instant DECIDED = Instant.parse("2026-12-07T10:00:00Z");

    private static CommandOutcome accepted(String commandId) {
        return CommandOutcome.newBuilder().setCommandId(commandId).setRequestId("req-" + commandId)
                .setAggregateId("symbol:AAPL").setStatus(OutcomeStatus.ACCEPTED).setEventIds(List.of(commandId + ":0"))
                .setResultingVersion(3L).setDecidedAt(DECIDED).build();
    }

    @Test
    void givenTwoListenersWhenAnOutcomeIsReadThenBothGetTheSameDecodedOutcomeInTheOrderAdded() {
        List<String> heard = new ArrayList<>();
        List<Outcome> seen = new ArrayList<>();
        OutcomeFeed feed = new OutcomeFeed()
                .listen(outcome -> { heard.add("gateway:" + outcome.commandId()); seen.add(outcome); })
                .listen(outcome -> { heard.add("engines:" + outcome.commandId()); seen.add(outcome); });

        feed.accept("c1", accepted("c1"));

        assertThat(heard).containsExactly("gateway:c1", "engines:c1");
        assertThat(seen.get(0)).as("decoded once, shared").isSameAs(seen.get(1));
        assertThat(seen.get(0).status()).isEqualTo(Outcome.Status.ACCEPTED);
        assertThat(seen.get(0).aggregateId()).isEqualTo("symbol:AAPL");
    }

    @Test
    void givenAListenerThatFailsWhenAnOutcomeIsReadThenTheFailureReachesTheFollowerAfterTheEarlierListenersHadIt() {
        List<String> heard = new ArrayList<>();
        OutcomeFeed feed = new OutcomeFeed()
                .listen(outcome -> heard.add("gateway:" + outcome.commandId()))
                .listen(outcome -> { throw new IllegalStateException("cannot fold"); })
                .listen(outcome -> heard.add("later:" + outcome.commandId()));

        // The follower counts the record as skipped on its read path, so answers that may depend on it say so.
        assertThatThrownBy(() -> feed.accept("c2", accepted("c2"))).hasMessage("cannot fold");
        assertThat(heard).containsExactly("gateway:c2");
    }
}
