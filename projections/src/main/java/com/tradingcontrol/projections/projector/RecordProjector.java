package com.tradingcontrol.projections.projector;

import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Decodes one record of the events or audit topic and writes its document update. Shared by the
 * live projector, the rebuild and the drift check, so all three fold the log identically.
 */
public final class RecordProjector {

    private final ProjectorTopics topics;
    private final Deserializer<EventEnvelope> events;
    private final Deserializer<AuditRecord> audit;
    private final DocumentWriter writer;
    private final ContainerNames names;

    public RecordProjector(ProjectorTopics topics, SchemaRegistryClient registry, DocumentWriter writer,
                           ContainerNames names) {
        this.topics = topics;
        this.events = AvroSerdes.specific(registry, EventEnvelope.class, false).deserializer();
        this.audit = AvroSerdes.specific(registry, AuditRecord.class, false).deserializer();
        this.writer = writer;
        this.names = names;
    }

    public ContainerNames names() {
        return names;
    }

    /** A copy writing into another version or store, decoding with the same deserializers. */
    public RecordProjector to(DocumentWriter otherWriter, ContainerNames otherNames) {
        return new RecordProjector(topics, events, audit, otherWriter, otherNames);
    }

    private RecordProjector(ProjectorTopics topics, Deserializer<EventEnvelope> events, Deserializer<AuditRecord> audit,
                            DocumentWriter writer, ContainerNames names) {
        this.topics = topics;
        this.events = events;
        this.audit = audit;
        this.writer = writer;
        this.names = names;
    }

    /**
     * Runs {@code work} with a projector whose writes form one {@link DocumentWriter#inBatch batch}:
     * one store transaction for a whole poll instead of one per document.
     */
    public <T> T inBatch(Function<RecordProjector, T> work) {
        return writer.inBatch(batchWriter -> work.apply(batchWriter == writer ? this : to(batchWriter, names)));
    }

    /** @throws UnprojectableEventException naming the record when it cannot be decoded or folded */
    public DocumentWriter.Outcome apply(ConsumerRecord<String, byte[]> record) {
        DocumentUpdate update;
        try {
            update = updateFor(record);
        } catch (UnprojectableEventException e) {
            throw e;
        } catch (RuntimeException e) {
            String kind = e instanceof SerializationException ? "it cannot be decoded" : "it cannot be applied";
            throw new UnprojectableEventException(record.topic() + "-" + record.partition() + "@" + record.offset(),
                    kind + " (" + e.getMessage() + ")", e);
        }
        return writer.apply(names, update);
    }

    DocumentUpdate updateFor(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(topics.events())) {
            return EventFolding.updateFor(event(record));
        }
        if (record.topic().equals(topics.audit())) {
            return AuditDocuments.updateFor(audit.deserialize(record.topic(), record.value()));
        }
        throw new IllegalArgumentException("record from unexpected topic " + record.topic());
    }

    /** Whether {@code record} is one of the events topic (else the audit topic). */
    public boolean isEvent(ConsumerRecord<String, byte[]> record) {
        return record.topic().equals(topics.events());
    }

    /**
     * Decodes a record of the events topic. A record the current schema cannot read (typically an event
     * type added by a newer version: Avro cannot resolve a union branch it does not have) stops the
     * projector like any other {@link UnprojectableEventException}.
     */
    public EventEnvelope event(ConsumerRecord<String, byte[]> record) {
        try {
            return events.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            throw new UnprojectableEventException(record.topic() + "-" + record.partition() + "@" + record.offset(),
                    "it cannot be decoded, e.g. an event type newer than this projector (" + e.getMessage() + ")", e);
        }
    }
}
