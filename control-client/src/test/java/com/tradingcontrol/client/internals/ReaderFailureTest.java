package com.tradingcontrol.client.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.client.ControlClientConfig;
import com.tradingcontrol.client.ControlClientListener;
import com.tradingcontrol.client.Decision;
import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The reader loop's failure handling, with Kafka's MockConsumer: a failing poll is counted and the
 * loop goes on; a reader thread that dies leaves the client stale for good instead of answering
 * from a frozen view.
 */
class ReaderFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static MockConsumer<String, byte[]> emptyTopics() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String topic : StateReader.TOPICS) {
            consumer.updatePartitions(topic, List.of(new PartitionInfo(topic, 0, null, null, null)));
            offsets.put(new TopicPartition(topic, 0), 0L);
        }
        consumer.updateBeginningOffsets(offsets);
        consumer.updateEndOffsets(offsets);
        return consumer;
    }

    private static DefaultControlClient client(MockConsumer<String, byte[]> consumer) {
        ControlClientConfig config = ControlClientConfig.builder().bootstrapServers("unused:9092")
                .schemaRegistry(InProcessSchemaRegistry.inMemory()).lease(Duration.ofMillis(500)).fastHalts(false).build();
        return new DefaultControlClient(config, consumer, config.schemaRegistry(), System::nanoTime);
    }

    @Test
    void aFailingPollIsCountedAndTheReaderCarriesOn() throws Exception {
        MockConsumer<String, byte[]> consumer = emptyTopics();
        consumer.setPollException(new KafkaException("broker hiccup"));
        try (DefaultControlClient client = client(consumer)) {
            client.startReading();
            assertThat(client.awaitReady(WAIT)).isTrue();
            assertThat(client.health().pollErrors()).isEqualTo(1);
            assertThat(client.health().readerAlive()).isTrue();
            assertThat(client.decide("t1", null, null).mode()).isEqualTo(ControlMode.ACTIVE);
        }
    }

    @Test
    void aReaderThreadThatDiesLeavesEveryDecisionHaltedAndListenersHearIt() throws Exception {
        MockConsumer<String, byte[]> consumer = emptyTopics();
        try (DefaultControlClient client = client(consumer)) {
            client.startReading();
            assertThat(client.awaitReady(WAIT)).isTrue();
            CountDownLatch stale = new CountDownLatch(1);
            List<String> reasons = new ArrayList<>();
            client.addListener(new ControlClientListener() {
                @Override
                public void onStale(String reason) {
                    reasons.add(reason);
                    stale.countDown();
                }
            });
            consumer.schedulePollTask(() -> {
                throw new StackOverflowError("simulated fatal error in the reader");
            });

            assertThat(stale.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("listeners heard stale").isTrue();
            Decision decision = client.decide("t1", null, null);
            assertThat(decision.mode()).isEqualTo(ControlMode.HALTED);
            assertThat(decision.causes().get(0).kind()).isEqualTo(DecisionCause.Kind.STALE);
            assertThat(decision.causes().get(0).reason()).isEqualTo("reader thread ended (see the log)");
            assertThat(reasons).containsExactly("reader thread ended (see the log)");
            assertThat(client.health().readerAlive()).isFalse();
        }
    }
}
