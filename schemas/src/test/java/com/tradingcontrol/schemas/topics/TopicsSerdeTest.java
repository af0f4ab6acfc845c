package com.tradingcontrol.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.WireFormat;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's serdes carry the real contracts, in the Confluent wire format, across a registry restart. */
class TopicsSerdeTest {
    @TempDir
    Path registryDir;

    @Test
    void commandEnvelopeRoundTripsAndStaysReadableAfterARegistryRestart() {
        CommandEnvelope command = pause("cmd-1");
        byte[] bytes;
        int id;
        try (var registry = InProcessSchemaRegistry.persistent(registryDir)) {
            var serde = new Topics(registry, 3).commands().valueSerde();
            bytes = serde.serializer().serialize(TopicNames.COMMANDS, command);
            id = registry.latest(TopicNames.COMMANDS + "-value").id();
            assertThat(serde.deserializer().deserialize(TopicNames.COMMANDS, bytes)).isEqualTo(command);
        }
        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);

        try (var restarted = InProcessSchemaRegistry.persistent(registryDir)) {
            var serde = new Topics(restarted, 3).commands().valueSerde();
            assertThat(serde.deserializer().deserialize(TopicNames.COMMANDS, bytes)).isEqualTo(command);
            byte[] again = serde.serializer().serialize(TopicNames.COMMANDS, pause("cmd-2"));
            assertThat(ByteBuffer.wrap(again, 1, 4).getInt()).as("same schema keeps its id").isEqualTo(id);
        }
    }

    @Test
    void everyTopicHasItsValueSchemaAndEveryValueSchemaIsAContract() {
        Topics topics = new Topics(InProcessSchemaRegistry.inMemory(), 3);

        assertThat(topics.valueSchemas().keySet())
                .containsExactlyInAnyOrderElementsOf(topics.all().stream().map(TopicSpec::name).toList());
        assertThat(com.tradingcontrol.schemas.ContractSchemas.current().values())
                .containsAll(topics.valueSchemas().values());
        assertThat(topics.valueSchemas().get(TopicNames.HALT_SIGNALS).getName()).isEqualTo("HaltSignal");
    }

    @Test
    void typedConfigValuesSurviveTheUnion() {
        try (var registry = InProcessSchemaRegistry.inMemory()) {
            var serde = new Topics(registry, 1).commands().valueSerde();
            for (Object value : List.of(true, 42L, 1.5d, "strict")) {
                CommandEnvelope command = CommandEnvelope.newBuilder(pause("cmd-" + value))
                        .setPayload(new UpdateConfig("risk.x", value, "why")).build();
                CommandEnvelope read = serde.deserializer().deserialize(TopicNames.COMMANDS,
                        serde.serializer().serialize(TopicNames.COMMANDS, command));
                assertThat(((UpdateConfig) read.getPayload()).getValue()).isEqualTo(value);
            }
        }
    }

    private static CommandEnvelope pause(String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return CommandEnvelope.newBuilder().setCommandId(id).setRequestId("req-" + id).setIssuedAt(now)
                .setActor(new Actor("ops-1", null, List.of("operator"))).setExpectedVersion(null)
                .setPayload(new PauseTrading("tenant:u1", "fat finger", now.plusSeconds(60))).build();
    }
}
