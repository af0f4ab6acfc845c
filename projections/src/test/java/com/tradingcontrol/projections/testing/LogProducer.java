package com.tradingcontrol.projections.testing;

import com.tradingcontrol.projections.projector.ProjectorTopics;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes commands' events and audit records the way the processors do: each command's event and
 * audit record in one Kafka transaction (so read_committed and transaction markers are exercised).
 */
public final class LogProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final ProjectorTopics topics;
    private final Serializer<EventEnvelope> events;
    private final Serializer<AuditRecord> audit;

    public LogProducer(String bootstrap, ProjectorTopics topics, SchemaRegistryClient registry) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "test-producer-" + UUID.randomUUID());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(props, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        this.producer.initTransactions();
        this.topics = topics;
        this.events = AvroSerdes.specific(registry, EventEnvelope.class, false).serializer();
        this.audit = AvroSerdes.specific(registry, AuditRecord.class, false).serializer();
    }

    /** Creates the two topics with {@code partitions} partitions each. */
    public static void createTopics(String bootstrap, ProjectorTopics topics, int partitions) throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topics.events(), partitions, (short) 1),
                    new NewTopic(topics.audit(), partitions, (short) 1))).all().get();
        }
    }

    /** Writes a batch of commands in one transaction. */
    public void write(List<CommandStream.Step> steps) {
        producer.beginTransaction();
        for (CommandStream.Step s : steps) {
            producer.send(new ProducerRecord<>(topics.events(), s.event().getAggregateId(),
                    events.serialize(topics.events(), s.event())));
            producer.send(new ProducerRecord<>(topics.audit(), s.auditPartition(), s.audit().getChainId(),
                    audit.serialize(topics.audit(), s.audit())));
        }
        producer.commitTransaction();
    }

    /** Writes {@code count} commands from {@code stream}, {@code perTransaction} at a time. */
    public void write(CommandStream stream, int count, int perTransaction) {
        for (int written = 0; written < count; written += perTransaction) {
            List<CommandStream.Step> batch = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(perTransaction, count - written); i++) {
                batch.add(stream.next());
            }
            write(batch);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
