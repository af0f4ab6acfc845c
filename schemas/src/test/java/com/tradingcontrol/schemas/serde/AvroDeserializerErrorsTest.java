package com.tradingcontrol.schemas.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

/** Every malformed payload must surface as a SerializationException, which routes the record to a DLQ. */
class AvroDeserializerErrorsTest {

    private final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    private final Deserializer<TestOrder> orders = AvroDeserializer.specific(registry, TestOrder.class);
    private final byte[] valid = AvroSerdes.specific(registry, TestOrder.class, false).serializer()
            .serialize("orders", new TestOrder("o-1", 2, "a note"));

    @Test
    void aWrongMagicByteIsRejected() {
        byte[] bad = valid.clone();
        bad[0] = 1;

        assertThatThrownBy(() -> orders.deserialize("orders", bad)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("magic byte 0x01").hasMessageContaining("orders");
    }

    @Test
    void anUnknownSchemaIdIsRejected() {
        byte[] bad = valid.clone();
        bad[4] = 99;

        assertThatThrownBy(() -> orders.deserialize("orders", bad)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id 99");
    }

    @Test
    void aPayloadShorterThanTheHeaderIsRejected() {
        assertThatThrownBy(() -> orders.deserialize("orders", new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated").hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> orders.deserialize("orders", new byte[0]))
                .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
    }

    @Test
    void aTruncatedAvroBodyIsRejectedAtEveryCut() {
        for (int length = 5; length < valid.length; length++) {
            byte[] cut = Arrays.copyOf(valid, length);
            assertThatThrownBy(() -> orders.deserialize("orders", cut)).as("cut at %d bytes", length)
                    .isInstanceOf(SerializationException.class).hasMessageContaining("orders");
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] longer = Arrays.copyOf(valid, valid.length + 2);

        assertThatThrownBy(() -> orders.deserialize("orders", longer)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("trailing bytes");
    }
}
