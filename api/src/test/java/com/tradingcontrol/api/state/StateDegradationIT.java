package com.tradingcontrol.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.tradingcontrol.api.health.ReadinessStatus;
import com.tradingcontrol.api.support.Await;
import com.tradingcontrol.domain.config.ConfigCatalogue;
import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /api/state} on a log with a record that cannot be decoded and an event no fold of this
 * build can apply: the answer still folds every other event, and says it is incomplete (body and
 * {@code Read-Completeness}) with how many skipped records may have occurred by {@code asOf} — whether
 * the events come from the index's memory, are re-read from Kafka, or the index has not started.
 */
@Timeout(120) // seconds, per test method; the index catches up within a few seconds
class StateDegradationIT {

    private static final Instant FUTURE_AT = TimeTravelLog.T0.plus(Duration.ofHours(1));
    private static final Instant LATE = TimeTravelLog.T0.plus(Duration.ofHours(2));
    private static final Instant EARLY = TimeTravelLog.T0.plus(Duration.ofMinutes(30));

    private final ConfigCatalogue catalogue = ConfigCatalogueLoader.loadDefault();
    private final MetricRegistry metrics = new MetricRegistry();
    private TimeTravelLog log;
    private EventLogIndex index;

    @BeforeEach
    void history() throws Exception {
        log = new TimeTravelLog();
        log.writeHistory(20);
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
        log.close();
    }

    @Test
    void aLogWithoutBadRecordsIsAnsweredComplete() {
        index = new EventLogIndex(log.log, 5, 0, metrics);
        index.start();
        awaitCaughtUp();
        try (Response response = new StateResource(new StateAsOf(index, log.log), catalogue).state(LATE.toString())) {
            assertThat(response.getHeaderString(StateResource.COMPLETENESS)).isEqualTo("complete");
            StateViews.State body = (StateViews.State) response.getEntity();
            assertThat(body.complete()).isTrue();
            assertThat(body.skippedEvents()).isZero();
        }
        assertThat(index.path().readinessCheck().check().detail()).isEqualTo("timetravel: every record applied");
    }

    @Test
    void answersSayTheyAreIncompleteWithTheSkippedRecordsThatMayHaveOccurredByThen() {
        log.writeUndecodable(0, "not avro at all".getBytes(StandardCharsets.UTF_8));
        log.writeUnknownScope(1, "desk:fx", FUTURE_AT);
        log.writeMore(10);
        // Snapshots every 5 events and no event memory: closed chunks are re-read from Kafka, skipped records included.
        index = new EventLogIndex(log.log, 5, 0, metrics);
        StateResource resource = new StateResource(new StateAsOf(index, log.log), catalogue);

        assertMarked(resource, LATE, 2);
        assertMarked(resource, EARLY, 1);

        index.start();
        awaitCaughtUp();
        assertMarked(resource, LATE, 2);
        assertMarked(resource, EARLY, 1);

        assertThat(metrics.counter("readPaths.timetravel.undecodable").getCount()).isEqualTo(1);
        assertThat(metrics.counter("readPaths.timetravel.unapplied").getCount()).isEqualTo(1);
        ReadinessStatus status = index.path().readinessCheck().check();
        assertThat(status.ready()).isTrue();
        assertThat(status.detail()).contains("2 record(s) skipped (1 undecodable, 1 unapplied)")
                .containsAnyOf("unknown scope 'desk:fx'", "not in the Confluent wire format");
    }

    /** Marked incomplete with {@code skipped}, and every foldable event at or before {@code at} folded. */
    private void assertMarked(StateResource resource, Instant at, long skipped) {
        try (Response response = resource.state(at.toString())) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderString(StateResource.COMPLETENESS)).isEqualTo("incomplete");
            StateViews.State body = (StateViews.State) response.getEntity();
            assertThat(body.complete()).isFalse();
            assertThat(body.skippedEvents()).as("skipped by " + at).isEqualTo(skipped);
            StateViews.State expected = StateViews.of(at, log.expected(at).values(), catalogue, 0, 0);
            assertThat(body.control()).isEqualTo(expected.control());
            assertThat(body.control()).isNotEmpty();
        }
    }

    private void awaitCaughtUp() {
        Await.until("the index covers the log's end", Duration.ofSeconds(30), () -> {
            List<Chunk> chunks = index.view().chunks();
            Map<TopicPartition, Long> end = log.log.withConsumer(c ->
                    c.endOffsets(log.log.assignAll(c, log.topic), log.log.timeout()));
            return !chunks.isEmpty() && end.entrySet().stream()
                    .allMatch(e -> chunks.get(chunks.size() - 1).end().getOrDefault(e.getKey(), 0L) >= e.getValue());
        });
    }
}
