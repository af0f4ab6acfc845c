package com.tradingcontrol.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.domain.ControlMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fails closed: the broker stops, and within the lease + 1 s every decision is HALTED with cause
 * STALE; the same broker (same port, same log directory) comes back, decisions recover, and
 * listeners heard both transitions.
 */
@Timeout(240) // seconds; ~20 s observed (a broker start, a stop and a restart)
class ControlClientFailClosedIT extends OnOwnBroker {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @Test
    void everyDecisionIsHaltedWhileTheBrokerIsGoneAndRecoversWhenItIsBack() throws Exception {
        platform.profile("tf1", "pf1", true, 1, "customer-f", null);
        platform.control(States.pause("tenant:tf2", 1, "operator-1", "before the outage", null));
        List<String> transitions = new CopyOnWriteArrayList<>();
        try (ControlClient client = ControlClient.start(platform.clientConfig().lease(LEASE).build())) {
            assertThat(client.awaitReady(StatePlatform.WAIT)).isTrue();
            client.addListener(new ControlClientListener() {
                @Override
                public void onStale(String reason) {
                    transitions.add("stale");
                }

                @Override
                public void onFresh() {
                    transitions.add("fresh");
                }
            });
            assertThat(client.decide("tf1", "pf1", "AAPL").mode()).isEqualTo(ControlMode.ACTIVE);
            int port = platform.broker.port();

            platform.broker.stop();
            long stoppedAt = System.nanoTime();
            Duration bound = LEASE.plusSeconds(1);
            Awaiting.until(client, bound, "HALTED/STALE within the lease + 1 s of the broker stopping",
                    () -> client.decide("tf1", "pf1", "AAPL").mode() == ControlMode.HALTED);
            assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThanOrEqualTo(bound);
            for (String tenant : List.of("tf1", "tf2", "anyone")) {
                Decision decision = client.decide(tenant, null, "MSFT");
                assertThat(decision.mode()).isEqualTo(ControlMode.HALTED);
                assertThat(decision.stale()).isTrue();
                assertThat(decision.mayOpen()).isFalse();
                assertThat(decision.mayReduce()).isFalse();
                assertThat(decision.causes().get(0).kind()).isEqualTo(DecisionCause.Kind.STALE);
                assertThat(decision.causes().get(0).reason()).contains("not confirmed caught up");
            }
            // the last known causes follow the STALE one, for the explanation
            assertThat(client.decide("tf2", null, null).causes()).extracting(DecisionCause::kind)
                    .containsExactly(DecisionCause.Kind.STALE, DecisionCause.Kind.PAUSE);
            assertThat(client.config("risk.maxOpenOrders").stale()).isTrue();
            Awaiting.until(client, Duration.ofSeconds(5), "listeners heard stale", () -> transitions.contains("stale"));

            platform.broker.start();
            assertThat(platform.broker.port()).isEqualTo(port);
            Awaiting.until(client, Duration.ofSeconds(60), "decisions recover once the broker is back",
                    () -> !client.decide("tf1", "pf1", "AAPL").stale());
            assertThat(client.decide("tf1", "pf1", "AAPL").mode()).isEqualTo(ControlMode.ACTIVE);
            assertThat(client.decide("tf2", null, null).mode()).isEqualTo(ControlMode.PAUSED);
            Awaiting.until(client, Duration.ofSeconds(5), "listeners heard stale, then fresh",
                    () -> transitions.equals(List.of("stale", "fresh")));
            assertThat(client.health().pollErrors()).as("outage failures are counted").isPositive();

            platform.control(States.pause("tenant:tf3", 1, "operator-1", "after the outage", null));
            Awaiting.until(client, StatePlatform.WAIT, "reading goes on after the outage",
                    () -> client.decide("tf3", null, null).mode() == ControlMode.PAUSED);
        }
    }
}
