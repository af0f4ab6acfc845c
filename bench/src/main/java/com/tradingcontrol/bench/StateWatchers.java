package com.tradingcontrol.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.schemas.avro.ControlState;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The two push-style observers of a control change: a {@code /ws/trading} websocket client and a
 * plain read_committed Kafka consumer of {@code trading.control-state}. Each completes the pending
 * operation's future the moment it sees the state that shows the change.
 */
public final class StateWatchers implements AutoCloseable {

    /** What an observer is waiting for right now (one operation at a time). */
    private record Pending(HaltOp op, CompletableFuture<Long> ws, CompletableFuture<Long> topic,
                           AtomicLong stateTimestampMs) {}

    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final WebSocket socket;
    private final KafkaConsumer<String, ControlState> consumer;
    private final Thread consumerThread;
    private volatile boolean closed;
    private volatile Exception consumerFailure;

    public StateWatchers(Platform platform, String wsToken) {
        this.socket = openSocket(platform, wsToken);
        this.consumer = new KafkaConsumer<>(KafkaSupport.committedReader(platform.bootstrapServers()),
                new StringDeserializer(), platform.topics().controlState().valueSerde().deserializer());
        KafkaSupport.assignAtEnd(consumer, platform.topics().controlState().name());
        this.consumerThread = new Thread(this::pollLoop, "bench-state-topic-watcher");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    /** Arms both observers for {@code op}; returns the (websocket, topic) arrival futures in nanoTime. */
    public CompletableFuture<Long>[] expect(HaltOp op) {
        Pending p = new Pending(op, new CompletableFuture<>(), new CompletableFuture<>(), new AtomicLong(-1));
        pending.set(p);
        @SuppressWarnings("unchecked")
        CompletableFuture<Long>[] both = new CompletableFuture[] {p.ws(), p.topic()};
        return both;
    }

    /** Epoch ms the processors stamped on the state record that showed the pending change (-1: not seen). */
    public long stateTimestampMs() {
        Pending p = pending.get();
        return p == null ? -1 : p.stateTimestampMs().get();
    }

    private WebSocket openSocket(Platform platform, String token) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                long now = System.nanoTime();
                partial.append(data);
                if (last) {
                    onPush(partial.toString(), now);
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
        URI uri = URI.create("ws://127.0.0.1:" + platform.api().port() + "/ws/trading");
        return new Http(platform.api().baseUrl()).client().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, listener).join();
    }

    private void onPush(String text, long now) {
        Pending p = pending.get();
        if (p == null || p.ws().isDone()) {
            return;
        }
        try {
            JsonNode state = Http.JSON.readTree(text).path("payload");
            if (p.op().shownBy(state.path("scope").asText(), state.path("mode").asText(),
                    state.path("killSwitch").asBoolean())) {
                p.ws().complete(now);
            }
        } catch (IOException e) {
            p.ws().completeExceptionally(e);
        }
    }

    private void pollLoop() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, ControlState> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Pending p = pending.get();
                    ControlState s = r.value();
                    if (p != null && s != null && !p.topic().isDone()
                            && p.op().shownBy(s.getScope(), s.getMode().name(), s.getKillSwitch())) {
                        // The processors stamp the record with their clock when they decide the command.
                        p.stateTimestampMs().set(r.timestamp());
                        p.topic().complete(now);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            if (!closed) {
                consumerFailure = e;
            }
        } catch (RuntimeException e) {
            consumerFailure = e;
            Pending p = pending.get();
            if (p != null) {
                p.topic().completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        consumerThread.join(10_000);
        consumer.close();
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").join();
        }
        if (consumerFailure != null) {
            throw new IllegalStateException("state-topic watcher failed", consumerFailure);
        }
    }
}
