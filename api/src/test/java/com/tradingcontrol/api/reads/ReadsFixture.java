package com.tradingcontrol.api.reads;

import com.tradingcontrol.kafka.embedded.SharedEmbeddedKafka;
import com.tradingcontrol.codec.audit.AuditChain;
import com.tradingcontrol.codec.audit.ChainHead;
import com.tradingcontrol.projections.projector.AuditDocuments;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentWriter;
import com.tradingcontrol.projections.projector.EventFolding;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AggregateType;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.ConfigUpdated;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.avro.ProfileCreated;
import com.tradingcontrol.schemas.avro.ReduceOnlySet;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.serde.AvroSerdes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A small history written the way production writes it: Avro events and hash-chained audit records
 * produced to (per-class) topics on the embedded broker, and folded into a real SQLite projection by
 * the projector's own folding code. Times are fixed so tests can ask about instants between changes.
 */
final class ReadsFixture implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    final String eventsTopic = "events-" + UUID.randomUUID();
    final String auditTopic = "audit-" + UUID.randomUUID();
    final InProcessSchemaRegistry registry = InProcessSchemaRegistry.inMemory();
    final SqliteProjectionStore store = SqliteProjectionStore.inMemory();
    final ActiveProjection projection;
    final LogSource log;
    final List<EventEnvelope> events = new ArrayList<>();
    final List<AuditRecord> audit = new ArrayList<>();
    private final DocumentWriter writer = new DocumentWriter(store);
    private final ContainerNames names;
    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";

    ReadsFixture() throws Exception {
        String bootstrap = SharedEmbeddedKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(eventsTopic, 2, (short) 1), new NewTopic(auditTopic, 2, (short) 1)))
                    .all().get();
        }
        new ProjectionMeta(store, prefix, Clock.systemUTC()).initialize("reads-test");
        names = new ContainerNames(prefix, 1);
        projection = new ActiveProjection(store, prefix, Duration.ofSeconds(1));
        log = new LogSource(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), registry, eventsTopic, auditTopic,
                Duration.ofSeconds(10));
    }

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** The history: see each line's time; tenant ua and ub are two customers. */
    void writeHistory() {
        event(0, "profile:ua:pa1", AggregateType.TRADING_PROFILE, 1, "user-ua", new ProfileCreated("pa1", "ua", "A one"));
        event(1, "profile:ub:pb1", AggregateType.TRADING_PROFILE, 1, "user-ub", new ProfileCreated("pb1", "ub", "B one"));
        event(10, "tenant:ub", AggregateType.TRADING_CONTROL, 1, "op-1", new TradingPaused("tenant:ub", "risk on b", null));
        event(15, "strategy:ub:pb1", AggregateType.TRADING_CONTROL, 1, "op-1",
                new TradingPaused("strategy:ub:pb1", "bad strategy", null));
        event(20, "config:features.backtest.enabled", AggregateType.DYNAMIC_CONFIG, 1, "admin-1",
                new ConfigUpdated("features.backtest.enabled", true, false, "launch"));
        event(30, "tenant:ua", AggregateType.TRADING_CONTROL, 1, "op-1", new TradingPaused("tenant:ua", "check a", null));
        event(40, "tenant:ua", AggregateType.TRADING_CONTROL, 2, "op-1", new TradingResumed("tenant:ua", "a is fine"));
        event(46, "symbol:TSLA", AggregateType.TRADING_CONTROL, 1, "op-1",
                new ReduceOnlySet("symbol:TSLA", "wind down tsla", null));
        produceEvents();
        ChainHead head = ChainHead.genesis("chain-0");
        head = auditRecord(head, 10, "PauseTrading", "tenant:ub", "ub", "req-10", OutcomeStatus.ACCEPTED);
        head = auditRecord(head, 30, "PauseTrading", "tenant:ua", "ua", "req-30", OutcomeStatus.ACCEPTED);
        auditRecord(head, 35, "ReleaseKillSwitch", "global", "platform", "req-35", OutcomeStatus.REJECTED);
        produceAudit(0, audit);
    }

    /** A second chain (partition 1) whose second record is altered after it was sealed, at minute 50+. */
    void writeTamperedChain() {
        List<AuditRecord> chain = new ArrayList<>();
        ChainHead head = ChainHead.genesis("chain-1");
        for (int i = 0; i < 3; i++) {
            AuditChain.Appended appended = AuditChain.append(head, content(50 + i, "PauseTrading", "global", "platform",
                    "req-5" + i, OutcomeStatus.ACCEPTED));
            chain.add(appended.record());
            head = appended.head();
        }
        chain.set(1, AuditRecord.newBuilder(chain.get(1)).setReason("rewritten afterwards").build());
        produceAudit(1, chain);
    }

    private void event(int minute, String aggregateId, AggregateType type, long sequence, String subject, Object payload) {
        String commandId = "cmd-" + minute;
        EventEnvelope e = new EventEnvelope(commandId + ":0", commandId, "req-" + minute, aggregateId, type, sequence,
                at(minute), new Actor(subject, null, List.of("operator")), payload);
        events.add(e);
        writer.apply(names, EventFolding.updateFor(e));
    }

    private ChainHead auditRecord(ChainHead head, int minute, String action, String aggregateId, String productId,
                                  String requestId, OutcomeStatus outcome) {
        AuditChain.Appended appended = AuditChain.append(head, content(minute, action, aggregateId, productId, requestId, outcome));
        audit.add(appended.record());
        writer.apply(names, AuditDocuments.updateFor(appended.record()));
        return appended.head();
    }

    private static AuditRecord.Builder content(int minute, String action, String aggregateId, String productId,
                                               String requestId, OutcomeStatus outcome) {
        return AuditRecord.newBuilder().setAuditId("cmd-" + minute).setCommandId("cmd-" + minute)
                .setRequestId(requestId).setProductId(productId).setActor(new Actor("op-1", null, List.of("operator")))
                .setAction(action).setAggregateId(aggregateId).setOutcome(outcome)
                .setCode(outcome == OutcomeStatus.REJECTED ? "INVALID_STATE" : null).setReason("because " + minute)
                .setEventIds(List.of()).setOccurredAt(at(minute));
    }

    private void produceEvents() {
        Serializer<EventEnvelope> serializer = AvroSerdes.specific(registry, EventEnvelope.class, false).serializer();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (EventEnvelope e : events) {
                producer.send(new ProducerRecord<>(eventsTopic, e.getAggregateId(), serializer.serialize(eventsTopic, e)));
            }
            producer.flush();
        }
    }

    private void produceAudit(int partition, List<AuditRecord> records) {
        Serializer<AuditRecord> serializer = AvroSerdes.specific(registry, AuditRecord.class, false).serializer();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (AuditRecord r : records) {
                producer.send(new ProducerRecord<>(auditTopic, partition, r.getOccurredAt().toEpochMilli(), r.getChainId(),
                        serializer.serialize(auditTopic, r)));
            }
            producer.flush();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEmbeddedKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    @Override
    public void close() {
        store.close();
        registry.close();
    }
}
