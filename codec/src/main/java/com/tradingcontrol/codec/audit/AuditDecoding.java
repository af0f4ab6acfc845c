package com.tradingcontrol.codec.audit;

import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.serde.AvroDeserializer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes {@code trading.audit} values for verification: once into the current {@link AuditRecord}
 * (to read the chain fields) and once with the writer schema named by the wire-format header (which
 * is what the record's hash covers). A record sealed under an older AuditRecord schema therefore
 * still verifies after the schema evolves; decoding it with the current schema alone would re-encode
 * it differently and make every old record look ALTERED. Thread-safe.
 */
public final class AuditDecoding {

    private final AvroDeserializer<AuditRecord> current;
    private final AvroDeserializer<GenericRecord> asWritten;

    public AuditDecoding(SchemaRegistryClient registry) {
        this.current = AvroDeserializer.specific(registry, AuditRecord.class);
        this.asWritten = AvroDeserializer.generic(registry);
    }

    /**
     * The entry for the value at {@code offset}.
     *
     * @throws SerializationException when the bytes cannot be decoded (the caller reports UNREADABLE)
     */
    public AuditEntry decode(String topic, long offset, byte[] value) {
        if (value == null) {
            throw new SerializationException("audit record at offset " + offset + " on '" + topic + "' is null");
        }
        return new AuditEntry(offset, current.deserialize(topic, value), asWritten.deserialize(topic, value));
    }
}
