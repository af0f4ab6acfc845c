package com.tradingcontrol.bench;

import com.tradingcontrol.client.ControlClient;
import com.tradingcontrol.client.Decision;
import com.tradingcontrol.codec.ControlStateMapper;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.topics.Topics;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The state topics as the processors write them, at a chosen size: {@code scopes} control states
 * (1 % tenants, 20 % tenant strategies with their profiles, the rest symbols; every tenth scope
 * restricted, the others active after a resume) and filler updates of those scopes for catch-up runs.
 * Queries cycle through the same population so that decide() meets restricted and free scopes alike.
 */
final class ClientStates {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    private final String bootstrap;
    private final Topics topics;
    private int tenants;
    private int strategies;
    private int symbols;
    private int written;
    private String[] tenantIds;
    private String[] profileIds;
    private String[] symbolIds;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    ClientStates(String bootstrap, Topics topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
    }

    void write(int scopes) {
        tenants = Math.max(1, scopes / 100);
        strategies = Math.max(1, scopes / 5);
        symbols = Math.max(1, scopes - tenants - strategies);
        prepareQueries();
        try (KafkaProducer<String, Object> producer = producer()) {
            for (int i = 0; i < tenants; i++) {
                control(producer, Scope.tenant(tenant(i)), i, 1);
            }
            for (int i = 0; i < strategies; i++) {
                control(producer, Scope.strategy(tenant(i % tenants), profile(i)), i, 1);
                ProfileStatus status = ProfileStatus.newBuilder().setTenantId(tenant(i % tenants))
                        .setProfileId(profile(i)).setName("profile " + i).setEnabled(i % 7 != 0).setVersion(2)
                        .setSetBy("bench").setSetAt(AT).setCommandId("p-" + i).setReason("bench").build();
                send(producer, topics.profileState().name(), "profile:" + tenant(i % tenants) + ":" + profile(i),
                        status);
            }
            for (int i = 0; i < symbols; i++) {
                control(producer, Scope.symbol(symbol(i)), i, 1);
            }
            producer.flush();
        }
        checkWritten();
    }

    /** More versions of the symbol scopes, up to {@code records} more records (a log not yet compacted). */
    void writeFiller(int records) {
        try (KafkaProducer<String, Object> producer = producer()) {
            for (int i = 0; i < records; i++) {
                control(producer, Scope.symbol(symbol(i % symbols)), i, 2 + i / symbols);
            }
            producer.flush();
        }
        checkWritten();
    }

    int written() {
        return written;
    }

    /**
     * One decision of the population. The ids are made once ({@link #prepareQueries}): an engine holds its
     * symbols and profiles already, so building strings must not count as decide() time.
     */
    Decision query(ControlClient client, int i) {
        int s = i % strategies;
        return client.decide(tenantIds[s % tenants], profileIds[s], symbolIds[i % symbols]);
    }

    private void prepareQueries() {
        tenantIds = new String[tenants];
        profileIds = new String[strategies];
        symbolIds = new String[symbols];
        for (int i = 0; i < tenants; i++) {
            tenantIds[i] = tenant(i);
        }
        for (int i = 0; i < strategies; i++) {
            profileIds[i] = profile(i);
        }
        for (int i = 0; i < symbols; i++) {
            symbolIds[i] = symbol(i);
        }
    }

    private void control(KafkaProducer<String, Object> producer, Scope scope, int i, long version) {
        Provenance by = new Provenance("bench-operator", AT, "c-" + scope + "-" + version, "bench " + i);
        ControlState state = i % 10 == 0
                ? new ControlState(scope, version, new ControlState.Pause(by, null), null, null, null)
                : new ControlState(scope, version, null, null, null, null);
        send(producer, topics.controlState().name(), scope.toString(), ControlStateMapper.toAvro(state, by,
                "e-" + scope + "-" + version));
    }

    private void send(KafkaProducer<String, Object> producer, String topic, String key, Object value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
        written++;
    }

    /** After a flush: every record written, or the first failure. */
    private void checkWritten() {
        if (failure.get() != null) {
            throw new IllegalStateException("writing state records failed", failure.get());
        }
    }

    private KafkaProducer<String, Object> producer() {
        Properties p = KafkaSupport.throughputProducer(bootstrap);
        // One serializer for both value types: the topic's serde chooses by the record's class.
        return new KafkaProducer<>(p, topics.controlState().keySerde().serializer(),
                (topic, value) -> topic.equals(topics.profileState().name())
                        ? topics.profileState().valueSerde().serializer().serialize(topic, (ProfileStatus) value)
                        : topics.controlState().valueSerde().serializer().serialize(topic,
                                (com.tradingcontrol.schemas.avro.ControlState) value));
    }

    private static String tenant(int i) {
        return "tenant-" + i;
    }

    private static String profile(int i) {
        return "p" + i;
    }

    private static String symbol(int i) {
        return "SYM" + i;
    }
}
