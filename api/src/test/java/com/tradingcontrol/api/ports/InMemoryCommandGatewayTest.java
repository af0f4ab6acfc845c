package com.tradingcontrol.api.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.api.auth.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pins the CommandGateway contract the Kafka adapter must honour, on the in-memory fake. */
class InMemoryCommandGatewayTest {
    private final InMemoryCommandGateway gateway = new InMemoryCommandGateway();

    private static CommandRequest pause(String id) {
        return new CommandRequest(id, "global", new CommandPayload.PauseTrading("global", "incident", null),
                new Caller("op-1", null, Set.of("operator")), "rid-1", null, Instant.now());
    }

    private static Outcome accepted(String id) {
        return new Outcome(id, "global", Outcome.Status.ACCEPTED, null, null, 4L, List.of("e-1"), Instant.now());
    }

    @Test
    void awaitCompletesWhenTheOutcomeArrivesAndOutcomeIsThenKnown() {
        gateway.submit(pause("c-1")).toCompletableFuture().join();
        var waiting = gateway.await("c-1", Duration.ofSeconds(5)).toCompletableFuture();

        gateway.decide(accepted("c-1"));

        assertThat(waiting.join()).map(Outcome::resultingVersion).contains(4L);
        assertThat(gateway.outcome("c-1")).map(Outcome::status).contains(Outcome.Status.ACCEPTED);
        assertThat(gateway.submitted("c-1")).map(CommandRequest::requestId).contains("rid-1");
    }

    @Test
    void awaitGivesEmptyAfterTheTimeout() {
        assertThat(gateway.await("c-2", Duration.ofMillis(50)).toCompletableFuture().join()).isEqualTo(Optional.empty());
        assertThat(gateway.outcome("c-2")).isEmpty();
    }

    @Test
    void unavailableBusFailsTheSubmission() {
        gateway.setAvailable(false);

        assertThatThrownBy(() -> gateway.submit(pause("c-3")).toCompletableFuture().join())
                .hasCauseInstanceOf(CommandBusUnavailableException.class);
        assertThat(gateway.submitted("c-3")).isEmpty();
    }
}
