package com.tradingcontrol.api.commands;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.SigningKeys;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.api.wiring.ApiWiring;
import com.tradingcontrol.kafka.embedded.EmbeddedKafkaBroker;
import com.tradingcontrol.local.ItPlatform;
import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.IdempotencyBinding;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.topics.KeyedCommands;
import com.tradingcontrol.schemas.topics.Topics;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kafka as an attack surface, against a real broker, the real processors and the real app: a command
 * written straight to trading.commands without the API's key acts as nobody, and an Idempotency-Key
 * reused for another request is refused with 422 and changes nothing, across partitions and instances.
 * Nothing here engages the kill switch for real, so "the kill switch stays off" is checkable.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CommandSecurityIT {
    private static final EmbeddedKafkaBroker BROKER = EmbeddedKafkaBroker.startTemporary();
    private static final InProcessSchemaRegistry REGISTRY = InProcessSchemaRegistry.inMemory();
    private static final int PARTITIONS = 3;
    private static final Topics TOPICS = new Topics(REGISTRY, PARTITIONS);
    private static final ApiWiring WIRING = new ApiWiring(REGISTRY, Clock.systemUTC(), List.of());
    /** The subject of {@link Tokens#operator()}. */
    private static final String OPERATOR_SUBJECT = "op-1";

    @RegisterExtension @Order(1)
    static final AfterAllCallback CLOSE_BROKER = context -> BROKER.close();

    @RegisterExtension @Order(2)
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(WIRING::register,
            ItPlatform.apiOverrides(BROKER.bootstrapServers(), PARTITIONS));

    private static ItPlatform processors;
    private static CommandClient client;
    private static KafkaProducer<String, CommandEnvelope> producer;

    @BeforeAll
    static void start() throws Exception {
        processors = ItPlatform.processors(BROKER.bootstrapServers(), REGISTRY, "api-command-security-it",
                Map.of(ProcessorKeys.PARTITIONS, Integer.toString(PARTITIONS)));
        client = new CommandClient(new Http(APP.getLocalPort()));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), TOPICS.commands().valueSerde().serializer());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        producer.close();
        processors.close();
    }

    @Test
    void aCommandWrittenStraightToKafkaWithoutTheApiKeyIsRejectedAuditedCountedAndChangesNothing() throws Exception {
        String id = unique("forged");
        CommandEnvelope forged = envelope(id, new Actor("mallory", null, List.of("admin")),
                new EngageKillSwitch("whoever writes to Kafka is admin"));
        producer.send(new ProducerRecord<>(TOPICS.commands().name(), "global", forged)).get();

        CommandOutcome outcome = awaitOutcome(id);
        assertThat(outcome.getStatus()).isEqualTo(OutcomeStatus.REJECTED);
        assertThat(outcome.getCode()).isEqualTo("UNAUTHENTICATED_COMMAND");
        assertThat(outcome.getEventIds()).isEmpty();
        List<AuditRecord> audit = TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.audit(),
                r -> r.getCommandId().equals(id));
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo("UNAUTHENTICATED_COMMAND");
            assertThat(r.getActor().getSubject()).isEqualTo("mallory");
        });
        assertKillSwitchNeverEngaged();
        assertThat(refusedCount()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aKeyReusedForTheKillSwitchOnAnotherPartitionAnswers422AndTheKillSwitchStaysOff() {
        String tenant = tenantOnAnotherPartitionThan("global");
        String key = unique("K");
        HttpResponse<String> pause = client.postWaiting("/api/trading-control/pause", Tokens.operator(),
                "{\"scope\":\"tenant:" + tenant + "\",\"reason\":\"investigating fills\"}", "Idempotency-Key", key);
        assertThat(pause.statusCode()).as(pause.body()).isEqualTo(200);

        HttpResponse<String> kill = client.postWaiting("/api/kill-switch", Tokens.operator(),
                "{\"reason\":\"emergency\"}", "Idempotency-Key", key);

        JsonNode problem = assertProblem(kill, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(problem.path("detail").asText()).contains(key).contains("nothing was changed");
        assertKillSwitchNeverEngaged();
    }

    @Test
    void aKeyFirstUsedThroughAnotherApiInstanceIsRefusedByTheProcessors() throws Exception {
        // Another API instance (same signing key) used the key for a pause; this instance has never seen it.
        String key = unique("K");
        String firstId = unique("other-instance");
        CommandEnvelope first = envelope(firstId, new Actor(OPERATOR_SUBJECT, null, List.of("operator")),
                new PauseTrading("symbol:" + unique("S").toUpperCase(), "from instance B", null));
        first.setIdempotency(new IdempotencyBinding(key, "fingerprint-of-instance-b-request"));
        producer.send(new ProducerRecord<>(TOPICS.keyedCommands().name(),
                KeyedCommands.recordKey(OPERATOR_SUBJECT, key), signer().sign(first))).get();
        assertThat(awaitOutcome(firstId).getStatus()).isEqualTo(OutcomeStatus.ACCEPTED);

        HttpResponse<String> kill = client.postWaiting("/api/kill-switch", Tokens.operator(),
                "{\"reason\":\"emergency\"}", "Idempotency-Key", key);

        JsonNode problem = assertProblem(kill, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(problem.path("detail").asText()).contains(firstId);
        assertKillSwitchNeverEngaged();
    }

    @Test
    void theSameRequestAgainGetsTheSameCommandAndOutcome() {
        String scope = "symbol:" + unique("R").toUpperCase();
        String key = unique("K");
        HttpResponse<String> first = client.postWaiting("/api/trading-control/pause", Tokens.operator(),
                "{\"scope\":\"" + scope + "\",\"reason\":\"news\"}", "Idempotency-Key", key);
        HttpResponse<String> again = client.postWaiting("/api/trading-control/pause", Tokens.operator(),
                "{ \"reason\" : \"news\",\n \"scope\" : \"" + scope + "\" }", "Idempotency-Key", key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode a = Http.json(first);
        JsonNode b = Http.json(again);
        assertThat(b.path("commandId").asText()).isEqualTo(a.path("commandId").asText());
        assertThat(b.path("eventIds")).isEqualTo(a.path("eventIds"));
        assertThat(b.path("resultingVersion").asLong()).isEqualTo(1L);
    }

    private static CommandEnvelope envelope(String id, Actor actor, Object payload) {
        return CommandEnvelope.newBuilder().setCommandId(id).setRequestId("req-" + id).setIssuedAt(Instant.now())
                .setActor(actor).setExpectedVersion(null).setPayload(payload).build();
    }

    private static CommandSigner signer() {
        return new CommandSigner(SigningKeys.KEY_ID, SigningKeys.KEY);
    }

    private static CommandOutcome awaitOutcome(String commandId) {
        List<CommandOutcome> found = TopicReader.awaitMatching(BROKER.bootstrapServers(), TOPICS.outcomes(),
                o -> o.getCommandId().equals(commandId));
        assertThat(found).as("outcome of " + commandId).isNotEmpty();
        return found.get(0);
    }

    /** Read after the deciding outcome was seen: outcome and events commit in one transaction. */
    private static void assertKillSwitchNeverEngaged() {
        List<EventEnvelope> global = TopicReader.readAll(BROKER.bootstrapServers(), TOPICS.events()).stream()
                .filter(e -> e.getAggregateId().equals("global")).toList();
        assertThat(global).as("events of the global aggregate").isEmpty();
    }

    private static double refusedCount() {
        return processors.processorService().streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("unauthenticated-commands-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    /** A tenant whose aggregate trading.commands keeps in another partition than {@code aggregateId}. */
    private static String tenantOnAnotherPartitionThan(String aggregateId) {
        for (int i = 0; ; i++) {
            String tenant = "t" + i + "-" + UUID.randomUUID().toString().substring(0, 4);
            if (partition("tenant:" + tenant) != partition(aggregateId)) {
                return tenant;
            }
        }
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
