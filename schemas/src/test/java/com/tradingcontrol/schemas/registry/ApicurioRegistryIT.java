package com.tradingcontrol.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.schemas.serde.AvroSerdes;
import com.tradingcontrol.schemas.serde.TestOrder;
import com.tradingcontrol.schemas.serde.TestSchemas;
import com.tradingcontrol.schemas.serde.WireFormat;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REST client and the serde against a real Apicurio Registry through its Confluent-compatible
 * API. One server for the whole class; each test uses its own subjects.
 */
@Timeout(120) // seconds, per test method; ~5 s observed for the class
class ApicurioRegistryIT {

    private static ApicurioServer server;
    private static RestSchemaRegistryClient client;

    private final Schema v1 = TestSchemas.parse(TestSchemas.ORDER_V1);
    private final Schema v2 = TestSchemas.parse(TestSchemas.ORDER_V2);
    private final Schema breaking = TestSchemas.parse(TestSchemas.ORDER_BREAKING);

    @BeforeAll
    static void startRegistry() throws Exception {
        server = ApicurioServer.start();
        client = new RestSchemaRegistryClient(RestRegistryConfig.of(server.baseUrl()));
    }

    @AfterAll
    static void stopRegistry() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void serdeRoundTripsAndTheBytesCarryTheRegistrysId() {
        Serde<TestOrder> serde = AvroSerdes.specific(client, TestOrder.class, false);
        TestOrder order = new TestOrder("o-1", 4, "via apicurio");

        byte[] bytes = serde.serializer().serialize("it-orders", order);
        SchemaVersion latest = client.latest("it-orders-value");

        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest.id());
        assertThat(latest.schema()).isEqualTo(TestOrder.SCHEMA$);
        assertThat(latest.version()).isEqualTo(1);
        assertThat(serde.deserializer().deserialize("it-orders", bytes)).isEqualTo(order);
    }

    @Test
    void olderGenericDataIsReadIntoTheNewerClassThroughTheRegistry() {
        Serde<GenericRecord> generic = AvroSerdes.generic(client, false);
        byte[] v1Bytes = generic.serializer().serialize("it-evolve", TestSchemas.orderV1("o-2", 6));

        TestOrder read = AvroSerdes.specific(client, TestOrder.class, false).deserializer()
                .deserialize("it-evolve", v1Bytes);

        assertThat(generic.deserializer().deserialize("it-evolve", v1Bytes).getSchema()).isEqualTo(v1);
        assertThat(read.orderId()).isEqualTo("o-2");
        assertThat(read.note()).isEqualTo("none");
    }

    @Test
    void reRegisteringTheSameSchemaReturnsTheSameId() {
        int id = client.register("it-reuse-value", v1);

        assertThat(client.register("it-reuse-value", TestSchemas.parse(TestSchemas.ORDER_V1))).isEqualTo(id);
        assertThat(client.lookupId("it-reuse-value", v1)).isEqualTo(id);
        assertThat(client.latest("it-reuse-value").version()).isEqualTo(1);
        assertThat(client.getById(id)).isEqualTo(v1);
    }

    @Test
    void underBackwardAnIncompatibleSchemaIsRejectedAndACompatibleOneAccepted() {
        String subject = "it-compat-value";
        client.register(subject, v1);
        client.setCompatibility(subject, CompatibilityLevel.BACKWARD);

        assertThat(client.getCompatibility(subject)).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.testCompatibility(subject, breaking)).isFalse();
        assertThat(client.testCompatibility(subject, v2)).isTrue();
        assertThatThrownBy(() -> client.register(subject, breaking))
                .isInstanceOf(IncompatibleSchemaException.class)
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(409);
        int v2Id = client.register(subject, v2);
        assertThat(client.latest(subject)).isEqualTo(new SchemaVersion(subject, 2, v2Id, v2));
    }

    @Test
    void theGlobalLevelIsReadAndSetAndAppliesToSubjectsWithoutTheirOwn() {
        CompatibilityLevel before = client.getCompatibility(null);
        try {
            client.setCompatibility(null, CompatibilityLevel.FULL_TRANSITIVE);
            client.register("it-global-value", v1);

            assertThat(client.getCompatibility(null)).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
            assertThat(client.getCompatibility("it-global-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        } finally {
            client.setCompatibility(null, before);
        }
    }

    @Test
    void unknownIdsAndSubjectsAreNotFound() {
        assertThatThrownBy(() -> client.getById(987_654)).isInstanceOf(SchemaNotFoundException.class)
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(40403);
        assertThatThrownBy(() -> client.latest("it-missing-value")).isInstanceOf(SchemaNotFoundException.class)
                .extracting(e -> ((SchemaRegistryException) e).errorCode()).isEqualTo(40401);
        assertThatThrownBy(() -> client.lookupId("it-missing-value", v1)).isInstanceOf(SchemaNotFoundException.class);
        assertThat(client.testCompatibility("it-missing-value", v1)).isTrue();
    }
}
