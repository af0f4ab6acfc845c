package com.tradingcontrol.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.support.Await;
import com.tradingcontrol.api.wiring.TopicFollower;
import com.tradingcontrol.api.ws.PushHub;
import com.tradingcontrol.api.ws.PushSink;
import com.tradingcontrol.api.ws.StreamKey;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control-state follower feeding the view and the pushes: once it skipped records, websocket
 * snapshots and the changes after say so ({@code complete: false}, {@code skippedRecords}); before,
 * snapshots say {@code complete: true} and changes carry nothing extra.
 */
class PushCompletenessTest {
    private static final String TOPIC = "cs";
    private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final ObjectMapper mapper = new ObjectMapper();
    private final ControlStateView view = new ControlStateView(Clock.systemUTC());
    private final PushHub hub = new PushHub(mapper, 16);
    private final MockConsumer<String, ControlState> consumer = new MockConsumer<>("earliest");
    private final TopicFollower<String, ControlState> follower = new TopicFollower<>("control-state", consumer, TOPIC,
            new ControlStateFeed(view, hub, mapper)::onRecord, new MetricRegistry());

    private final class Recorder implements PushSink {
        final List<JsonNode> received = new CopyOnWriteArrayList<>();

        @Override
        public void send(String json) {
            try {
                received.add(mapper.readTree(json));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        JsonNode change(long version) {
            return received.stream().filter(m -> m.path("payload").path("version").asLong() == version)
                    .findFirst().orElse(null);
        }
    }

    @AfterEach
    void close() throws Exception {
        follower.close();
    }

    private static ControlState state(long version) {
        return ControlState.newBuilder().setScope("global").setMode(ControlMode.PAUSED).setKillSwitch(false)
                .setMaintenance(false).setReason("r" + version).setSetBy("op")
                .setSetAt(Instant.parse("2026-03-01T10:00:00Z")).setVersion(version).setLastEventId("e-" + version).build();
    }

    private void add(long offset, ControlState value) {
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, "global", value));
    }

    private JsonNode snapshot() {
        Recorder recorder = new Recorder();
        hub.subscribe(StreamKey.adminStream(), recorder, null);
        return recorder.received.get(1);
    }

    @Test
    void snapshotsAndChangesSayWhenTheViewSkippedRecords() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
        consumer.updateEndOffsets(Map.of(TP, 0L));
        hub.snapshotsFrom(new ControlStateSnapshot(view, mapper, follower.path()::skipped));
        follower.start(TopicFollower.Start.BEGINNING, WITHIN);
        Recorder admin = new Recorder();
        hub.subscribe(StreamKey.adminStream(), admin, null);
        assertThat(admin.received.get(1).path("complete").asBoolean()).isTrue();
        assertThat(admin.received.get(1).path("skippedRecords").asLong()).isZero();

        add(0, state(1));
        Await.until("change 1 pushed", WITHIN, () -> admin.change(1) != null);
        assertThat(admin.change(1).has("complete")).as("nothing skipped yet").isFalse();

        // A state of a shape this build cannot read (as a newer schema might send), then an undecodable record.
        ControlState unreadable = state(2);
        unreadable.setControls(null);
        add(1, unreadable);
        add(2, state(3));
        Await.until("change 3 pushed", WITHIN, () -> admin.change(3) != null);
        consumer.setPollException(new RecordDeserializationException(TP, 3, "cannot decode t-0@3",
                new SerializationException("Unknown magic byte!")));
        add(3, state(99));
        add(4, state(4));
        Await.until("change 4 pushed", WITHIN, () -> admin.change(4) != null);

        assertThat(admin.change(2)).isNull();
        assertThat(admin.change(3).path("complete").asBoolean(true)).isFalse();
        assertThat(admin.change(3).path("skippedRecords").asLong()).isEqualTo(1);
        assertThat(admin.change(4).path("skippedRecords").asLong()).isEqualTo(2);
        JsonNode snapshot = snapshot();
        assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
        assertThat(snapshot.path("complete").asBoolean(true)).isFalse();
        assertThat(snapshot.path("skippedRecords").asLong()).isEqualTo(2);
        assertThat(snapshot.path("states").get(0).path("version").asLong()).isEqualTo(4);
    }
}
