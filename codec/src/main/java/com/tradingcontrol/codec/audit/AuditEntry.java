package com.tradingcontrol.codec.audit;

import com.tradingcontrol.schemas.avro.AuditRecord;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;

/**
 * An audit record with where it was read from, so a broken link can be located.
 *
 * @param offset    the record's offset in its partition, or its index when it was not read from Kafka
 * @param record    the record read into the current schema (chain fields, reason, ...)
 * @param asWritten the same record with the schema it was written with, which its hash covers
 *                  (see {@link AuditHashing#hashOf(GenericRecord)}); {@code record} itself when the
 *                  record never left this process
 */
public record AuditEntry(long offset, AuditRecord record, GenericRecord asWritten) {
    public AuditEntry {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(asWritten, "asWritten");
    }

    /** A record built or held in the current schema, never serialized under another. */
    public AuditEntry(long offset, AuditRecord record) {
        this(offset, record, record);
    }
}
