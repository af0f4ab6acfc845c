package com.tradingcontrol.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte {@code 0}, the schema id as a 4-byte big-endian int, then
 * the Avro binary encoding of the value. (Avro's own single-object encoding uses a different header
 * and a fingerprint, so it cannot be used with Confluent tooling.)
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** Writes the 5-byte header for {@code schemaId} into {@code out}. */
    static void writeHeader(ByteBuffer out, int schemaId) {
        out.put(MAGIC_BYTE).putInt(schemaId);
    }

    /**
     * Validates the header and returns the schema id.
     *
     * @throws SerializationException if the payload is shorter than a header or the magic byte is not 0
     */
    public static int schemaId(byte[] data, String topic) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("truncated record on topic '" + topic + "': " + data.length
                    + " bytes, the Confluent header alone is " + HEADER_SIZE);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "unknown magic byte 0x%02x on topic '%s': not in the Confluent wire format", data[0], topic));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
