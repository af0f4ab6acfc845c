package com.tradingcontrol.processors.audit;

import com.tradingcontrol.schemas.avro.AuditRecord;
import java.util.Objects;

/**
 * An audit record with where it was read from, so a broken link can be located.
 *
 * @param offset the record's offset in its partition, or its index when it was not read from Kafka
 */
public record AuditEntry(long offset, AuditRecord record) {
    public AuditEntry {
        Objects.requireNonNull(record, "record");
    }
}
