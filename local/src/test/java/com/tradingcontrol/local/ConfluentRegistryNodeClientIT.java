package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.schemas.avro.ActiveControl;
import com.tradingcontrol.schemas.avro.ControlKind;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import com.tradingcontrol.schemas.topics.TopicNames;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stock, non-Java registry client ({@code @kafkajs/confluent-schema-registry} on Node.js) reads
 * the launcher's registry: a control-state record written by the platform's own serde, in
 * Confluent wire format, is decoded after the client fetched its writer schema by id over REST.
 * The registry is the launcher's own component ({@link LocalSchemaRegistry#served}), persisted in
 * a data dir exactly as {@code bin/tcp-local} opens it.
 */
@Timeout(value = 360)
class ConfluentRegistryNodeClientIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aNodeClientFetchesTheSchemaByIdAndDecodesAControlStateRecord() throws Exception {
        NodeRegistryClient.prepare();
        Instant setAt = Instant.parse("2026-01-02T03:04:05.678Z");
        ControlState state = new ControlState("tenant:tenant-a", ControlMode.PAUSED, false, false, null,
                "investigating fills", "operator-1", setAt, null, 7L, "evt-7",
                List.of(new ActiveControl(ControlKind.PAUSE, ControlMode.PAUSED, "investigating fills", "operator-1",
                        setAt, "cmd-7", null, null)));

        try (LocalSchemaRegistry registry = LocalSchemaRegistry.served(dataDir.resolve("registry"))) {
            byte[] value = AvroSerdes.specific(registry.client(), ControlState.class, false).serializer()
                    .serialize(TopicNames.CONTROL_STATE, state);
            JsonNode decoded = JSON.readTree(NodeRegistryClient.decode(registry.url().toString(), value));

            int id = ByteBuffer.wrap(value, 1, 4).getInt();
            assertThat(decoded.get("id").asInt()).isEqualTo(id);
            assertThat(decoded.get("schemaName").asText()).isEqualTo("com.tradingcontrol.schemas.avro.ControlState");
            JsonNode record = decoded.get("record");
            assertThat(record.get("scope").asText()).isEqualTo("tenant:tenant-a");
            assertThat(record.get("mode").asText()).isEqualTo("PAUSED");
            assertThat(record.get("reason").asText()).isEqualTo("investigating fills");
            assertThat(record.get("version").asLong()).isEqualTo(7L);
            assertThat(record.get("setAt").asLong()).isEqualTo(setAt.toEpochMilli());
            assertThat(record.get("expiresAt").isNull()).isTrue();
            JsonNode control = record.get("controls").get(0);
            assertThat(control.get("kind").asText()).isEqualTo("PAUSE");
            assertThat(control.get("setBy").asText()).isEqualTo("operator-1");
            assertThat(control.get("commandId").asText()).isEqualTo("cmd-7");
        }
    }
}
