package com.tradingcontrol.bench;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.signing.CommandSigner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Other commands at a fixed rate while halts are measured: pause/resume on 100 background symbols,
 * produced straight to {@code trading.commands} (so the load is on the processors, the state topic,
 * the projector and the push channel, not on the HTTP client the halts go through).
 */
public final class BackgroundLoad implements AutoCloseable {

    /** Every background command id starts with this, so its outcomes can be told from the measured ones. */
    public static final String COMMAND_ID_PREFIX = "bg-";

    private final KafkaProducer<String, CommandEnvelope> producer;
    private final String topic;
    private final CommandSigner signer;
    private final int perSecond;
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean closed;
    private volatile RuntimeException failure;

    public BackgroundLoad(Platform platform, int perSecond) {
        this.producer = new KafkaProducer<>(KafkaSupport.latencyProducer(platform.bootstrapServers()),
                new StringSerializer(), platform.topics().commands().valueSerde().serializer());
        this.topic = platform.topics().commands().name();
        this.signer = platform.signer();
        this.perSecond = perSecond;
        this.thread = new Thread(this::run, "bench-background-load");
        thread.setDaemon(true);
    }

    public BackgroundLoad start() {
        if (perSecond > 0) {
            thread.start();
        }
        return this;
    }

    private void run() {
        long interval = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        try {
            for (long i = 0; !closed; i++) {
                String scope = "symbol:BG" + (i % 100);
                // Every scope alternates pause/resume, so each command is accepted and changes state.
                boolean pause = (i / 100) % 2 == 0;
                producer.send(new ProducerRecord<>(topic, scope, KafkaSupport.pauseOrResume(signer, COMMAND_ID_PREFIX + i + "-"
                        + System.nanoTime(), scope, pause)));
                sent.incrementAndGet();
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    public long sent() {
        return sent.get();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (thread.isAlive()) {
            thread.join(10_000);
        }
        producer.close();
        if (failure != null) {
            throw new IllegalStateException("background load failed", failure);
        }
    }
}
