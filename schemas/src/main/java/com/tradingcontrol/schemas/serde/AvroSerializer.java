package com.tradingcontrol.schemas.serde;

import com.tradingcontrol.schemas.registry.CachingSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for Avro records (generated {@link SpecificRecord}s or {@code GenericRecord}s)
 * in the Confluent wire format. The writer schema is the record's own; it is registered under the
 * subject from {@link SubjectNameStrategy} (or, with auto-registration off, must already be
 * registered there). Ids are cached, so the registry is asked once per schema. Null stays null
 * (tombstones). Thread-safe.
 */
public final class AvroSerializer<T> implements Serializer<T> {

    private final SchemaRegistryClient registry;
    private final boolean isKey;
    private final boolean autoRegister;
    private final SubjectNameStrategy subjects;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<SchemaInstance, Integer> idsBySchemaInstance = new ConcurrentHashMap<>();

    public AvroSerializer(SchemaRegistryClient registry, boolean isKey) {
        this(registry, isKey, true, SubjectNameStrategy.TOPIC_NAME);
    }

    public AvroSerializer(SchemaRegistryClient registry, boolean isKey, boolean autoRegister,
            SubjectNameStrategy subjects) {
        this.registry = CachingSchemaRegistryClient.of(Objects.requireNonNull(registry, "registry"));
        this.isKey = isKey;
        this.autoRegister = autoRegister;
        this.subjects = Objects.requireNonNull(subjects, "subjects");
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("cannot serialize " + data.getClass().getName() + " for topic '"
                    + topic + "': only Avro records (SpecificRecord or GenericRecord) are supported");
        }
        Schema schema = record.getSchema();
        int id = schemaId(topic, schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64);
            ByteBuffer header = ByteBuffer.allocate(WireFormat.HEADER_SIZE);
            WireFormat.writeHeader(header, id);
            out.write(header.array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer(schema, data).write(data, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            // Avro reports a record that does not match its schema with these: NPE for a null in a
            // non-null field ("null value for (non-nullable) ..."), ClassCastException for a wrong type.
            throw new SerializationException("cannot encode " + schema.getFullName() + " for topic '" + topic
                    + "': " + e.getMessage(), e);
        }
    }

    private int schemaId(String topic, Schema schema) {
        // Hot path: the registry cache keys on a normalized fingerprint, which costs more than encoding
        // a small record. A record's schema is one shared instance per class, so remember ids by identity.
        SchemaInstance key = new SchemaInstance(topic, schema);
        Integer cached = idsBySchemaInstance.get(key);
        if (cached != null) {
            return cached;
        }
        int id = lookupSchemaId(topic, schema);
        idsBySchemaInstance.put(key, id);
        return id;
    }

    /** Identity (not equality) of a schema instance, per topic. */
    private record SchemaInstance(String topic, Schema schema) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SchemaInstance other && other.schema == schema && other.topic.equals(topic);
        }

        @Override
        public int hashCode() {
            return 31 * topic.hashCode() + System.identityHashCode(schema);
        }
    }

    private int lookupSchemaId(String topic, Schema schema) {
        String subject = subjects.subject(topic, isKey);
        try {
            return autoRegister ? registry.register(subject, schema) : registry.lookupId(subject, schema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot get a schema id for " + schema.getFullName()
                    + " under subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    private DatumWriter<Object> writer(Schema schema, Object data) {
        return writers.computeIfAbsent(schema, s -> data instanceof SpecificRecord
                ? new SpecificDatumWriter<>(s, SpecificData.getForClass(data.getClass()))
                : new GenericDatumWriter<>(s, GenericData.get()));
    }
}
