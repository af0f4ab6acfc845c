package com.tradingcontrol.schemas.registry;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Decorator that remembers what never changes once a registry has said it: id → schema and
 * (subject, schema) → id. The serde hot path therefore calls the registry once per schema, not per
 * record. Latest version, compatibility checks and levels do change and always go to the delegate.
 *
 * <p>Lookups are not done inside {@code computeIfAbsent}, so a slow remote call never blocks other
 * keys; two threads racing on a new schema may both ask the registry, which is harmless because
 * registration is idempotent.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, SchemaIdentity schema) {
    }

    private final SchemaRegistryClient delegate;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Wraps {@code client} unless it already caches. */
    public static SchemaRegistryClient of(SchemaRegistryClient client) {
        return client instanceof CachingSchemaRegistryClient ? client : new CachingSchemaRegistryClient(client);
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, SchemaIdentity.of(schema));
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = delegate.register(subject, schema);
        remember(key, id, schema);
        return id;
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, SchemaIdentity.of(schema));
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = delegate.lookupId(subject, schema);
        remember(key, id, schema);
        return id;
    }

    private void remember(SubjectSchema key, int id, Schema schema) {
        idsBySubjectSchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, schema);
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema schema = delegate.getById(id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    @Override
    public SchemaVersion latest(String subject) {
        return delegate.latest(subject);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return delegate.testCompatibility(subject, schema);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        delegate.setCompatibility(subject, level);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        return delegate.getCompatibility(subject);
    }
}
