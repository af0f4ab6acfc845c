package com.tradingcontrol.api.reads;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * A few idle consumers kept for short reads such as time-travel queries. A new KafkaConsumer costs
 * connections and a metadata round trip, which dominated a query; a KafkaConsumer is not
 * thread-safe, so each is lent to one caller at a time. Kafka offers no pool, hence this one.
 */
final class ConsumerPool implements AutoCloseable {

    private final Supplier<Consumer<String, byte[]>> factory;
    private final BlockingDeque<Consumer<String, byte[]>> idle;
    private volatile boolean closed;

    ConsumerPool(Supplier<Consumer<String, byte[]>> factory, int maxIdle) {
        if (maxIdle < 1) {
            throw new IllegalArgumentException("maxIdle must be >= 1: " + maxIdle);
        }
        this.factory = factory;
        this.idle = new LinkedBlockingDeque<>(maxIdle);
    }

    /**
     * Runs {@code work} with a consumer of its own (idle or new). The consumer comes without
     * assignment; work assigns what it reads. A consumer whose work failed is closed, not reused,
     * because its state is unknown. After {@link #close()} every consumer is closed after its work,
     * so a late query during shutdown still works, just without reuse.
     */
    <T> T withConsumer(Function<Consumer<String, byte[]>, T> work) {
        Consumer<String, byte[]> consumer = idle.pollFirst();
        if (consumer == null) {
            consumer = factory.get();
        }
        boolean reusable = false;
        try {
            T result = work.apply(consumer);
            reusable = true;
            return result;
        } finally {
            release(consumer, reusable);
        }
    }

    int idleCount() {
        return idle.size();
    }

    private void release(Consumer<String, byte[]> consumer, boolean reusable) {
        if (reusable && !closed) {
            // Next user starts clean: nothing paused (LogRange pauses finished partitions), nothing assigned.
            consumer.resume(consumer.paused());
            consumer.unsubscribe();
            if (idle.offerFirst(consumer)) {
                if (closed) {
                    closeIdle();
                }
                return;
            }
        }
        consumer.close();
    }

    private void closeIdle() {
        Consumer<String, byte[]> consumer;
        while ((consumer = idle.pollFirst()) != null) {
            consumer.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }
}
