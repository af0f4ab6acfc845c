package com.tradingcontrol.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.schemas.avro.AppliedSource;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.ControlApplied;
import com.tradingcontrol.schemas.avro.HaltKind;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fast halt path against a real broker: signals written as the API writes them (idempotent,
 * no transaction), state and outcomes as the processors write them. Tests share one broker, so each
 * uses its own tenants, engine ids and command ids; signals from earlier tests are within the
 * clients' look-back, so no two tests share a scope.
 */
@Timeout(180) // seconds per test; each takes a few seconds (a client start, a few records)
class FastHaltIT extends OnOwnBroker {

    private static final Duration WAIT = StatePlatform.WAIT;

    static HaltSignal signal(String commandId, String scope, HaltKind kind, Instant issuedAt, Instant decideBy) {
        return HaltSignal.newBuilder().setCommandId(commandId).setRequestId("req-" + commandId).setScope(scope)
                .setKind(kind).setActor("operator-9").setReason("desk says stop").setIssuedAt(issuedAt)
                .setDecideBy(decideBy).build();
    }

    private static CommandOutcome outcome(String commandId, String scope, OutcomeStatus status, String code,
                                          Long version) {
        return CommandOutcome.newBuilder().setCommandId(commandId).setRequestId("req-" + commandId)
                .setAggregateId(scope).setStatus(status).setCode(code)
                .setMessage(code == null ? null : "not allowed").setResultingVersion(version)
                .setDecidedAt(Instant.now()).build();
    }

    @Test
    void aSignalHaltsAtOnceAndTheConfirmingStateTakesOverWithoutAnythingVisibleChanging() throws Exception {
        Instant issued = Instant.now().minusMillis(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        HaltEvents events = new HaltEvents();
        try (ControlClient client = ready(platform.clientConfig().engineId("eng-confirm").engineVersion("9.1"));
             EngineReports reports = new EngineReports(platform, "eng-confirm")) {
            client.addListener(events);
            assertThat(client.decide("tc1", null, "AAPL").mode()).isEqualTo(ControlMode.ACTIVE);

            platform.haltSignal(signal("cmd-op-c1", "tenant:tc1", HaltKind.PAUSE, issued, issued.plusSeconds(120)));
            Awaiting.until(client, WAIT, "the signal halts before any state record",
                    () -> client.decide("tc1", null, "AAPL").mode() == ControlMode.PAUSED);
            Decision pending = client.decide("tc1", null, "AAPL");
            assertThat(pending.mayOpen()).isFalse();
            assertThat(pending.mayReduce()).isFalse();
            assertThat(pending.causes()).containsExactly(new DecisionCause("tenant:tc1", DecisionCause.Kind.PAUSE,
                    ControlMode.PAUSED, "operator-9", issued, "desk says stop", null, "cmd-op-c1", null, -1, true));
            assertThat(client.decide("tc-other", null, "AAPL").mode()).isEqualTo(ControlMode.ACTIVE);
            assertThat(client.health().pendingHalts()).isPositive();
            assertThat(events.await("signal cmd-op-c1", WAIT)).isEqualTo("signal cmd-op-c1 tenant:tc1");

            platform.control(States.pause("tenant:tc1", 3, "op-c1", "desk says stop", null), "cmd-op-c1");
            Awaiting.until(client, WAIT, "the state confirms the command",
                    () -> client.decide("tc1", null, "AAPL").causes().stream().noneMatch(DecisionCause::pending));
            Decision confirmed = client.decide("tc1", null, "AAPL");
            assertThat(confirmed.mode()).isEqualTo(ControlMode.PAUSED);
            assertThat(confirmed.causes()).singleElement().satisfies(c -> {
                assertThat(c.pending()).isFalse();
                assertThat(c.commandId()).isEqualTo("cmd-op-c1");
                assertThat(c.scopeVersion()).isEqualTo(3);
            });

            // A later signal's notification comes after any retraction of the first (one ordered thread):
            platform.haltSignal(signal("cmd-op-c2", "tenant:tc1-marker", HaltKind.REDUCE_ONLY, Instant.now(),
                    Instant.now().plusSeconds(120)));
            events.await("signal cmd-op-c2", WAIT);
            assertThat(events.heard()).noneMatch(e -> e.startsWith("retracted cmd-op-c1"));

            EngineReports.Change signalled = reports.awaitApplied(WAIT, "cmd-op-c1", AppliedSource.HALT_SIGNAL);
            assertThat(signalled.report().getEngineVersion()).isEqualTo("9.1");
            assertThat(signalled.applied().getScope()).isEqualTo("tenant:tc1");
            assertThat(signalled.applied().getMode()).isEqualTo("PAUSED");
            assertThat(signalled.applied().getAggregateVersion()).isNull();
            assertThat(signalled.applied().getAppliedAt()).isAfterOrEqualTo(signalled.applied().getReceivedAt());
            EngineReports.Change state = reports.awaitApplied(WAIT, "cmd-op-c1", AppliedSource.STATE);
            assertThat(state.applied().getAggregateVersion()).isEqualTo(3L);
            assertThat(state.applied().getMode()).isEqualTo("PAUSED");
            assertThat(state.report().getStateVersion()).isPositive();
        }
    }

    @Test
    void aSignalNotDecidedByItsDeadlineIsRetractedWithoutAnyRecordArriving() throws Exception {
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        MutableClock clock = new MutableClock(t);
        HaltEvents events = new HaltEvents();
        try (ControlClient client = ready(platform.clientConfig().clock(clock).engineId("eng-deadline"));
             EngineReports reports = new EngineReports(platform, "eng-deadline")) {
            client.addListener(events);
            platform.haltSignal(signal("cmd-d1", "tenant:td1", HaltKind.PAUSE, t, t.plusSeconds(5)));
            Awaiting.until(client, WAIT, "halted by the signal",
                    () -> client.decide("td1", null, null).mode() == ControlMode.PAUSED);

            clock.set(t.plusMillis(4_999));
            assertThat(client.decide("td1", null, null).mode()).as("held until decideBy").isEqualTo(ControlMode.PAUSED);
            clock.set(t.plusSeconds(5));
            String retraction = events.await("retracted cmd-d1", WAIT);
            assertThat(retraction).isEqualTo("retracted cmd-d1 tenant:td1 not decided by " + t.plusSeconds(5));
            Decision after = client.decide("td1", null, null);
            assertThat(after.mode()).isEqualTo(ControlMode.ACTIVE);
            assertThat(after.causes()).isEmpty();
            assertThat(client.health().haltsRetracted()).isPositive();

            ControlApplied retracted = reports.awaitApplied(WAIT, "cmd-d1", AppliedSource.RETRACTION).applied();
            assertThat(retracted.getScope()).isEqualTo("tenant:td1");
            assertThat(retracted.getMode()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void aRejectedCommandsSignalIsRetractedWhenTheRejectionIsSeen() throws Exception {
        Instant now = Instant.now();
        HaltEvents events = new HaltEvents();
        try (ControlClient client = ready(platform.clientConfig())) {
            client.addListener(events);
            platform.haltSignal(signal("cmd-r1", "tenant:tr1", HaltKind.REDUCE_ONLY, now, now.plusSeconds(120)));
            Awaiting.until(client, WAIT, "reduce-only by the signal",
                    () -> client.decide("tr1", null, null).mode() == ControlMode.REDUCE_ONLY);
            assertThat(client.decide("tr1", null, null).mayReduce()).isTrue();

            platform.outcome(outcome("cmd-r1", "tenant:tr1", OutcomeStatus.REJECTED, "FORBIDDEN", null));
            assertThat(events.await("retracted cmd-r1", WAIT))
                    .isEqualTo("retracted cmd-r1 tenant:tr1 rejected: FORBIDDEN not allowed");
            assertThat(client.decide("tr1", null, null).mode()).isEqualTo(ControlMode.ACTIVE);
        }
    }

    @Test
    void anAcceptedOutcomeConfirmsOnceTheStateReachesItsVersionEvenWithoutTheCommandInTheControls() throws Exception {
        Instant now = Instant.now();
        HaltEvents events = new HaltEvents();
        try (ControlClient client = ready(platform.clientConfig())) {
            client.addListener(events);
            // an accepted command that is then lifted again: the state never shows its command id
            platform.outcome(outcome("cmd-a1", "tenant:ta9", OutcomeStatus.ACCEPTED, null, 2L));
            platform.haltSignal(signal("cmd-a1", "tenant:ta9", HaltKind.PAUSE, now, now.plusSeconds(120)));
            Awaiting.until(client, WAIT, "paused by the signal (the state is behind the outcome)",
                    () -> client.decide("ta9", null, null).mode() == ControlMode.PAUSED);
            platform.control(States.active("tenant:ta9", 2), "cmd-resume-a1");
            Awaiting.until(client, WAIT, "the state at the outcome's version confirms the command",
                    () -> client.decide("ta9", null, null).mode() == ControlMode.ACTIVE);
            assertThat(client.decide("ta9", null, null).mode()).isEqualTo(ControlMode.ACTIVE);
            platform.haltSignal(signal("cmd-a2", "tenant:ta9-marker", HaltKind.PAUSE, now, now.plusSeconds(120)));
            events.await("signal cmd-a2", WAIT);
            assertThat(events.heard()).noneMatch(e -> e.startsWith("retracted cmd-a1"));
        }
    }

    @Test
    void aSignalPublishedJustBeforeTheStartCountsAndOneWhoseDecideByPassedDoesNot() throws Exception {
        Instant now = Instant.now();
        platform.haltSignal(signal("cmd-b1", "tenant:tb1", HaltKind.PAUSE, now, now.plusSeconds(120)));
        platform.haltSignal(signal("cmd-b2", "tenant:tb2", HaltKind.PAUSE, now.minusSeconds(10), now.minusSeconds(1)));
        try (ControlClient client = ready(platform.clientConfig())) {
            Awaiting.until(client, WAIT, "the earlier signal applies",
                    () -> client.decide("tb1", null, null).mode() == ControlMode.PAUSED);
            assertThat(client.decide("tb1", null, null).causes().get(0).pending()).isTrue();
            assertThat(client.decide("tb2", null, null).mode()).isEqualTo(ControlMode.ACTIVE);
        }
    }

    @Test
    void aKillSwitchSignalHaltsEverythingAndIsMergedWithTheStateMostRestrictiveFirst() throws Exception {
        Instant now = Instant.now();
        platform.control(States.reduceOnly("symbol:KSWX", 1, "op-k", "thin book", null), "cmd-op-k");
        try (ControlClient client = ready(platform.clientConfig())) {
            assertThat(client.decide("tk1", null, "KSWX").mode()).isEqualTo(ControlMode.REDUCE_ONLY);
            platform.haltSignal(signal("cmd-k1", "global", HaltKind.KILL_SWITCH, now, now.plusSeconds(3)));
            Awaiting.until(client, WAIT, "halted by the kill switch signal",
                    () -> client.decide("tk1", null, "KSWX").mode() == ControlMode.HALTED);
            assertThat(client.decide("tk1", null, "KSWX").causes())
                    .extracting(DecisionCause::kind, DecisionCause::pending)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DecisionCause.Kind.KILL_SWITCH, true),
                            org.assertj.core.groups.Tuple.tuple(DecisionCause.Kind.REDUCE_ONLY, false));
            // not confirmed: retracted after its (wall-clock) decideBy, so the global scope is clean again
            Awaiting.until(client, WAIT, "retracted after decideBy",
                    () -> client.decide("tk1", null, "KSWX").mode() == ControlMode.REDUCE_ONLY);
        }
    }
}
