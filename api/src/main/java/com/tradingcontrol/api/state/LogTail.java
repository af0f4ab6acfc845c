package com.tradingcontrol.api.state;

import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that feeds an {@link EventLogIndex}: reads {@code trading.events} from the beginning
 * (read_committed, as {@link LogSource} consumers do) and hands each batch to the index. The
 * partitions are those the topic has when the tail starts. If the thread ends for any other reason
 * than {@link #close()}, the index's {@link com.tradingcontrol.api.health.ReadPath} records it: one
 * ERROR, readiness DOWN naming the thread and the cause (queries still answer, from Kafka).
 */
final class LogTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogTail.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final LogSource log;
    private final EventLogIndex index;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;

    LogTail(LogSource log, EventLogIndex index) {
        this.log = log;
        this.index = index;
        this.thread = new Thread(this::run, EventLogIndex.THREAD);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try (Consumer<String, byte[]> c = log.consumer("state-index")) {
            consumer = c;
            Deserializer<EventEnvelope> decoder = log.eventDeserializer();
            List<TopicPartition> partitions = awaitPartitions(c);
            Map<TopicPartition, Long> begin = c.beginningOffsets(partitions, log.timeout());
            c.seekToBeginning(partitions);
            index.begin(begin);
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                if (!records.isEmpty()) {
                    index.fold(records, decoder);
                }
                index.advance(reached(c, partitions));
            }
        } catch (RuntimeException | Error e) {
            if (running) {
                // The index is a cache of the log: queries still work (slowly, from Kafka), but it no longer follows.
                index.path().stopped(e);
            } else {
                LOG.debug("event log index stopped", e);
            }
        }
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> c) {
        while (running) {
            try {
                List<TopicPartition> partitions = log.assignAll(c, log.eventsTopic());
                if (!partitions.isEmpty()) {
                    return partitions;
                }
            } catch (TimeoutException e) {
                // Kafka not reachable yet (e.g. starting together with this API): wait for it, not stop for good.
                LOG.warn("event log index: {} not readable yet, retrying: {}", log.eventsTopic(), e.getMessage());
            }
            sleep(Duration.ofMillis(500));
        }
        throw new WakeupException();
    }

    /**
     * Where the consumer is, past the transaction markers and aborted records after the last event
     * it returned: with transactional producers a partition ends in a marker, and without this the
     * index would never look caught up with the log's end, so every query would also read Kafka.
     */
    private static Map<TopicPartition, Long> reached(Consumer<String, byte[]> c, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> reached = new HashMap<>();
        for (TopicPartition tp : partitions) {
            try {
                reached.put(tp, c.position(tp, POLL));
            } catch (TimeoutException e) {
                // Only before the first fetch of a partition (its start offset not looked up yet, broker slow or
                // away): its position stays where the folded events put it, and the next poll tries again.
                LOG.debug("position of {} not known yet", tp, e);
            }
        }
        return reached;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
