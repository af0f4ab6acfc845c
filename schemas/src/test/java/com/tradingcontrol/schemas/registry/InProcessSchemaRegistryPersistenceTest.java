package com.tradingcontrol.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.schemas.serde.AvroSerdes;
import com.tradingcontrol.schemas.serde.TestOrder;
import com.tradingcontrol.schemas.serde.TestSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessSchemaRegistryPersistenceTest {

    @TempDir
    Path dir;

    private final Schema v1 = TestSchemas.parse(TestSchemas.ORDER_V1);
    private final Schema v2 = TestSchemas.parse(TestSchemas.ORDER_V2);

    @Test
    void idsVersionsAndLevelsSurviveARestartAndNewIdsContinueFromTheMax() {
        int id1;
        int id2;
        try (InProcessSchemaRegistry registry = open()) {
            id1 = registry.register("orders-value", v1);
            id2 = registry.register("orders-value", v2);
            registry.register("archive-value", v1);
            registry.setCompatibility("orders-value", CompatibilityLevel.FULL);
            registry.setCompatibility(null, CompatibilityLevel.FORWARD);
        }
        try (InProcessSchemaRegistry restarted = open()) {
            assertThat(restarted.getById(id1)).isEqualTo(v1);
            assertThat(restarted.getById(id2)).isEqualTo(v2);
            assertThat(restarted.register("orders-value", v2)).isEqualTo(id2);
            assertThat(restarted.latest("orders-value")).isEqualTo(new SchemaVersion("orders-value", 2, id2, v2));
            assertThat(restarted.latest("archive-value").id()).isEqualTo(id1);
            assertThat(restarted.getCompatibility("orders-value")).isEqualTo(CompatibilityLevel.FULL);
            assertThat(restarted.getCompatibility("other")).isEqualTo(CompatibilityLevel.FORWARD);

            Schema other = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"X\",\"fields\":[]}");
            assertThat(restarted.register("x-value", other)).isEqualTo(Math.max(id1, id2) + 1);
        }
    }

    @Test
    void bytesWrittenBeforeARestartStayReadableAfterIt() {
        byte[] written;
        try (InProcessSchemaRegistry registry = open()) {
            written = AvroSerdes.generic(registry, false).serializer().serialize("orders", TestSchemas.orderV1("o-1", 3));
        }
        try (InProcessSchemaRegistry restarted = open()) {
            Serde<GenericRecord> generic = AvroSerdes.generic(restarted, false);
            GenericRecord back = generic.deserializer().deserialize("orders", written);
            assertThat(back.get("orderId").toString()).isEqualTo("o-1");
            assertThat(back.get("quantity")).isEqualTo(3);

            TestOrder evolved = AvroSerdes.specific(restarted, TestOrder.class, false).deserializer()
                    .deserialize("orders", written);
            assertThat(evolved.orderId()).isEqualTo("o-1");
            assertThat(evolved.note()).isEqualTo("none");
            // Re-serializing the same writer schema after the restart reuses the persisted id.
            assertThat(generic.serializer().serialize("orders", TestSchemas.orderV1("o-1", 3))).isEqualTo(written);
        }
    }

    @Test
    void anUnfinishedLastLineFromACrashIsDroppedAndTheJournalStaysUsable() throws Exception {
        int id;
        try (InProcessSchemaRegistry registry = open()) {
            id = registry.register("orders-value", v1);
        }
        Path journal = dir.resolve(RegistryJournal.FILE);
        Files.write(journal, "{\"type\":\"schema\",\"subj".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        try (InProcessSchemaRegistry restarted = open()) {
            assertThat(restarted.getById(id)).isEqualTo(v1);
            int next = restarted.register("orders-value", v2);
            assertThat(next).isEqualTo(id + 1);
        }
        try (InProcessSchemaRegistry again = open()) {
            assertThat(again.latest("orders-value").version()).isEqualTo(2);
        }
    }

    @Test
    void aCorruptCompleteLineFailsTheOpenNamingFileAndLine() throws Exception {
        try (InProcessSchemaRegistry registry = open()) {
            registry.register("orders-value", v1);
        }
        Files.write(dir.resolve(RegistryJournal.FILE), "not json\n".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(RegistryJournal.FILE).hasMessageContaining("line 2");
        // The failed open released the directory.
        Files.writeString(dir.resolve(RegistryJournal.FILE), "");
        open().close();
    }

    @Test
    void aDataDirCannotBeOpenedTwiceAtOnce() {
        try (InProcessSchemaRegistry registry = open()) {
            assertThatThrownBy(this::open).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
            assertThat(registry.register("orders-value", v1)).isEqualTo(1);
        }
    }

    private InProcessSchemaRegistry open() {
        return InProcessSchemaRegistry.persistent(dir, CompatibilityLevel.BACKWARD);
    }
}
