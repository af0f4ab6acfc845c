package com.tradingcontrol.api.engines;

import com.tradingcontrol.schemas.avro.AppliedSource;
import com.tradingcontrol.schemas.avro.ControlApplied;
import com.tradingcontrol.schemas.avro.EngineReport;
import com.tradingcontrol.schemas.avro.EngineReportType;
import com.tradingcontrol.schemas.topics.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes engine reports to trading.engine-reports with the project's Avro serdes, as a control client does. */
final class EngineFeed implements AutoCloseable {
    private final KafkaProducer<String, EngineReport> producer;
    private final String topic;

    EngineFeed(String bootstrap, Topics topics) {
        this.topic = topics.engineReports().name();
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                topics.engineReports().keySerde().serializer(), topics.engineReports().valueSerde().serializer());
    }

    void heartbeat(String engineId) {
        send(base(engineId, Instant.now()).setType(EngineReportType.HEARTBEAT).build());
    }

    void applied(String engineId, String commandId, String scope, AppliedSource source) {
        Instant now = Instant.now();
        ControlApplied applied = ControlApplied.newBuilder().setCommandId(commandId).setScope(scope).setSource(source)
                .setReceivedAt(now).setAppliedAt(now).setMode("PAUSED").build();
        send(base(engineId, now).setType(EngineReportType.APPLIED).setApplied(applied).build());
    }

    /** An APPLIED report that names nothing applied: the API cannot use it. */
    void unusable(String engineId) {
        send(base(engineId, Instant.now()).setType(EngineReportType.APPLIED).build());
    }

    private static EngineReport.Builder base(String engineId, Instant sentAt) {
        return EngineReport.newBuilder().setEngineId(engineId).setEngineVersion("engine-1.2").setClientVersion("client-0.9")
                .setHost("host-" + engineId).setSentAt(sentAt).setStateVersion(7);
    }

    private void send(EngineReport report) {
        try {
            producer.send(new ProducerRecord<>(topic, report.getEngineId(), report)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("report not written", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
