package com.tradingcontrol.domain.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.engines.EngineReport.Applied;
import com.tradingcontrol.domain.engines.EngineReport.Source;
import com.tradingcontrol.domain.engines.Propagation.Decision;
import com.tradingcontrol.domain.engines.Propagation.EngineApplication;
import com.tradingcontrol.domain.engines.Propagation.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Given reports, signals and decisions; when evaluated at an instant; then status and propagation. */
class EngineFleetTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final EngineFleet fleet = new EngineFleet(new FleetSettings(Duration.ofSeconds(3), Duration.ofSeconds(1),
            Duration.ofMinutes(10), 100));

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private void heartbeats(String engine, long fromMillis, long toMillis) {
        for (long t = fromMillis; t <= toMillis; t += 1000) {
            fleet.report(new EngineReport(engine, "e1.0", "c1.0", "host-" + engine, at(t), false, t / 1000, List.of()));
        }
    }

    private void applied(String engine, String commandId, Source source, long appliedMillis) {
        fleet.report(new EngineReport(engine, "e1.0", "c1.0", "host-" + engine, at(appliedMillis), false, 9,
                List.of(new Applied(commandId, "global", source, null, at(appliedMillis - 1), at(appliedMillis),
                        "HALTED"))));
    }

    private void halt(String commandId, long issuedMillis) {
        fleet.halt(new HaltIssued(commandId, "global", "KILL_SWITCH", "op", at(issuedMillis), at(issuedMillis + 2000)));
    }

    private EngineApplication row(Propagation propagation, String engine) {
        return propagation.engines().stream().filter(e -> e.engineId().equals(engine)).findFirst().orElseThrow();
    }

    @Test
    void anEngineIsAliveWhileItsReportsAreNewerThanTheTimeoutAndStaleAfter() {
        heartbeats("e1", 0, 5000);

        assertThat(fleet.engine("e1", at(8000)).orElseThrow().liveness()).isEqualTo(EngineStatus.Liveness.ALIVE);
        EngineStatus stale = fleet.engine("e1", at(8001)).orElseThrow();
        assertThat(stale.liveness()).isEqualTo(EngineStatus.Liveness.STALE);
        assertThat(stale.lastHeartbeat()).isEqualTo(at(5000));
        assertThat(stale.heartbeatAge()).isEqualTo(Duration.ofMillis(3001));
        assertThat(stale.host()).isEqualTo("host-e1");
        assertThat(stale.clientVersion()).isEqualTo("c1.0");
        assertThat(stale.stateVersion()).isEqualTo(5);
    }

    @Test
    void haltAppliedBySignalBeforeTheDecisionIsAppliedWithTimesFromIssueAndDecision() {
        heartbeats("e1", 0, 10_000);
        halt("k1", 5000);
        applied("e1", "k1", Source.HALT_SIGNAL, 5004);
        fleet.decided(new CommandDecided("k1", "global", true, true, at(5030)));
        applied("e1", "k1", Source.STATE, 5040);

        Propagation propagation = fleet.propagation("k1", at(20_000)).orElseThrow();

        assertThat(propagation.halt()).isTrue();
        assertThat(propagation.decision()).isEqualTo(Decision.ACCEPTED);
        assertThat(propagation.sloDeadline()).isEqualTo(at(6000));
        EngineApplication e1 = row(propagation, "e1");
        assertThat(e1.status()).isEqualTo(Status.APPLIED);
        assertThat(e1.aliveAtDecision()).isTrue();
        assertThat(e1.sinceIssued()).isEqualTo(Duration.ofMillis(4));
        assertThat(e1.sinceDecided()).isEqualTo(Duration.ofMillis(-26));
        assertThat(e1.stateAppliedAt()).isEqualTo(at(5040));
        assertThat(propagation.missed()).isEmpty();
        assertThat(propagation.settled()).isTrue();
        assertThat(fleet.engine("e1", at(10_000)).orElseThrow().lastAppliedLag()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void oneReportOfSeveralChangesCountsEachForItsCommandAndTheLastIsTheEnginesLastApplied() {
        heartbeats("e1", 0, 10_000);
        fleet.decided(new CommandDecided("p1", "symbol:A", true, true, at(5000)));
        fleet.decided(new CommandDecided("p2", "symbol:B", true, true, at(5001)));
        fleet.report(new EngineReport("e1", "e1.0", "c1.0", "host-e1", at(5010), false, 12, List.of(
                new Applied("p1", "symbol:A", Source.STATE, 1L, at(5008), at(5009), "PAUSED"),
                new Applied("p2", "symbol:B", Source.STATE, 1L, at(5008), at(5010), "PAUSED"))));

        assertThat(row(fleet.propagation("p1", at(6000)).orElseThrow(), "e1").stateAppliedAt()).isEqualTo(at(5009));
        assertThat(row(fleet.propagation("p2", at(6000)).orElseThrow(), "e1").stateAppliedAt()).isEqualTo(at(5010));
        EngineStatus e1 = fleet.engine("e1", at(6000)).orElseThrow();
        assertThat(e1.lastApplied().commandId()).isEqualTo("p2");
        assertThat(e1.lastAppliedLag()).isEqualTo(Duration.ofMillis(9));
    }

    @Test
    void anEngineThatDoesNotApplyIsPendingUntilTheSloThenMissed() {
        heartbeats("e1", 0, 10_000);
        heartbeats("e2", 0, 10_000);
        halt("k1", 5000);
        applied("e1", "k1", Source.HALT_SIGNAL, 5010);

        assertThat(row(fleet.propagation("k1", at(6000)).orElseThrow(), "e2").status()).isEqualTo(Status.PENDING);
        Propagation later = fleet.propagation("k1", at(6001)).orElseThrow();
        assertThat(row(later, "e2").status()).isEqualTo(Status.MISSED);
        assertThat(later.missed()).containsExactly("e2");
        assertThat(later.settled()).as("undecided").isFalse();
    }

    @Test
    void anEngineKilledBeforeTheHaltIsNotAliveAtTheDecisionButExpectedAndMissed() {
        heartbeats("e1", 0, 3000);
        heartbeats("e2", 0, 20_000);
        halt("k1", 10_000);
        fleet.decided(new CommandDecided("k1", "global", true, true, at(10_020)));
        applied("e2", "k1", Source.HALT_SIGNAL, 10_005);

        Propagation propagation = fleet.propagation("k1", at(12_000)).orElseThrow();

        EngineApplication dead = row(propagation, "e1");
        assertThat(dead.expected()).isTrue();
        assertThat(dead.aliveAtDecision()).isFalse();
        assertThat(dead.status()).isEqualTo(Status.MISSED);
        assertThat(row(propagation, "e2").aliveAtDecision()).isTrue();
    }

    @Test
    void anEngineSilentLongerThanForgetAfterIsNotExpectedAndAnEngineStartedLaterAppliesUnexpected() {
        heartbeats("old", 0, 1000);
        heartbeats("e2", 0, 700_000);
        halt("k1", 700_000);
        fleet.decided(new CommandDecided("k1", "global", true, true, at(700_010)));
        applied("new", "k1", Source.STATE, 705_000);

        Propagation propagation = fleet.propagation("k1", at(710_000)).orElseThrow();

        assertThat(propagation.engines()).extracting(EngineApplication::engineId).containsExactly("e2", "new");
        EngineApplication late = row(propagation, "new");
        assertThat(late.expected()).isFalse();
        assertThat(late.status()).as("not expected, so not late").isEqualTo(Status.APPLIED);
        assertThat(propagation.missed()).containsExactly("e2");
    }

    @Test
    void anEngineThatAppliesAfterTheSloIsLate() {
        heartbeats("e1", 0, 10_000);
        halt("k1", 5000);
        applied("e1", "k1", Source.STATE, 6500);

        assertThat(row(fleet.propagation("k1", at(7000)).orElseThrow(), "e1").status()).isEqualTo(Status.LATE);
    }

    @Test
    void aRejectedHaltIsHoldingUntilRetractedAndNotAppliedIsFine() {
        heartbeats("e1", 0, 10_000);
        heartbeats("e2", 0, 10_000);
        halt("k1", 5000);
        applied("e1", "k1", Source.HALT_SIGNAL, 5003);
        fleet.decided(new CommandDecided("k1", "global", false, false, at(5020)));

        Propagation before = fleet.propagation("k1", at(5100)).orElseThrow();
        assertThat(before.decision()).isEqualTo(Decision.REJECTED);
        assertThat(row(before, "e1").status()).isEqualTo(Status.HOLDING);
        assertThat(row(before, "e2").status()).isEqualTo(Status.NOT_APPLIED);
        assertThat(before.settled()).isFalse();

        applied("e1", "k1", Source.RETRACTION, 5030);
        Propagation after = fleet.propagation("k1", at(9000)).orElseThrow();
        assertThat(row(after, "e1").status()).isEqualTo(Status.RETRACTED);
        assertThat(row(after, "e1").retractedAt()).isEqualTo(at(5030));
        assertThat(after.missed()).isEmpty();
        assertThat(after.settled()).isTrue();
    }

    @Test
    void aControlChangeWithoutSignalIsMeasuredFromItsDecisionAndConfigChangesExpectNoEngine() {
        heartbeats("e1", 0, 10_000);
        fleet.decided(new CommandDecided("r1", "tenant:t1", true, true, at(5000)));
        fleet.decided(new CommandDecided("c1", "config:x", true, true, at(5000)));

        Propagation resume = fleet.propagation("r1", at(6001)).orElseThrow();
        assertThat(resume.halt()).isFalse();
        assertThat(resume.sloDeadline()).isEqualTo(at(6000));
        assertThat(resume.missed()).containsExactly("e1");
        assertThat(fleet.propagation("c1", at(6001)).orElseThrow().engines()).isEmpty();
        assertThat(fleet.trackedCommands()).containsExactly("r1");
    }

    @Test
    void anAcceptedNoOpHaltExpectsNoEngineButShowsWhoAppliedTheSignal() {
        heartbeats("e1", 0, 10_000);
        heartbeats("e2", 0, 10_000);
        halt("k2", 5000);
        applied("e1", "k2", Source.HALT_SIGNAL, 5004);
        fleet.decided(new CommandDecided("k2", "global", true, false, at(5020)));

        Propagation propagation = fleet.propagation("k2", at(9000)).orElseThrow();

        assertThat(propagation.engines()).extracting(EngineApplication::engineId).containsExactly("e1");
        assertThat(propagation.missed()).isEmpty();
        assertThat(fleet.signalled("k2")).isTrue();
        assertThat(fleet.signalled("other")).isFalse();
    }

    @Test
    void inputsInAnyOrderGiveTheSamePropagation() {
        applied("e1", "k1", Source.HALT_SIGNAL, 5004);
        fleet.decided(new CommandDecided("k1", "global", true, true, at(5030)));
        halt("k1", 5000);
        heartbeats("e1", 0, 10_000);

        EngineApplication e1 = row(fleet.propagation("k1", at(20_000)).orElseThrow(), "e1");
        assertThat(e1.status()).isEqualTo(Status.APPLIED);
        assertThat(e1.aliveAtDecision()).isTrue();
        assertThat(e1.sinceIssued()).isEqualTo(Duration.ofMillis(4));
    }

    @Test
    void anUnknownCommandHasNoPropagationAndOldCommandsAreForgottenFirst() {
        EngineFleet small = new EngineFleet(new FleetSettings(Duration.ofSeconds(3), Duration.ofSeconds(1),
                Duration.ofMinutes(10), 2));
        small.halt(new HaltIssued("a", "global", "PAUSE", "op", at(0), at(2000)));
        small.halt(new HaltIssued("b", "global", "PAUSE", "op", at(1), at(2001)));
        small.halt(new HaltIssued("c", "global", "PAUSE", "op", at(2), at(2002)));

        assertThat(small.propagation("nope", at(0))).isEmpty();
        assertThat(small.propagation("a", at(0))).isEmpty();
        assertThat(small.halts(at(5))).extracting(Propagation::commandId).containsExactly("b", "c");
    }
}
