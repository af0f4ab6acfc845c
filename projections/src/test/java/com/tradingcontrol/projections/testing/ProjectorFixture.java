package com.tradingcontrol.projections.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.kafka.embedded.SharedEmbeddedKafka;
import com.tradingcontrol.projections.drift.DriftCheck;
import com.tradingcontrol.projections.drift.DriftReport;
import com.tradingcontrol.projections.drift.LogReader;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.projector.ProjectorHealth;
import com.tradingcontrol.projections.projector.ProjectorLoop;
import com.tradingcontrol.projections.projector.ProjectorLoops;
import com.tradingcontrol.projections.projector.ProjectorTopics;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.store.Page;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * One projector test world on the shared embedded broker: unique topics, an in-process registry,
 * a SQLite store file wrapped in {@code FlakyStore(RecordingStore(sqlite))}, and the loop factory.
 */
public final class ProjectorFixture implements AutoCloseable {

    public final String id = UUID.randomUUID().toString().substring(0, 8);
    public final String bootstrap = SharedEmbeddedKafka.bootstrapServers();
    public final ProjectorTopics topics = new ProjectorTopics("events-" + id, "audit-" + id);
    public final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    public final SqliteProjectionStore sqlite;
    public final RecordingStore recording;
    public final FlakyStore store;
    public final ProjectorHealth health = new ProjectorHealth();
    public final ProjectorLoops loops;
    public final ProjectionMeta meta;
    public final String prefix = "t" + id + "-";
    public final LogProducer producer;
    public final CommandStream stream;

    public ProjectorFixture(Path dir) throws Exception {
        LogProducer.createTopics(bootstrap, topics, 3);
        sqlite = SqliteProjectionStore.open(dir.resolve("projections.db"));
        recording = new RecordingStore(sqlite);
        store = new FlakyStore(recording);
        loops = new ProjectorLoops(bootstrap, topics, registry, store, health,
                // Small polls (the former default): the crash test counts on a crash after the 250th write
                // landing when records of both topics have been written and others have not.
                new ProjectorLoops.Timing(Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(400), 500));
        meta = new ProjectionMeta(store, prefix, Clock.systemUTC());
        producer = new LogProducer(bootstrap, topics, registry);
        stream = new CommandStream(id.hashCode(), 3);
    }

    public ContainerNames names(int version) {
        return new ContainerNames(prefix, version);
    }

    public Thread start(ProjectorLoop loop, String name) {
        Thread thread = new Thread(loop, name);
        thread.setUncaughtExceptionHandler((t, e) -> { });
        thread.start();
        return thread;
    }

    /** Waits until the loop has written and committed everything up to the log's current end. */
    public void awaitCaughtUp(ProjectorLoop loop, Duration timeout) {
        Map<TopicPartition, Long> end = loops.endOffsets();
        await(() -> end.entrySet().stream().allMatch(e -> e.getValue() == 0
                || loop.positions().getOrDefault(e.getKey(), -1L) >= e.getValue()), timeout,
                () -> "caught up to " + end + ", reached " + loop.positions());
    }

    public DriftReport drift(int version) {
        return new DriftCheck(new LogReader(loops, Duration.ofSeconds(60)), loops.projector(names(version)))
                .check(sqlite, names(version));
    }

    public long count(int version, ProjectionContainer container) {
        return count(sqlite, names(version).name(container));
    }

    public static long count(ProjectionStore store, String container) {
        long n = 0;
        Query q = Query.crossPartition().pageSize(Query.MAX_PAGE_SIZE);
        Page page;
        do {
            page = store.query(container, q);
            n += page.items().size();
            q = q.continuation(page.continuation());
        } while (page.hasMore());
        return n;
    }

    public static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    public void assertNoPositionWentBackwards() {
        assertThat(recording.violations()).as("writes that did not move _position forward").isEmpty();
    }

    @Override
    public void close() {
        producer.close();
        sqlite.close();
        registry.close();
    }
}
