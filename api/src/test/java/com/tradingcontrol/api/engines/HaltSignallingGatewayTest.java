package com.tradingcontrol.api.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.api.ports.InMemoryCommandGateway;
import com.tradingcontrol.schemas.avro.HaltKind;
import com.tradingcontrol.schemas.avro.HaltSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** The fast halt path in front of the command bus: what is signalled, and that a failed signal costs the command nothing. */
class HaltSignallingGatewayTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final Serializer<HaltSignal> IGNORED = (topic, value) -> new byte[0];
    private final MetricRegistry metrics = new MetricRegistry();
    private final InMemoryCommandGateway commands = new InMemoryCommandGateway();

    private static CommandRequest request(String id, String aggregate, CommandPayload payload) {
        return new CommandRequest(id, aggregate, payload, new Caller("op-1", null, Set.of("operator")), "rid-" + id,
                null, AT);
    }

    private HaltSignallingGateway gateway(MockProducer<String, HaltSignal> producer, ExecutorService sender) {
        return new HaltSignallingGateway(commands, new HaltSignalPublisher(producer, "trading.halt-signals",
                Duration.ofSeconds(2), sender, metrics));
    }

    private static ExecutorService direct() {
        return new java.util.concurrent.AbstractExecutorService() {
            public void execute(Runnable command) { command.run(); }
            public void shutdown() {}
            public List<Runnable> shutdownNow() { return List.of(); }
            public boolean isShutdown() { return false; }
            public boolean isTerminated() { return false; }
            public boolean awaitTermination(long timeout, TimeUnit unit) { return true; }
        };
    }

    @Test
    void restrictionsAreSignalledKeyedByScopeAndEveryCommandIsSubmitted() {
        var producer = new MockProducer<>(true, null, new org.apache.kafka.common.serialization.StringSerializer(), IGNORED);
        var gateway = gateway(producer, direct());

        gateway.submit(request("p", "tenant:t1", new CommandPayload.PauseTrading("tenant:t1", "risk", AT.plusSeconds(60))));
        gateway.submit(request("k", "global", new CommandPayload.EngageKillSwitch("drill")));
        gateway.submit(request("m", "global", new CommandPayload.SetMaintenanceMode(true, "m", "r")));
        gateway.submit(request("r", "symbol:AAA", new CommandPayload.SetReduceOnly("symbol:AAA", "r", null)));
        gateway.submit(request("off", "global", new CommandPayload.SetMaintenanceMode(false, null, "r")));
        gateway.submit(request("res", "tenant:t1", new CommandPayload.ResumeTrading("tenant:t1", "r")));
        gateway.submit(request("rel", "global", new CommandPayload.ReleaseKillSwitch("r")));
        gateway.submit(request("lift", "symbol:AAA", new CommandPayload.LiftReduceOnly("symbol:AAA", "r")));
        gateway.submit(request("cfg", "config:x", new CommandPayload.UpdateConfig("x", true, "r")));

        assertThat(commands.all()).hasSize(9);
        assertThat(producer.history()).extracting(r -> r.value().getCommandId()).containsExactly("p", "k", "m", "r");
        assertThat(producer.history()).extracting(r -> r.key()).containsExactly("tenant:t1", "global", "global", "symbol:AAA");
        HaltSignal pause = producer.history().get(0).value();
        assertThat(pause.getKind()).isEqualTo(HaltKind.PAUSE);
        assertThat(pause.getRequestId()).isEqualTo("rid-p");
        assertThat(pause.getIssuedAt()).isEqualTo(AT);
        assertThat(pause.getDecideBy()).isEqualTo(AT.plusSeconds(2));
        assertThat(pause.getExpiresAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(metrics.counter(HaltSignalPublisher.PUBLISHED_METRIC).getCount()).isEqualTo(4);
    }

    @Test
    void aSignalKafkaRefusesIsCountedAndTheCommandStillGoesThrough() {
        var producer = new MockProducer<>(false, null, new org.apache.kafka.common.serialization.StringSerializer(), IGNORED);
        var gateway = gateway(producer, direct());

        var submitted = gateway.submit(request("k", "global", new CommandPayload.EngageKillSwitch("drill")));
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));

        assertThat(submitted.toCompletableFuture()).isCompleted();
        assertThat(commands.submitted("k")).isPresent();
        assertThat(metrics.counter(HaltSignalPublisher.FAILED_METRIC).getCount()).isEqualTo(1);
    }

    @Test
    void aSenderThatCannotTakeTheSignalIsCountedAndTheCommandStillGoesThrough() {
        var producer = new MockProducer<>(true, null, new org.apache.kafka.common.serialization.StringSerializer(), IGNORED);
        ExecutorService full = new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new java.util.concurrent.SynchronousQueue<>()) {
            @Override
            public void execute(Runnable command) {
                throw new RejectedExecutionException("queue full");
            }
        };

        gateway(producer, full).submit(request("k", "global", new CommandPayload.EngageKillSwitch("drill")));

        assertThat(commands.submitted("k")).isPresent();
        assertThat(producer.history()).isEmpty();
        assertThat(metrics.counter(HaltSignalPublisher.FAILED_METRIC).getCount()).isEqualTo(1);
        full.shutdown();
    }

    @Test
    void everySignalIsSentByTheSenderThreadNeverByTheRequestThread() {
        // A send can block for max.block.ms when the producer has lost the topic's metadata (a broker
        // outage): the request thread must only hand the signal over, the first time and every time.
        var producer = new MockProducer<>(true, null, new org.apache.kafka.common.serialization.StringSerializer(), IGNORED);
        List<Runnable> handedOver = new java.util.ArrayList<>();
        ExecutorService queued = new java.util.concurrent.AbstractExecutorService() {
            public void execute(Runnable command) { handedOver.add(command); }
            public void shutdown() {}
            public List<Runnable> shutdownNow() { return List.of(); }
            public boolean isShutdown() { return false; }
            public boolean isTerminated() { return false; }
            public boolean awaitTermination(long timeout, TimeUnit unit) { return true; }
        };
        var gateway = gateway(producer, queued);

        gateway.submit(request("first", "global", new CommandPayload.EngageKillSwitch("drill")));
        handedOver.forEach(Runnable::run);
        gateway.submit(request("second", "global", new CommandPayload.EngageKillSwitch("drill")));

        assertThat(handedOver).as("both handed to the sender thread").hasSize(2);
        assertThat(producer.history()).extracting(r -> r.value().getCommandId()).containsExactly("first");
        handedOver.get(1).run();
        assertThat(producer.history()).extracting(r -> r.value().getCommandId()).containsExactly("first", "second");
    }
}
