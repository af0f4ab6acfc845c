package com.tradingcontrol.schemas.serde;

import com.tradingcontrol.schemas.registry.CachingSchemaRegistryClient;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Factories for Confluent-format Avro serdes with the defaults the platform uses: subjects by
 * {@link SubjectNameStrategy#TOPIC_NAME}, auto-registration on, ids cached.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** Serde for a generated Avro class; values are read into {@code type} via schema resolution. */
    public static <T extends SpecificRecord> Serde<T> specific(SchemaRegistryClient client, Class<T> type,
            boolean isKey) {
        SchemaRegistryClient cached = CachingSchemaRegistryClient.of(client);
        return new AvroSerde<>(new AvroSerializer<>(cached, isKey), AvroDeserializer.specific(cached, type));
    }

    /** Serde for {@link GenericRecord}s, read with the writer's schema. */
    public static Serde<GenericRecord> generic(SchemaRegistryClient client, boolean isKey) {
        SchemaRegistryClient cached = CachingSchemaRegistryClient.of(client);
        return new AvroSerde<>(new AvroSerializer<>(cached, isKey), AvroDeserializer.generic(cached));
    }
}
