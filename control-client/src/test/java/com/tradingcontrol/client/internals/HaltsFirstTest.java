package com.tradingcontrol.client.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.codec.ControlStateMapper;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.HaltKind;
import com.tradingcontrol.schemas.avro.HaltSignal;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerializer;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A poll that returns a halt signal together with state records swaps the halt overlay in before the
 * batch's state is published (indexed, announced, reported), so the halt never waits for that work.
 */
class HaltsFirstTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry, false);

    @Test
    void aHaltSignalIsAppliedBeforeTheStateRecordsPolledWithIt() throws Exception {
        MockConsumer<String, byte[]> consumer = new Topics();
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch stateOfBatch = new CountDownLatch(1);
        Instant now = Instant.now();
        StateReader reader = new StateReader(consumer, new RecordDecoder(registry),
                new Lease(Duration.ofSeconds(5).toNanos(), System::nanoTime), ReaderTimings.forLease(Duration.ofSeconds(5)),
                (snapshot, changes) -> {
                    if (!changes.scopes().isEmpty()) {
                        order.add("state " + changes.scopes());
                        stateOfBatch.countDown();
                    }
                }, ready::countDown,
                new StateReader.FastPath(new FastHalts(registry), Clock.systemUTC(), Duration.ofMinutes(1),
                        changes -> changes.applied().forEach(h -> order.add("halt " + h.scope()))));
        Thread thread = new Thread(reader, "halts-first-reader");
        thread.start();
        try {
            assertThat(ready.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("reader caught up").isTrue();
            consumer.schedulePollTask(() -> {
                consumer.addRecord(record(TopicNames.CONTROL_STATE, "symbol:AAA", state(now)));
                consumer.addRecord(record(TopicNames.HALT_SIGNALS, "symbol:BBB", signal(now)));
            });

            assertThat(stateOfBatch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("batch published").isTrue();
            assertThat(order).containsExactly("halt symbol:BBB", "state [symbol:AAA]");
        } finally {
            reader.stop(WAIT);
            thread.join(WAIT.toMillis());
        }
    }

    private ConsumerRecord<String, byte[]> record(String topic, String key, SpecificRecord value) {
        return new ConsumerRecord<>(topic, 0, 0, key, serializer.serialize(topic, value));
    }

    private static SpecificRecord state(Instant at) {
        Provenance by = new Provenance("op", at, "cmd-state", "pause");
        ControlState paused = new ControlState(Scope.symbol("AAA"), 1, new ControlState.Pause(by, null), null, null);
        return ControlStateMapper.toAvro(paused, by, "cmd-state:0");
    }

    private static HaltSignal signal(Instant at) {
        return HaltSignal.newBuilder().setCommandId("cmd-halt").setScope("symbol:BBB").setKind(HaltKind.PAUSE)
                .setActor("op").setIssuedAt(at).setDecideBy(at.plusSeconds(60)).build();
    }

    /** The three state topics and the two fast-path topics, one empty partition each. */
    private static final class Topics extends MockConsumer<String, byte[]> {
        Topics() {
            super(OffsetResetStrategy.EARLIEST);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            List<String> topics = new ArrayList<>(StateReader.TOPICS);
            topics.addAll(FastPathTopics.TOPICS);
            for (String topic : topics) {
                updatePartitions(topic, List.of(new PartitionInfo(topic, 0, null, null, null)));
                offsets.put(new TopicPartition(topic, 0), 0L);
            }
            updateBeginningOffsets(offsets);
            updateEndOffsets(offsets);
        }

        @Override
        public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                Map<TopicPartition, Long> timestamps, Duration timeout) {
            Map<TopicPartition, OffsetAndTimestamp> none = new HashMap<>();
            timestamps.keySet().forEach(p -> none.put(p, null));
            return none;
        }
    }
}
