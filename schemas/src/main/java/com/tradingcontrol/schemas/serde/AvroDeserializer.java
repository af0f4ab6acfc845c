package com.tradingcontrol.schemas.serde;

import com.tradingcontrol.schemas.registry.CachingSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaNotFoundException;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for the Confluent wire format. The writer schema is fetched by the id in the
 * header (cached); Avro schema resolution then reads it into the reader schema: the generated
 * class's own schema for {@link #specific}, the writer schema (or a given one) for {@link #generic}.
 *
 * <p>Bad data (null stays null) — wrong magic byte, unknown schema id, truncated or trailing bytes,
 * a writer schema the reader cannot resolve — raises {@link SerializationException} with the topic
 * in the message, which stream processors route to a dead-letter topic. A registry that cannot be
 * reached raises {@link com.tradingcontrol.schemas.registry.SchemaRegistryException} instead: that
 * is an outage, not a bad record. Thread-safe.
 */
public final class AvroDeserializer<T> implements Deserializer<T> {

    private final SchemaRegistryClient registry;
    private final Schema readerSchema;
    private final GenericData model;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    private AvroDeserializer(SchemaRegistryClient registry, Schema readerSchema, GenericData model) {
        this.registry = CachingSchemaRegistryClient.of(Objects.requireNonNull(registry, "registry"));
        this.readerSchema = readerSchema;
        this.model = model;
    }

    /** Reads into the generated class {@code type}, resolving from whatever writer schema was used. */
    public static <T extends SpecificRecord> AvroDeserializer<T> specific(SchemaRegistryClient registry, Class<T> type) {
        SpecificData data = SpecificData.getForClass(type);
        return new AvroDeserializer<>(registry, data.getSchema(type), data);
    }

    /** Reads {@link GenericRecord}s with the writer's own schema. */
    public static AvroDeserializer<GenericRecord> generic(SchemaRegistryClient registry) {
        return new AvroDeserializer<>(registry, null, GenericData.get());
    }

    /** Reads {@link GenericRecord}s shaped by {@code readerSchema}, resolving from the writer's. */
    public static AvroDeserializer<GenericRecord> generic(SchemaRegistryClient registry, Schema readerSchema) {
        return new AvroDeserializer<>(registry, Objects.requireNonNull(readerSchema, "readerSchema"), GenericData.get());
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = WireFormat.schemaId(data, topic);
        DatumReader<T> reader = reader(id, topic);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
        T value;
        try {
            value = reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            // Avro's binary decoder signals a cut-off or garbled payload with EOFException, but also with
            // these runtime exceptions when a corrupt varint decodes to an impossible length or index.
            throw new SerializationException("cannot decode record with schema id " + id + " on topic '" + topic
                    + "': truncated or corrupt Avro payload (" + e + ")", e);
        }
        checkFullyRead(decoder, id, topic);
        return value;
    }

    private static void checkFullyRead(BinaryDecoder decoder, int id, String topic) {
        try {
            if (!decoder.isEnd()) {
                throw new SerializationException("record with schema id " + id + " on topic '" + topic
                        + "' has trailing bytes after the Avro value: wrong schema id or corrupt payload");
            }
        } catch (IOException e) {
            throw new SerializationException("cannot check end of record on topic '" + topic + "'", e);
        }
    }

    private DatumReader<T> reader(int id, String topic) {
        DatumReader<T> cached = readers.get(id);
        if (cached != null) {
            return cached;
        }
        Schema writer;
        try {
            writer = registry.getById(id);
        } catch (SchemaNotFoundException e) {
            throw new SerializationException("unknown schema id " + id + " on topic '" + topic + "'", e);
        }
        DatumReader<T> created = newReader(writer, readerSchema == null ? writer : readerSchema);
        DatumReader<T> raced = readers.putIfAbsent(id, created);
        return raced != null ? raced : created;
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(Schema writer, Schema reader) {
        if (model instanceof SpecificData specific) {
            return new SpecificDatumReader<>(writer, reader, specific);
        }
        return (DatumReader<T>) new GenericDatumReader<GenericRecord>(writer, reader, model);
    }
}
