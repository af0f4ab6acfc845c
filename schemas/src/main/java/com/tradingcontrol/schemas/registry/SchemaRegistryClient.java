package com.tradingcontrol.schemas.registry;

import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry API the platform uses. Ids are global: the same schema
 * registered under two subjects has one id, and an id never changes meaning.
 *
 * <p>Failures are {@link SchemaRegistryException}s: {@link IncompatibleSchemaException} when a
 * registration breaks the compatibility level, {@link SchemaNotFoundException} for unknown ids or
 * subjects.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} and returns its global id. Registering a schema
     * the subject already has returns the existing id and creates no new version.
     *
     * @throws IncompatibleSchemaException if the subject's compatibility level rejects the schema
     */
    int register(String subject, Schema schema);

    /**
     * Returns the id of {@code schema} if it is already registered under {@code subject}.
     *
     * @throws SchemaNotFoundException if it is not
     */
    int lookupId(String subject, Schema schema);

    /** @throws SchemaNotFoundException if no schema has this id */
    Schema getById(int id);

    /** @throws SchemaNotFoundException if the subject has no versions */
    SchemaVersion latest(String subject);

    /**
     * True if {@code schema} could be registered under {@code subject} given its effective
     * compatibility level; always true for a subject without versions.
     */
    boolean testCompatibility(String subject, Schema schema);

    /** Sets the level of one subject, or the global default when {@code subject} is null. */
    void setCompatibility(String subject, CompatibilityLevel level);

    /**
     * The effective level of {@code subject}: its own if set, else the global one. A null subject
     * returns the global level.
     */
    CompatibilityLevel getCompatibility(String subject);
}
