package com.tradingcontrol.domain;

import com.tradingcontrol.domain.control.ControlView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;

import static com.tradingcontrol.domain.Scenario.ADMIN;
import static com.tradingcontrol.domain.Scenario.CUSTOMER_U1;
import static com.tradingcontrol.domain.Scenario.NOW;
import static com.tradingcontrol.domain.Scenario.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The same command id yields the recorded outcome again and no new event, whatever happened since. */
class IdempotencyTest {

    private final TradingDomain domain = Scenario.domain();
    private final InMemoryIdempotencyLedger ledger = new InMemoryIdempotencyLedger();

    private static CommandEnvelope command(String id, Actor actor, Command payload) {
        return new CommandEnvelope(id, "req-" + id, NOW, actor, OptionalLong.empty(), payload);
    }

    private static AggregateState fold(AggregateState state, CommandEnvelope envelope, CommandResult result) {
        EventMeta meta = new EventMeta(envelope.actor().subject(), envelope.issuedAt(), envelope.commandId());
        return TradingDomain.evolveAll(state, result.eventsToAppend().stream()
                .map(e -> new RecordedEvent(meta, e)).toList());
    }

    @Test
    void aRepeatedAcceptedCommandReturnsTheSameOutcomeWithoutEvents() {
        CommandEnvelope pause = command("c-1", OPERATOR, new PauseTrading(Scope.tenant("u1"), "r", null));

        CommandResult first = domain.handle(pause, null, ControlView.empty(), ledger);
        AggregateState state = fold(null, pause, first);
        CommandResult second = domain.handle(pause, state, ControlView.empty(), ledger);

        assertThat(first.duplicate()).isFalse();
        assertThat(first.eventsToAppend()).containsExactly(new TradingPaused(Scope.tenant("u1"), "r", null));
        assertThat(second.duplicate()).isTrue();
        assertThat(second.decision()).isEqualTo(first.decision());
        assertThat(second.eventsToAppend()).isEmpty();
        assertThat(fold(state, pause, second).version()).isEqualTo(1);
    }

    @Test
    void aRepeatedRejectedCommandStaysRejectedEvenIfItWouldNowSucceed() {
        CommandEnvelope enable = command("c-2", CUSTOMER_U1, new EnableProfile("p1", "u1", "go"));
        CommandResult first = domain.handle(enable, null, ControlView.empty(), ledger);

        CommandEnvelope create = command("c-3", CUSTOMER_U1, new CreateProfile("p1", "u1", "n"));
        AggregateState created = fold(null, create, domain.handle(create, null, ControlView.empty(), ledger));
        CommandResult retry = domain.handle(enable, created, ControlView.empty(), ledger);

        assertThat(first.decision()).isEqualTo(Decision.rejected(RejectionCode.NOT_FOUND,
                "profile p1 of tenant u1 does not exist"));
        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.decision()).isEqualTo(first.decision());
        assertThat(ledger.size()).isEqualTo(2);
    }

    @Test
    void theIdIdentifiesTheCommandEvenIfTheRetryDiffers() {
        CommandEnvelope original = command("c-4", ADMIN, new EngageKillSwitch("outage"));
        CommandEnvelope reusedId = new CommandEnvelope("c-4", "req-other", Instant.parse("2030-01-01T00:00:00Z"),
                ADMIN, OptionalLong.empty(), new ReleaseKillSwitch("oops"));

        CommandResult first = domain.handle(original, null, ControlView.empty(), ledger);
        CommandResult second = domain.handle(reusedId, fold(null, original, first), ControlView.empty(), ledger);

        assertThat(second.duplicate()).isTrue();
        assertThat(second.decision().events()).containsExactly(new KillSwitchEngaged("outage"));
        assertThat(second.eventsToAppend()).isEmpty();
    }

    @Test
    void differentIdsAreDecidedIndependently() {
        CommandEnvelope a = command("c-5", OPERATOR, new EngageKillSwitch("x"));
        CommandEnvelope b = command("c-6", OPERATOR, new EngageKillSwitch("x"));

        CommandResult first = domain.handle(a, null, ControlView.empty(), ledger);
        CommandResult second = domain.handle(b, fold(null, a, first), ControlView.empty(), ledger);

        assertThat(second.duplicate()).isFalse();
        assertThat(second.decision()).isInstanceOfSatisfying(Decision.Accepted.class, d -> {
            assertThat(d.isNoOp()).isTrue();
            assertThat(d.note()).contains("already engaged");
        });
    }
}
