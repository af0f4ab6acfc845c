package com.tradingcontrol.client.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.HaltKind;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerializer;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fast halt bookkeeping without a broker: only restrictions, merge with the state, settling. */
class FastHaltsTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final AvroSerializer<HaltSignal> serializer = new AvroSerializer<>(registry, false);

    private byte[] signal(String commandId, String scope, HaltKind kind) {
        return serializer.serialize(TopicNames.HALT_SIGNALS, HaltSignal.newBuilder().setCommandId(commandId)
                .setScope(scope).setKind(kind).setActor("op").setIssuedAt(T).setDecideBy(T.plusSeconds(5)).build());
    }

    @Test
    void everySignalKindRestrictsAndTheSchemaHasNoOtherKind() {
        // the contract cannot express a loosening: its kinds are exactly the four restrictions
        assertThat(Arrays.stream(HaltKind.values()).map(Enum::name))
                .containsExactlyInAnyOrder("KILL_SWITCH", "PAUSE", "REDUCE_ONLY", "MAINTENANCE");
        for (HaltKind kind : HaltKind.values()) {
            PendingHalt halt = PendingHalt.of(HaltSignal.newBuilder().setCommandId("c").setScope("global")
                    .setKind(kind).setActor("a").setIssuedAt(T).setDecideBy(T).build(), T);
            assertThat(halt.mode()).as(kind.name()).isGreaterThan(ControlMode.ACTIVE);
        }
    }

    @Test
    void anEmptyOverlayLeavesTheDecisionToTheStateAndAPendingHaltIsMergedMostRestrictiveFirst() {
        DecisionMaker maker = new DecisionMaker(Clock.fixed(T, ZoneOffset.UTC));
        ControlState reduceOnly = new ControlState(Scope.symbol("ABC"), 4, null, null, null,
                new ControlState.ReduceOnly(new Provenance("op", T, "cmd-ro", "thin"), null));
        StateSnapshot view = StateSnapshot.of(Map.of(Scope.symbol("ABC"), reduceOnly), Map.of(), Map.of(), 0, 7);
        assertThat(maker.decide(view, HaltOverlay.EMPTY, null, "t1", null, "ABC").mode())
                .isEqualTo(ControlMode.REDUCE_ONLY);

        FastHalts halts = new FastHalts(registry);
        halts.signal(signal("cmd-p", "tenant:t1", HaltKind.PAUSE), T, T);
        FastHalts.Changes changes = halts.drainChanges();
        assertThat(changes.applied()).extracting(PendingHalt::commandId).containsExactly("cmd-p");
        var decision = maker.decide(view, changes.overlay(), null, "t1", null, "ABC");
        assertThat(decision.mode()).isEqualTo(ControlMode.PAUSED);
        assertThat(decision.causes()).extracting(DecisionCause::kind, DecisionCause::pending).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DecisionCause.Kind.PAUSE, true),
                org.assertj.core.groups.Tuple.tuple(DecisionCause.Kind.REDUCE_ONLY, false));
        assertThat(maker.decide(view, changes.overlay(), null, "t2", null, "XYZ").mode()).isEqualTo(ControlMode.ACTIVE);
    }

    @Test
    void aHaltIsConfirmedByTheStateCarryingItsCommandAndRetractedAtDecideBy() {
        FastHalts halts = new FastHalts(registry);
        halts.signal(signal("cmd-1", "tenant:t1", HaltKind.PAUSE), T, T);
        halts.signal(signal("cmd-2", "tenant:t2", HaltKind.REDUCE_ONLY), T, T);
        halts.drainChanges();
        ControlState confirmed = new ControlState(Scope.tenant("t1"), 2,
                new ControlState.Pause(new Provenance("op", T, "cmd-1", null), null), null, null, null);
        halts.settle(StateSnapshot.of(Map.of(Scope.tenant("t1"), confirmed), Map.of(), Map.of(), 0, 1),
                T.plusSeconds(1));
        FastHalts.Changes afterState = halts.drainChanges();
        assertThat(afterState.retracted()).isEmpty();
        assertThat(afterState.overlay().size()).isEqualTo(1);

        halts.settle(StateSnapshot.EMPTY, T.plusMillis(4_999));
        assertThat(halts.hasChanges()).isFalse();
        halts.settle(StateSnapshot.EMPTY, T.plusSeconds(5));
        FastHalts.Changes atDeadline = halts.drainChanges();
        assertThat(atDeadline.retracted()).extracting(r -> r.halt().commandId(), FastHalts.Retraction::why)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cmd-2", "not decided by " + T.plusSeconds(5)));
        assertThat(atDeadline.overlay()).isSameAs(HaltOverlay.EMPTY);

        halts.signal(signal("cmd-2", "tenant:t2", HaltKind.REDUCE_ONLY), T, T);
        assertThat(halts.hasChanges()).as("a settled command is not applied again").isFalse();
        assertThat(List.of(halts.retracted())).containsExactly(1L);
    }

    private byte[] rejected(String commandId) {
        return new AvroSerializer<com.tradingcontrol.schemas.avro.CommandOutcome>(registry, false).serialize(
                TopicNames.COMMAND_OUTCOMES, com.tradingcontrol.schemas.avro.CommandOutcome.newBuilder()
                        .setCommandId(commandId).setRequestId("r").setAggregateId("tenant:t1")
                        .setStatus(com.tradingcontrol.schemas.avro.OutcomeStatus.REJECTED).setCode("FORBIDDEN")
                        .setMessage("no").setDecidedAt(T).build());
    }

    @Test
    void anOutcomeReadBeforeItsSignalCountsWithinTheWindowAndIsForgottenAfterIt() {
        FastHalts halts = new FastHalts(registry);
        halts.outcome("cmd-early", rejected("cmd-early"), T);
        halts.signal(signal("cmd-early", "tenant:t1", HaltKind.PAUSE), T.plusSeconds(1), T.plusSeconds(1));
        halts.settle(StateSnapshot.EMPTY, T.plusSeconds(1));
        assertThat(halts.drainChanges().overlay()).as("retracted at once by the outcome read 1 s before")
                .isSameAs(HaltOverlay.EMPTY);

        halts.outcome("cmd-old", rejected("cmd-old"), T);
        halts.outcome("cmd-other", rejected("cmd-other"), T.plus(FastHalts.EARLY_OUTCOME_WINDOW).plusMillis(1));
        halts.signal(signal("cmd-old", "tenant:t1", HaltKind.PAUSE), T.plusSeconds(3), T.plusSeconds(3));
        halts.settle(StateSnapshot.EMPTY, T.plusSeconds(3));
        assertThat(halts.drainChanges().overlay().size()).as("held: its outcome was read too long before it")
                .isEqualTo(1);
    }
}
