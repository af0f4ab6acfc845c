package com.tradingcontrol.client.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.topics.TopicNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Positioning the fast-path topics must leave the state topics where the reader put them (at their
 * beginning). A regression: when every fast-path partition had a record within the look-back, the
 * empty "rest to the end" list went to {@code seekToEnd}, which Kafka reads as every assigned
 * partition, and a client started after the last change saw none of the state written before it.
 */
class FastPathTopicsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T05:00:00Z"), ZoneOffset.UTC);
    private static final TopicPartition STATE = new TopicPartition(TopicNames.CONTROL_STATE, 0);
    private static final TopicPartition SIGNALS = new TopicPartition(TopicNames.HALT_SIGNALS, 0);
    private static final TopicPartition OUTCOMES = new TopicPartition(TopicNames.COMMAND_OUTCOMES, 0);

    @Test
    void withEveryFastPartitionInsideTheLookBackTheStateTopicsStayAtTheirBeginning() {
        MockConsumer<String, byte[]> consumer = new FastPathConsumer(Map.of(SIGNALS, 7L, OUTCOMES, 40L));

        FastPathTopics.seek(consumer, List.of(SIGNALS, OUTCOMES), CLOCK, Duration.ofSeconds(30), Duration.ofSeconds(1));

        assertThat(consumer.position(STATE)).isZero();
        assertThat(consumer.position(SIGNALS)).isEqualTo(7);
        assertThat(consumer.position(OUTCOMES)).isEqualTo(40);
    }

    @Test
    void aFastPartitionWithNothingInsideTheLookBackStartsAtItsEnd() {
        MockConsumer<String, byte[]> consumer = new FastPathConsumer(Map.of(OUTCOMES, 40L));

        FastPathTopics.seek(consumer, List.of(SIGNALS, OUTCOMES), CLOCK, Duration.ofSeconds(30), Duration.ofSeconds(1));

        assertThat(consumer.position(STATE)).isZero();
        assertThat(consumer.position(SIGNALS)).isEqualTo(100);
        assertThat(consumer.position(OUTCOMES)).isEqualTo(40);
    }

    /** A consumer of three partitions of 100 records each, answering offsetsForTimes from {@code found}. */
    private static final class FastPathConsumer extends MockConsumer<String, byte[]> {
        private final Map<TopicPartition, Long> found;

        FastPathConsumer(Map<TopicPartition, Long> found) {
            super(OffsetResetStrategy.EARLIEST);
            this.found = found;
            List<TopicPartition> all = List.of(STATE, SIGNALS, OUTCOMES);
            assign(all);
            updateBeginningOffsets(Map.of(STATE, 0L, SIGNALS, 0L, OUTCOMES, 0L));
            updateEndOffsets(Map.of(STATE, 100L, SIGNALS, 100L, OUTCOMES, 100L));
            seekToBeginning(all);
        }

        /** As KafkaConsumer documents it (MockConsumer does not): no partitions means every assigned one. */
        @Override
        public synchronized void seekToEnd(java.util.Collection<TopicPartition> partitions) {
            super.seekToEnd(partitions.isEmpty() ? assignment() : partitions);
        }

        @Override
        public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                Map<TopicPartition, Long> timestamps, Duration timeout) {
            Map<TopicPartition, OffsetAndTimestamp> answer = new java.util.HashMap<>();
            timestamps.keySet().forEach(p -> {
                if (found.containsKey(p)) {
                    answer.put(p, new OffsetAndTimestamp(found.get(p), timestamps.get(p)));
                } else {
                    answer.put(p, null);
                }
            });
            return answer;
        }
    }
}
