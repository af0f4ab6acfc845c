package com.tradingcontrol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.schemas.topics.TopicNames;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EngineReportType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Heartbeats on {@code trading.engine-reports}, and reporting never holding up decide(): the
 * broker is stopped while an engine keeps deciding (one test stops the broker, so it runs last).
 */
@Timeout(240) // seconds per test; the outage test waits for the producer's delivery timeout (5 s)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class EngineReportsIT extends OnOwnBroker {

    private static final Duration WAIT = StatePlatform.WAIT;

    @Test
    @org.junit.jupiter.api.Order(1)
    void heartbeatsArriveAboutEveryIntervalWithTheEnginesIdentity() throws Exception {
        try (ControlClient client = ControlClient.start(platform.clientConfig().engineId("eng-hb-1")
                .engineVersion("4.2.0").host("rack-7").heartbeatInterval(Duration.ofMillis(200)).build());
             EngineReports reports = new EngineReports(platform, "eng-hb-1")) {
            assertThat(client.awaitReady(WAIT)).isTrue();
            long version = client.health().viewVersion();
            List<EngineReport> seen = reports.until(WAIT, "eight fresh heartbeats",
                    rs -> rs.stream().filter(r -> !r.getStale()).count() >= 8);
            List<EngineReport> fresh = seen.stream().filter(r -> !r.getStale()).toList();
            assertThat(fresh).allSatisfy(r -> {
                assertThat(r.getType()).isEqualTo(EngineReportType.HEARTBEAT);
                assertThat(r.getEngineId()).isEqualTo("eng-hb-1");
                assertThat(r.getEngineVersion()).isEqualTo("4.2.0");
                assertThat(r.getHost()).isEqualTo("rack-7");
                assertThat(r.getApplied()).isNull();
                assertThat(r.getAlsoApplied()).isEmpty();
                assertThat(r.getStateVersion()).isEqualTo(version);
            });
            // about every interval: 7 gaps between the first and the eighth fresh heartbeat
            long span = Duration.between(fresh.get(0).getSentAt(), fresh.get(7).getSentAt()).toMillis();
            assertThat(span).as("7 gaps of ~200 ms").isBetween(7 * 100L, 7 * 600L);
            assertThat(client.health().reportsSent()).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aStaleClientSaysSoInItsHeartbeats() throws Exception {
        platform.garbage(TopicNames.CONTROL_STATE, "tenant:tbad"); // fails the client closed until replaced
        try (ControlClient client = ControlClient.start(platform.clientConfig().engineId("eng-hb-2")
                .heartbeatInterval(Duration.ofMillis(100)).build());
             EngineReports reports = new EngineReports(platform, "eng-hb-2")) {
            assertThat(client.awaitReady(WAIT)).isTrue();
            assertThat(client.isStale()).isTrue();
            long staleVersion = client.health().viewVersion();
            reports.until(WAIT, "a stale heartbeat after the catch-up",
                    rs -> rs.stream().anyMatch(r -> r.getStale() && r.getStateVersion() == staleVersion));
            platform.controlTombstone(Scope.parse("tenant:tbad"));
            Awaiting.until(client, WAIT, "fresh once the record is replaced", () -> !client.isStale());
            List<EngineReport> seen = reports.until(WAIT, "a fresh heartbeat",
                    rs -> rs.stream().anyMatch(r -> !r.getStale()));
            assertThat(seen.stream().filter(r -> !r.getStale()).findFirst().orElseThrow().getStateVersion())
                    .isGreaterThan(staleVersion);
        }
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aBrokerOutageNeverBlocksDecideAndFailedReportsAreCounted() throws Exception {
        platform.control(States.pause("tenant:to1", 1, "op-o", "before the outage", null));
        try (ControlClient client = ControlClient.start(platform.clientConfig().engineId("eng-outage")
                .heartbeatInterval(Duration.ofMillis(100)).lease(Duration.ofSeconds(30)).build())) {
            assertThat(client.awaitReady(WAIT)).isTrue();
            Awaiting.until(client, WAIT, "reports flowing", () -> client.health().reportsSent() > 0);
            platform.broker.stop();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (client.health().reportFailures() == 0) {
                // decide() keeps answering from memory while the reporter fails: 20,000 calls per round
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    for (int i = 0; i < 20_000; i++) {
                        assertThat(client.decide("to1", null, "AAPL").mode()).isEqualTo(ControlMode.PAUSED);
                    }
                });
                assertThat(System.nanoTime()).as("report failures counted within 60 s").isLessThan(deadline);
            }
            assertThat(client.health().readerAlive()).isTrue();
            assertThat(client.decide("to1", null, "AAPL").stale()).as("within the 30 s lease").isFalse();
        }
    }
}
