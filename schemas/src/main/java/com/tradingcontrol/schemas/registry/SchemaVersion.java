package com.tradingcontrol.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/** One registered version of a subject: its per-subject version number, global id and schema. */
public record SchemaVersion(String subject, int version, int id, Schema schema) {
    public SchemaVersion {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
