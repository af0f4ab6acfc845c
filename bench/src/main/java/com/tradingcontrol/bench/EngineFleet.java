package com.tradingcontrol.bench;

import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.ControlClientConfig;
import com.tradingcontrol.client.ControlClientListener;
import com.tradingcontrol.client.Decision;
import com.tradingcontrol.client.DecisionCause;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N simulated engines in this JVM, each a real {@link ControlClient} with an engine id (its own consumers,
 * reporter producer and listener thread), plus the {@link FleetReader} of reports and signals. A
 * {@link FleetProbe} names the scope of the next halt (or retraction); each client's listener and the report
 * consumer tick it off, so one halt yields N per-client decision times and one all-acknowledged time.
 */
final class EngineFleet implements AutoCloseable {

    private final List<ControlClient> clients = new ArrayList<>();
    private final FleetReader reader;
    private final AtomicLong undecidedRetractions = new AtomicLong();
    private volatile FleetProbe current;

    EngineFleet(Platform platform, int engines) throws InterruptedException {
        for (int i = 0; i < engines; i++) {
            String id = "bench-engine-" + i;
            ControlClient client = ControlClient.start(ControlClientConfig.builder()
                    .bootstrapServers(platform.bootstrapServers()).schemaRegistry(platform.registry())
                    .clientId(id).engineId(id).build());
            clients.add(client);
            client.addListener(listener(id));
        }
        for (ControlClient client : clients) {
            if (!client.awaitReady(Duration.ofMinutes(2))) {
                throw new IllegalStateException("an engine client was not ready within 2 minutes: " + client.health());
            }
        }
        reader = new FleetReader(platform, () -> current);
    }

    int size() {
        return clients.size();
    }

    /**
     * Waits until every client decides {@code symbol} from the committed state alone (no pending cause):
     * every client has applied the halt's committed state (its report of that may still be on its way).
     * False after {@code within}.
     */
    boolean awaitCommitted(String symbol, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (ControlClient client : clients) {
            while (!committed(client.decide(null, null, symbol))) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(1);
            }
        }
        return true;
    }

    private static boolean committed(Decision decision) {
        return !decision.causes().isEmpty() && decision.causes().stream().noneMatch(DecisionCause::pending);
    }

    /** Signals the clients retracted because the processors had not decided them by their decideBy, over all clients. */
    long undecidedRetractions() {
        return undecidedRetractions.get();
    }

    /** Measures the next halt (or retraction) on {@code scope}; per-client times go to {@code perClient}. */
    FleetProbe probe(String scope, boolean retraction, Latencies perClient) {
        FleetProbe probe = new FleetProbe(scope, retraction, perClient, clients.size());
        current = probe;
        return probe;
    }

    private ControlClientListener listener(String engineId) {
        // The listener thread hears a signal after decide() already answers it: an upper bound of the decision.
        return new ControlClientListener() {
            @Override
            public void onHaltSignal(String commandId, String scope) {
                FleetProbe p = current;
                if (p != null && !p.retraction && p.scope.equals(scope)) {
                    p.decided(engineId, System.nanoTime());
                }
            }

            @Override
            public void onHaltRetracted(String commandId, String scope, String why) {
                FleetProbe p = current;
                if (p != null && p.retraction && p.scope.equals(scope)) {
                    p.decided(engineId, System.nanoTime());
                }
                if (why.startsWith("not decided")) {
                    undecidedRetractions.incrementAndGet();
                }
            }
        };
    }

    @Override
    public void close() throws InterruptedException {
        reader.close();
        clients.forEach(ControlClient::close);
    }
}
