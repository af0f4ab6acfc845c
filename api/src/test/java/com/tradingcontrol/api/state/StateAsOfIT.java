package com.tradingcontrol.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Time travel against the embedded broker: whichever way an answer is put together (snapshot plus
 * events from memory, events re-read from Kafka, or both), it equals the full replay of the events
 * at or before the instant, on a log whose times are out of order across partitions.
 */
@Timeout(120) // seconds, per test method; ~18 s observed for all 5; catching up may take 30 s
class StateAsOfIT {

    private static final int EVENTS_PER_PARTITION = 60;
    /** Few events per snapshot, so the history spans many chunks. */
    private static final int SNAPSHOT_EVERY = 5;

    private TimeTravelLog log;
    private EventLogIndex index;

    @BeforeEach
    void history() throws Exception {
        log = new TimeTravelLog();
        log.writeHistory(EVENTS_PER_PARTITION);
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        log.close();
    }

    private StateAsOf caughtUpIndex(long maxEventBytes) {
        index = new EventLogIndex(log.log, SNAPSHOT_EVERY, maxEventBytes);
        index.start();
        StateAsOf stateAsOf = new StateAsOf(index, log.log);
        awaitCaughtUp();
        return stateAsOf;
    }

    /** Until the index's position covers the log's end, transaction markers included. */
    private void awaitCaughtUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Chunk> chunks = index.view().chunks();
            Map<TopicPartition, Long> end = log.log.withConsumer(c ->
                    c.endOffsets(log.log.assignAll(c, log.topic), log.log.timeout()));
            if (!chunks.isEmpty() && end.entrySet().stream()
                    .allMatch(e -> chunks.get(chunks.size() - 1).end().getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("index did not catch up; indexed " + index.indexedEvents() + " of " + log.committedEvents());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Every {@code step}-th instant of the log's. */
    private List<Instant> instants(int step) {
        List<Instant> all = log.instants();
        return IntStream.range(0, all.size()).filter(i -> i % step == 0).mapToObj(all::get).toList();
    }

    private void assertEveryAnswerIsTheFullReplay(StateAsOf stateAsOf, List<Instant> instants) {
        for (Instant at : instants) {
            assertThat(stateAsOf.at(at).states()).as("state as of %s", at).isEqualTo(log.expected(at));
        }
    }

    @Test
    void onceCaughtUpEveryAnswerComesFromMemoryAndIsTheFullReplay() {
        StateAsOf stateAsOf = caughtUpIndex(Long.MAX_VALUE);

        assertThat(index.indexedEvents()).isEqualTo(log.committedEvents());
        assertThat(index.snapshotCount()).isGreaterThan(10);
        for (Instant at : log.instants()) {
            StateAsOf.Result result = stateAsOf.at(at);
            assertThat(result.states()).as("state as of %s", at).isEqualTo(log.expected(at));
            assertThat(result.readFromLog()).as("events read from Kafka as of %s", at).isZero();
        }
    }

    @Test
    void chunksOverTheMemoryBudgetAreReReadFromKafkaWithTheSameAnswers() {
        StateAsOf noEventsKept = caughtUpIndex(0);

        assertThat(index.eventBytes()).isZero();
        assertEveryAnswerIsTheFullReplay(noEventsKept, instants(4));
        Instant early = TimeTravelLog.T0.plusSeconds(1);
        assertThat(noEventsKept.at(early).readFromLog()).isPositive();
    }

    @Test
    void aBudgetForPartOfTheEventsMixesKafkaAndMemoryWithTheSameAnswers() {
        StateAsOf all = caughtUpIndex(Long.MAX_VALUE);
        long halfTheBytes = index.eventBytes() / 2;
        index.close();
        StateAsOf half = caughtUpIndex(halfTheBytes);

        assertThat(index.eventBytes()).isPositive().isLessThanOrEqualTo(halfTheBytes);
        assertEveryAnswerIsTheFullReplay(half, instants(3));
        assertThat(instants(3).stream().mapToLong(at -> half.at(at).readFromLog()).sum()).isPositive();
        assertThat(all.at(TimeTravelLog.T0.plusSeconds(1)).states()).isEqualTo(half.at(TimeTravelLog.T0.plusSeconds(1)).states());
    }

    @Test
    void beforeTheIndexHasStartedEverythingIsReadFromKafka() {
        index = new EventLogIndex(log.log, SNAPSHOT_EVERY, Long.MAX_VALUE);
        StateAsOf stateAsOf = new StateAsOf(index, log.log);

        assertEveryAnswerIsTheFullReplay(stateAsOf, instants(4));
        assertThat(stateAsOf.at(TimeTravelLog.T0.plus(Duration.ofDays(1))).readFromLog()).isEqualTo(log.committedEvents());
    }

    @Test
    void eventsTheIndexHasNotReachedAreReadFromKafka() {
        StateAsOf stateAsOf = caughtUpIndex(Long.MAX_VALUE);
        long indexed = index.indexedEvents();
        index.close();
        log.writeMore(20);

        assertEveryAnswerIsTheFullReplay(stateAsOf, instants(3));
        StateAsOf.Result latest = stateAsOf.at(TimeTravelLog.T0.plus(Duration.ofDays(1)));
        assertThat(latest.readFromLog()).isEqualTo(log.committedEvents() - indexed);
        assertThat(index.indexedEvents()).isEqualTo(indexed);
    }
}
