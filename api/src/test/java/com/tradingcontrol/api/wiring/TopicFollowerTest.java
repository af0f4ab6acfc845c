package com.tradingcontrol.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.tradingcontrol.api.health.HealthResource;
import com.tradingcontrol.api.health.ReadPath;
import com.tradingcontrol.api.health.ReadinessRegistry;
import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.api.support.Await;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A follower skips what it cannot decode or apply, counts it (metric, readiness detail) and goes on;
 * a follower whose thread dies takes readiness DOWN, naming the thread and the cause, logged once.
 */
class TopicFollowerTest {
    private static final String TOPIC = "t";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final MetricRegistry metrics = new MetricRegistry();
    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final Logger readPathLog = (Logger) LoggerFactory.getLogger(ReadPath.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private TopicFollower<String, String> follower;

    @BeforeEach
    void topic() {
        log.start();
        readPathLog.addAppender(log);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
        consumer.updateEndOffsets(Map.of(TP, 0L));
    }

    @AfterEach
    void close() throws Exception {
        readPathLog.detachAppender(log);
        if (follower != null) {
            follower.close();
        }
    }

    private void start(BiConsumer<String, String> handler) {
        follower = new TopicFollower<>("test", consumer, TOPIC, handler, metrics);
        follower.start(TopicFollower.Start.BEGINNING, WITHIN);
    }

    private static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, "k", value);
    }

    private ReadinessStatus readiness() {
        return KafkaReadiness.followers(List.of(follower)).check();
    }

    @Test
    void aRecordTheHandlerCannotApplyIsSkippedCountedAndExposed() {
        start((key, value) -> {
            if (value.equals("FutureEvent")) {
                throw new IllegalArgumentException("unknown event payload FutureEvent");
            }
            handled.add(value);
        });
        consumer.addRecord(record(0, "FutureEvent"));
        consumer.addRecord(record(1, "after"));

        // The handler takes records in order on one thread: once "after" is in, the skip was counted.
        Await.until("the record after the bad one is handled", WITHIN, () -> handled.contains("after"));
        assertThat(follower.path().unapplied()).isEqualTo(1);
        assertThat(follower.path().undecodable()).isZero();
        assertThat(metrics.counter("readPaths.test.unapplied").getCount()).isEqualTo(1);
        assertThat(metrics.counter("readPaths.test.undecodable").getCount()).isZero();
        Await.until("caught up", WITHIN, follower::caughtUp);
        ReadinessStatus status = readiness();
        assertThat(status.ready()).as("a skipped record does not stop the API").isTrue();
        assertThat(status.detail()).contains("test: 1 record(s) skipped (0 undecodable, 1 unapplied)")
                .contains("unapplied t-0@0: unknown event payload FutureEvent");
    }

    @Test
    void aRecordThatCannotBeDecodedIsSkippedCountedAndExposed() {
        start((key, value) -> handled.add(value));
        consumer.setPollException(new RecordDeserializationException(TP, 0, "Error deserializing key/value for t-0@0",
                new SerializationException("Unknown magic byte!")));
        consumer.addRecord(record(0, "never delivered"));
        consumer.addRecord(record(1, "after"));

        Await.until("the record after the bad one is handled", WITHIN, () -> handled.contains("after"));
        assertThat(handled).containsExactly("after");
        assertThat(follower.path().undecodable()).isEqualTo(1);
        assertThat(metrics.counter("readPaths.test.undecodable").getCount()).isEqualTo(1);
        Await.until("caught up", WITHIN, follower::caughtUp);
        assertThat(readiness().ready()).isTrue();
        assertThat(readiness().detail()).contains("1 undecodable, 0 unapplied").contains("undecodable t-0@0");
    }

    @Test
    void aWindowIsReadToTheEndAsOfItsStartThenTheFollowerStopsAndClosesItsConsumerWithoutCountingAsStopped()
            throws Exception {
        // MockConsumer does not implement the time lookup: every partition's window starts at offset 0 here.
        MockConsumer<String, String> timed = new MockConsumer<>("earliest") {
            @Override
            public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                    Map<TopicPartition, Long> query, Duration timeout) {
                Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
                query.keySet().forEach(tp -> found.put(tp, new OffsetAndTimestamp(0L, 0L)));
                return found;
            }
        };
        timed.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        timed.updateBeginningOffsets(Map.of(TP, 0L));
        timed.updateEndOffsets(Map.of(TP, 2L));
        timed.schedulePollTask(() -> {
            timed.addRecord(record(0, "history-1"));
            timed.addRecord(record(1, "history-2"));
        });
        follower = new TopicFollower<>("window", timed, TOPIC, (key, value) -> handled.add(value), metrics);

        follower.readWindow(java.time.Instant.EPOCH, WITHIN);

        Await.until("the window's consumer is closed", WITHIN, timed::closed);
        assertThat(handled).containsExactly("history-1", "history-2");
        assertThat(follower.caughtUp()).isTrue();
        assertThat(follower.running()).as("done, not failed").isTrue();
        assertThat(follower.path().hasStopped()).isFalse();
        assertThat(readiness().ready()).isTrue();
        follower.close();
        assertThat(follower.running()).isTrue();
    }

    @Test
    void aFollowerWhoseThreadDiesTakesReadinessDownWithTheThreadAndTheCauseLoggedOnce() {
        start((key, value) -> handled.add(value));
        Await.until("caught up", WITHIN, follower::caughtUp);
        assertThat(readiness().ready()).isTrue();

        // A failing dependency: the consumer throws something that is neither a bad record nor an outage.
        consumer.schedulePollTask(() -> {
            throw new IllegalStateException("injected: consumer state lost");
        });

        Await.until("the follower's thread ends", WITHIN, () -> !follower.running());
        Await.until("the stop is recorded", WITHIN, () -> follower.path().hasStopped());
        ReadinessStatus status = readiness();
        assertThat(status.ready()).isFalse();
        assertThat(status.detail()).isEqualTo("thread api-follow-test stopped: injected: consumer state lost");
        @SuppressWarnings("unchecked")
        Gauge<Integer> stopped = (Gauge<Integer>) metrics.getGauges().get("readPaths.test.stopped");
        assertThat(stopped.getValue()).isEqualTo(1);

        ReadinessRegistry registry = new ReadinessRegistry(WITHIN);
        registry.register(KafkaReadiness.followers(List.of(follower)));
        try (Response ready = new HealthResource(registry).ready()) {
            assertThat(ready.getStatus()).isEqualTo(503);
        } finally {
            registry.close();
        }

        follower.path().stopped(new IllegalStateException("a second report"));
        List<ILoggingEvent> errors = log.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getFormattedMessage()).contains("api-follow-test").contains("injected: consumer state lost");
        assertThat(follower.path().stoppedDetail()).as("the first cause stays").contains("injected");
    }
}
