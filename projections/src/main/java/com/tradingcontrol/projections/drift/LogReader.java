package com.tradingcontrol.projections.drift;

import com.tradingcontrol.projections.projector.ProjectorLoops;
import com.tradingcontrol.projections.projector.ProjectorTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every committed record of the events and audit topics from offset 0 up to the end offsets
 * seen when it starts, in partition order, without joining a consumer group.
 */
public final class LogReader implements EventLog {

    private final ProjectorLoops loops;
    private final Duration timeout;

    public LogReader(ProjectorLoops loops, Duration timeout) {
        this.loops = loops;
        this.timeout = timeout;
    }

    /** Feeds each record to {@code sink}; returns the end offsets it read up to. */
    @Override
    public Map<TopicPartition, Long> readAll(Consumer<ConsumerRecord<String, byte[]>> sink) {
        ProjectorTopics topics = loops.topics();
        try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer = loops.standaloneConsumer()) {
            List<TopicPartition> partitions = ProjectorLoops.partitions(consumer, topics);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read the log up to " + end + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(sink);
            }
            return end;
        }
    }

    private static boolean reached(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
                                   Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
