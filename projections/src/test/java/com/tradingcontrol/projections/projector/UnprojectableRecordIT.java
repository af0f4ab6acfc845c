package com.tradingcontrol.projections.projector;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.tradingcontrol.projections.rebuild.ProjectionPointer;
import com.tradingcontrol.projections.testing.ProjectorFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The projector's policy for a record it cannot decode: it stops there (it does not skip, which would
 * leave the documents wrong with nothing to tell readers), reports FAILED naming the record and the
 * kind, and logs that once at ERROR.
 */
@Timeout(120) // seconds; the loop meets the record within a few polls
class UnprojectableRecordIT {

    @TempDir
    Path dir;

    @Test
    void anUndecodableEventStopsTheProjectorNamingTheRecord() throws Exception {
        Logger healthLog = (Logger) LoggerFactory.getLogger(ProjectorHealth.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        healthLog.addAppender(log);
        try (ProjectorFixture f = new ProjectorFixture(dir)) {
            ProjectionPointer pointer = f.meta.initialize("poison-" + f.id);
            f.producer.write(f.stream, 20, 5);
            long offset = writeGarbage(f);

            Thread thread = f.start(f.loops.create(f.names(pointer.active()), pointer.activeGroup()), "projector-poison");
            ProjectorFixture.await(() -> !thread.isAlive(), Duration.ofSeconds(60), () -> "the loop to stop");

            ProjectorHealth.Status status = f.health.status();
            assertThat(status.state()).isEqualTo(ProjectorHealth.State.FAILED);
            assertThat(status.lastError()).startsWith("UnprojectableEventException: cannot project record "
                    + f.topics.events() + "-0@" + offset + ": it cannot be decoded");
            assertThat(log.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList()).hasSize(1);
        } finally {
            healthLog.detachAppender(log);
        }
    }

    private static long writeGarbage(ProjectorFixture f) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, f.bootstrap), new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(f.topics.events(), 0, "garbage",
                    "not avro at all".getBytes(StandardCharsets.UTF_8))).get().offset();
        }
    }
}
