package com.tradingcontrol.projections.drift;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** The log a drift check folds: every record of the events and audit topics, from the start. */
public interface EventLog {

    /** Feeds each record to {@code sink}, in order within each partition; returns the end offsets read up to. */
    Map<TopicPartition, Long> readAll(Consumer<ConsumerRecord<String, byte[]>> sink);
}
