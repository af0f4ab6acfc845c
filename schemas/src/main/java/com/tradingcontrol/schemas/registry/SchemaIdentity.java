package com.tradingcontrol.schemas.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * When two schemas are "the same schema" for id assignment.
 *
 * <p>The key is Avro's Parsing Canonical Form fingerprint ({@link SchemaNormalization}), which
 * ignores whitespace, attribute order and docs. The canonical form alone is too coarse for a
 * registry: it also drops defaults and logical types, so a schema that only adds a default (which
 * changes how it reads older data) or turns a {@code long} into {@code timestamp-millis} would be
 * given the old id. Equality therefore also requires {@link Schema#equals}, which compares
 * defaults and properties but still ignores docs. Editing only a doc thus keeps the id, as it
 * should: such schemas encode and decode identically.
 */
record SchemaIdentity(long canonicalFingerprint, Schema schema) {

    static SchemaIdentity of(Schema schema) {
        return new SchemaIdentity(SchemaNormalization.parsingFingerprint64(schema), schema);
    }
}
