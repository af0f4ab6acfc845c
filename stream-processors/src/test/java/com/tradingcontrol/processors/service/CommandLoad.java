package com.tradingcontrol.processors.service;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CreateProfile;
import com.tradingcontrol.schemas.avro.DisableProfile;
import com.tradingcontrol.schemas.avro.EnableProfile;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.ReleaseKillSwitch;
import com.tradingcontrol.schemas.avro.ApproveKillSwitchRelease;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A mixed command load from several producer threads: pauses and resumes on symbols and tenants,
 * timed pauses that expire during the run, kill switch engage/release, config changes, profile
 * create/enable/disable by customers, commands that are rejected (wrong role, other tenant,
 * unknown key), and about 1% resubmissions of an earlier command id.
 */
public final class CommandLoad {

    private static final Actor OPERATOR = new Actor("olga", null, List.of("operator"));
    private static final Actor ADMIN = new Actor("adam", null, List.of("admin"));
    private static final Actor SECOND_ADMIN = new Actor("adele", null, List.of("admin"));

    /** commandId -> number of times it was submitted. */
    public final Map<String, Integer> submissions = new ConcurrentHashMap<>();
    public final AtomicInteger sent = new AtomicInteger();

    private final String bootstrap;
    private final Serializer<CommandEnvelope> serializer;
    private final String topic;
    private final String idPrefix;

    public CommandLoad(String bootstrap, String topic, Serializer<CommandEnvelope> serializer) {
        this(bootstrap, topic, serializer, "");
    }

    /** @param idPrefix prefixed to every command id, so several loads on one cluster never share ids */
    public CommandLoad(String bootstrap, String topic, Serializer<CommandEnvelope> serializer, String idPrefix) {
        this.idPrefix = idPrefix;
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.serializer = serializer;
    }

    /** Sends {@code perThread} commands from each of {@code threads} producers; returns when all are acknowledged. */
    public void run(int threads, int perThread, int pauseEveryMillis) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    produce(thread, perThread, pauseEveryMillis);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("producer failed", failures.get(0));
        }
    }

    private void produce(int thread, int count, int pauseEveryMillis) throws InterruptedException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        Random random = new Random(42 + thread);
        List<ProducerRecord<String, CommandEnvelope>> history = new ArrayList<>();
        try (KafkaProducer<String, CommandEnvelope> producer =
                     new KafkaProducer<>(p, new StringSerializer(), serializer)) {
            for (int i = 0; i < count; i++) {
                ProducerRecord<String, CommandEnvelope> record;
                if (!history.isEmpty() && random.nextInt(100) == 0) {
                    record = history.get(random.nextInt(history.size()));
                } else {
                    record = next(random, idPrefix + "t" + thread + "-" + i);
                    history.add(record);
                }
                submissions.merge(record.value().getCommandId(), 1, Integer::sum);
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        throw new IllegalStateException("send failed", error);
                    }
                });
                sent.incrementAndGet();
                if (pauseEveryMillis > 0 && i % 50 == 49) {
                    Thread.sleep(pauseEveryMillis);
                }
            }
            producer.flush();
        }
    }

    private ProducerRecord<String, CommandEnvelope> next(Random random, String id) {
        int dice = random.nextInt(100);
        Instant now = Instant.now();
        if (dice < 30) {
            String scope = "symbol:S" + random.nextInt(30);
            Object payload = random.nextBoolean() ? new PauseTrading(scope, "volatility", null)
                    : new ResumeTrading(scope, "calm again", null);
            return record(scope, id, OPERATOR, payload, now);
        }
        if (dice < 42) {
            String scope = "tenant:u" + random.nextInt(10);
            Object payload = random.nextBoolean() ? new PauseTrading(scope, "risk review", null)
                    : new ResumeTrading(scope, "review done", null);
            return record(scope, id, OPERATOR, payload, now);
        }
        if (dice < 47) {
            String scope = "symbol:T" + random.nextInt(5);
            return record(scope, id, OPERATOR,
                    new PauseTrading(scope, "short halt", now.plusMillis(500 + random.nextInt(2500))), now);
        }
        if (dice < 52) {
            // Engage, propose a release, and approve it by a second admin (the two-person rule).
            return switch (random.nextInt(3)) {
                case 0 -> record("global", id, OPERATOR, new EngageKillSwitch("drill"), now);
                case 1 -> record("global", id, ADMIN, new ReleaseKillSwitch("drill over", null), now);
                default -> record("global", id, SECOND_ADMIN, new ApproveKillSwitchRelease("checked"), now);
            };
        }
        if (dice < 65) {
            boolean flag = random.nextBoolean();
            String key = flag ? "features.tabs.marketplace" : "risk.maxOpenOrders";
            Object value = flag ? (Object) random.nextBoolean() : (Object) (long) (1 + random.nextInt(1000));
            return record("config:" + key, id, ADMIN, new UpdateConfig(key, value, "tuning"), now);
        }
        if (dice < 92) {
            return profile(random, id, now);
        }
        if (dice < 96) {
            return record("global", id, new Actor("cust-u1", "u1", List.of("customer")),
                    new PauseTrading("global", "I want to", null), now);
        }
        return record("config:no.such.key", id, ADMIN, new UpdateConfig("no.such.key", 1L, "typo"), now);
    }

    private ProducerRecord<String, CommandEnvelope> profile(Random random, String id, Instant now) {
        String tenant = "u" + random.nextInt(10);
        String profileId = "p" + random.nextInt(5);
        boolean foreign = random.nextInt(10) == 0;
        Actor actor = new Actor("cust-" + tenant, foreign ? "u99" : tenant, List.of("customer"));
        int kind = random.nextInt(3);
        Object payload = kind == 0 ? new CreateProfile(profileId, tenant, "strategy " + profileId)
                : kind == 1 ? new EnableProfile(profileId, tenant, "go") : new DisableProfile(profileId, tenant, "stop");
        return record("profile:" + tenant + ":" + profileId, id, actor, payload, now);
    }

    private ProducerRecord<String, CommandEnvelope> record(String key, String id, Actor actor, Object payload,
                                                           Instant now) {
        CommandEnvelope envelope = TestKeys.SIGNER.sign(CommandEnvelope.newBuilder()
                .setCommandId(id).setRequestId("req-" + id).setIssuedAt(now).setActor(actor)
                .setExpectedVersion(null).setPayload(payload).build());
        return new ProducerRecord<>(topic, key, envelope);
    }
}
