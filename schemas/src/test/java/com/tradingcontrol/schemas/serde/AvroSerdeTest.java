package com.tradingcontrol.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final Serde<TestOrder> orders = AvroSerdes.specific(registry, TestOrder.class, false);
    private final Serde<GenericRecord> generic = AvroSerdes.generic(registry, false);

    @Test
    void bytesAreMagicZeroThenTheBigEndianRegistryIdThenAvroBinary() {
        // Push the id past one byte so the big-endian order is visible.
        for (int i = 0; i < 300; i++) {
            registry.register("filler-" + i, Schema.createRecord("F" + i, null, "t", false, java.util.List.of()));
        }
        byte[] bytes = orders.serializer().serialize("orders", new TestOrder("o-1", 2, "hi"));

        int id = registry.latest("orders-value").id();
        assertThat(id).isGreaterThan(255);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(ByteBuffer.allocate(4).putInt(id).array());
        // Avro binary: zig-zag varint length 3 -> 6, "o-1", zig-zag 2 -> 4, length 2 -> 4, "hi".
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).containsExactly(6, 'o', '-', '1', 4, 4, 'h', 'i');
    }

    @Test
    void specificRecordsRoundTripAndRegisterUnderTopicValueAndKeySubjects() {
        TestOrder order = new TestOrder("o-1", 5, "rush");

        TestOrder back = orders.deserializer().deserialize("orders", orders.serializer().serialize("orders", order));
        Serde<TestOrder> keys = AvroSerdes.specific(registry, TestOrder.class, true);
        keys.serializer().serialize("orders", order);

        assertThat(back).isEqualTo(order);
        assertThat(back.note()).isEqualTo("rush");
        assertThat(registry.latest("orders-value").schema()).isEqualTo(TestOrder.SCHEMA$);
        assertThat(registry.latest("orders-key").schema()).isEqualTo(TestOrder.SCHEMA$);
    }

    @Test
    void genericRecordsRoundTripWithTheWriterSchema() {
        GenericRecord record = TestSchemas.orderV1("o-2", 7);

        GenericRecord back = generic.deserializer().deserialize("orders", generic.serializer().serialize("orders", record));

        assertThat(back).isEqualTo(record);
        assertThat(back.getSchema()).isEqualTo(TestSchemas.parse(TestSchemas.ORDER_V1));
    }

    @Test
    void dataWrittenWithV1IsReadIntoTheV2ClassWithTheFieldDefault() {
        byte[] v1Bytes = generic.serializer().serialize("orders", TestSchemas.orderV1("o-3", 9));

        TestOrder read = orders.deserializer().deserialize("orders", v1Bytes);

        assertThat(read.orderId()).isEqualTo("o-3");
        assertThat(read.quantity()).isEqualTo(9);
        assertThat(read.note()).isEqualTo("none");
        assertThat(registry.latest("orders-value").schema()).isEqualTo(TestSchemas.parse(TestSchemas.ORDER_V1));
    }

    @Test
    void genericReaderSchemaResolvesOlderData() {
        byte[] v1Bytes = generic.serializer().serialize("orders", TestSchemas.orderV1("o-4", 1));

        GenericRecord read = AvroDeserializer.generic(registry, TestOrder.SCHEMA$).deserialize("orders", v1Bytes);

        assertThat(read.get("note").toString()).isEqualTo("none");
    }

    @Test
    void anIncompatibleWriterSchemaIsRefusedAtSerialization() {
        generic.serializer().serialize("orders", TestSchemas.orderV1("o-5", 1));
        GenericRecord breaking = new GenericData.Record(TestSchemas.parse(TestSchemas.ORDER_BREAKING));
        breaking.put("orderId", "o-6");
        breaking.put("quantity", 1);
        breaking.put("price", 100L);

        assertThatThrownBy(() -> generic.serializer().serialize("orders", breaking))
                .isInstanceOf(SerializationException.class).hasMessageContaining("orders-value")
                .hasMessageContaining("incompatible");
    }

    @Test
    void nullsAreTombstonesBothWays() {
        assertThat(orders.serializer().serialize("orders", null)).isNull();
        assertThat(orders.deserializer().deserialize("orders", null)).isNull();
    }

    @Test
    void withoutAutoRegistrationOnlyAlreadyRegisteredSchemasAreWritten() {
        AvroSerializer<GenericRecord> strict = new AvroSerializer<>(registry, false, false, SubjectNameStrategy.TOPIC_NAME);
        GenericRecord record = TestSchemas.orderV1("o-7", 1);

        assertThatThrownBy(() -> strict.serialize("orders", record)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("orders-value");
        registry.register("orders-value", record.getSchema());
        assertThat(strict.serialize("orders", record)).isEqualTo(generic.serializer().serialize("orders", record));
    }

    @Test
    void nonAvroValuesAreRejectedWithTheirType() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        AvroSerializer<Object> raw = new AvroSerializer(registry, false);

        assertThatThrownBy(() -> raw.serialize("orders", "plain string"))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.String");
    }

    @Test
    void aRecordMissingARequiredFieldFailsAsASerializationException() {
        GenericRecord incomplete = new GenericData.Record(TestSchemas.parse(TestSchemas.ORDER_V1));
        incomplete.put("quantity", 1);

        assertThatThrownBy(() -> generic.serializer().serialize("orders", incomplete))
                .isInstanceOf(SerializationException.class).hasMessageContaining("TestOrder");
    }
}
