package com.tradingcontrol.api.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.api.ws.ControlChangeMessage;
import com.tradingcontrol.domain.engines.EngineFleet;
import com.tradingcontrol.domain.engines.FleetSettings;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EngineReportType;
import com.tradingcontrol.schemas.avro.HaltKind;
import com.tradingcontrol.schemas.avro.HaltSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Pushes follow changes, including those that only time makes, once each, and none for the start-up history. */
class EnginesMonitorTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private final MutableClock clock = new MutableClock();
    private final List<ControlChangeMessage> pushed = new ArrayList<>();
    private final MetricRegistry metrics = new MetricRegistry();
    private final EnginesMonitor monitor = new EnginesMonitor(new EngineFleet(new FleetSettings(Duration.ofSeconds(3),
            Duration.ofSeconds(1), Duration.ofMinutes(10), 100)), clock, pushed::add, new ObjectMapper(), metrics);

    private static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static EngineReport heartbeat(String engine, Instant at) {
        return EngineReport.newBuilder().setEngineId(engine).setSentAt(at).setType(EngineReportType.HEARTBEAT).build();
    }

    private List<String> types() {
        return pushed.stream().map(m -> m.type() + ":" + m.payload().path("engineId").asText(
                m.payload().path("commandId").asText())).toList();
    }

    @Test
    void anEngineIsPushedWhenItAppearsAndWhenItGoesStaleButNotPerHeartbeat() {
        monitor.onReport(heartbeat("e1", T0));
        monitor.tick();
        clock.now = T0.plusSeconds(2);
        monitor.onReport(heartbeat("e1", T0.plusSeconds(2)));
        monitor.tick();
        clock.now = T0.plusSeconds(6);
        monitor.tick();
        monitor.tick();

        assertThat(types()).containsExactly("engine-status:e1", "engine-status:e1");
        assertThat(pushed.get(1).payload().path("status").asText()).isEqualTo("STALE");
        assertThat(metrics.getGauges().get(EnginesMonitor.STALE_METRIC).getValue()).isEqualTo(1);
    }

    @Test
    void aHaltIsPushedWhenSignalledAndAgainWhenAnEngineMissesItAtTheDeadline() {
        monitor.onReport(heartbeat("e1", T0));
        monitor.onSignal(HaltSignal.newBuilder().setCommandId("k1").setScope("global").setKind(HaltKind.KILL_SWITCH)
                .setActor("op").setIssuedAt(T0).setDecideBy(T0.plusSeconds(2)).build());
        monitor.onOutcome(new Outcome("k1", "global", Outcome.Status.ACCEPTED, null, null, 1L, List.of("ev1"),
                T0.plusMillis(20)));
        monitor.tick();
        monitor.tick();
        clock.now = T0.plusMillis(1001);
        monitor.onReport(heartbeat("e1", clock.now));
        monitor.tick();
        monitor.tick();

        assertThat(types()).containsExactly("engine-status:e1", "propagation:k1", "propagation:k1");
        assertThat(pushed.get(2).payload().path("missed").toString()).contains("e1");
        assertThat(monitor.flags().missedHalts()).containsKey("k1");
    }

    @Test
    void anEngineReadAfterAHaltItWasAliveForIsAddedToTheHaltInFlightBeforeItsDeadline() {
        monitor.onReport(heartbeat("e1", T0));
        monitor.onSignal(HaltSignal.newBuilder().setCommandId("k2").setScope("global").setKind(HaltKind.KILL_SWITCH)
                .setActor("op").setIssuedAt(T0.plusMillis(10)).setDecideBy(T0.plusSeconds(2)).build());
        monitor.tick();
        clock.now = T0.plusMillis(200);
        // e2 reported before the halt was issued; its report is read only now (another topic, another follower)
        monitor.onReport(heartbeat("e2", T0));
        monitor.tick();

        assertThat(types()).containsExactly("engine-status:e1", "propagation:k2", "engine-status:e2", "propagation:k2");
        assertThat(pushed.get(3).payload().path("engines").findValuesAsText("engineId")).containsExactly("e1", "e2");
    }

    @Test
    void nothingIsPushedWhileTheStartUpHistoryIsReadAndOnlyNewsAfterwards() {
        AtomicBoolean caughtUp = new AtomicBoolean(false);
        monitor.pushOnlyOnce(caughtUp::get);
        monitor.onReport(heartbeat("e1", T0));
        monitor.tick();
        caughtUp.set(true);
        monitor.tick();
        monitor.onReport(heartbeat("e2", T0));
        monitor.tick();

        assertThat(types()).containsExactly("engine-status:e2");
    }

    @Test
    void everyChangeOfAHaltIsKeptAsEvidenceAndAFailedWriteIsRetried() {
        java.util.Map<String, com.fasterxml.jackson.databind.node.ObjectNode> kept = new java.util.HashMap<>();
        AtomicBoolean storeUp = new AtomicBoolean(false);
        monitor.keepEvidence(new PropagationEvidence() {
            @Override
            public void keep(String commandId, com.fasterxml.jackson.databind.node.ObjectNode propagation) {
                if (!storeUp.get()) {
                    throw new IllegalStateException("store away");
                }
                kept.put(commandId, propagation);
            }

            @Override
            public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> find(String commandId) {
                return java.util.Optional.ofNullable(kept.get(commandId));
            }
        }, T0.minusSeconds(1), metrics);
        monitor.onReport(heartbeat("e1", T0));
        monitor.onSignal(HaltSignal.newBuilder().setCommandId("k1").setScope("global").setKind(HaltKind.PAUSE)
                .setActor("op").setIssuedAt(T0).setDecideBy(T0.plusSeconds(2)).build());
        monitor.tick();
        clock.now = T0.plusMillis(1001);
        storeUp.set(true);
        monitor.tick();

        assertThat(metrics.counter(EvidenceKeeper.FAILED_METRIC).getCount()).isEqualTo(1);
        assertThat(monitor.evidence("k1")).hasValueSatisfying(doc ->
                assertThat(doc.path("missed").toString()).contains("e1"));
    }

    @Test
    void anUnusableReportIsCountedAndSkipped() {
        monitor.onReport(EngineReport.newBuilder().setEngineId("bad").setSentAt(T0).setType(EngineReportType.APPLIED).build());

        assertThat(metrics.counter(EnginesMonitor.UNUSABLE_METRIC).getCount()).isEqualTo(1);
        assertThat(monitor.engines()).isEmpty();
    }
}
