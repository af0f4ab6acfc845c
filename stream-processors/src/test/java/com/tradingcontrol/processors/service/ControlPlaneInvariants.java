package com.tradingcontrol.processors.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.codec.audit.AuditChainVerifier;
import com.tradingcontrol.codec.audit.AuditEntry;
import com.tradingcontrol.codec.audit.ChainHead;
import com.tradingcontrol.codec.audit.ChainVerification;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.codec.ConfigSettingMapper;
import com.tradingcontrol.codec.ProfileStatusMapper;
import com.tradingcontrol.codec.ControlStateMapper;
import com.tradingcontrol.codec.EventMapper;
import com.tradingcontrol.codec.StateJson;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The acceptance checks over the whole log after a run: outcomes, audit records, event sequences,
 * state equal to a fold of the events, and intact audit chains.
 */
public final class ControlPlaneInvariants {

    /** What was found, for the report. */
    public record Summary(int commands, int outcomes, int events, int auditRecords, int systemActions, int aggregates) {
    }

    /**
     * Submission count of a command whose client retried an unconfirmed send with the same
     * idempotency key: Kafka may hold it once or more, so it needs at least one outcome, all identical.
     */
    public static final int AT_LEAST_ONCE = 0;

    private ControlPlaneInvariants() {
    }

    public static Summary verify(String bootstrap, Topics topics, Map<String, Integer> submissions) {
        awaitNoTimedPausePending(bootstrap, topics, Duration.ofSeconds(30));
        List<ConsumerRecord<String, CommandOutcome>> outcomes = LogSnapshot.read(bootstrap, topics.outcomes());
        List<ConsumerRecord<String, EventEnvelope>> events = LogSnapshot.read(bootstrap, topics.events());
        List<ConsumerRecord<String, AuditRecord>> audit = LogSnapshot.read(bootstrap, topics.audit());
        var states = LogSnapshot.read(bootstrap, topics.controlState());

        Set<String> referencedEvents = oneOutcomePerSubmission(outcomes, submissions);
        int systemActions = oneAuditRecordPerCommand(audit, submissions.keySet());
        Map<String, AggregateState> folded = gaplessAndFolded(events, referencedEvents);
        lastAuditAfterEqualsFold(audit, folded);
        Map<String, com.tradingcontrol.schemas.avro.ControlState> latest = new HashMap<>();
        states.forEach(r -> latest.put(r.key(), r.value()));
        folded.values().stream().filter(ControlState.class::isInstance).map(ControlState.class::cast)
                .forEach(control -> {
                    var published = latest.get(control.aggregateId());
                    assertThat(published).as("state topic has %s", control.aggregateId()).isNotNull();
                    assertThat(published.getVersion()).isEqualTo(control.version());
                    assertThat(published.getMode()).isEqualTo(ControlStateMapper.modeOf(control));
                    assertThat(published.getKillSwitch()).isEqualTo(control.isKillSwitchEngaged());
                    assertThat(published.getExpiresAt())
                            .isEqualTo(control.pause() == null ? null : control.pause().expiresAt());
                });
        stateTopicsEqualFold(bootstrap, topics, folded);
        chainsVerify(audit);
        return new Summary(submissions.size(), outcomes.size(), events.size(), audit.size(), systemActions,
                folded.size());
    }

    /**
     * trading.profile-state and trading.config-state hold, per key, exactly the full state the events fold
     * to, and nothing else.
     */
    private static void stateTopicsEqualFold(String bootstrap, Topics topics, Map<String, AggregateState> folded) {
        Map<String, Object> profiles = new HashMap<>();
        LogSnapshot.read(bootstrap, topics.profileState()).forEach(r -> profiles.put(r.key(), r.value()));
        Map<String, Object> configs = new HashMap<>();
        LogSnapshot.read(bootstrap, topics.configState()).forEach(r -> configs.put(r.key(), r.value()));
        Map<String, Object> expectedProfiles = new HashMap<>();
        Map<String, Object> expectedConfigs = new HashMap<>();
        for (AggregateState state : folded.values()) {
            if (state instanceof ProfileState p) {
                expectedProfiles.put(ProfileStatusMapper.key(p), ProfileStatusMapper.toAvro(p));
            } else if (state instanceof ConfigState c) {
                expectedConfigs.put(ConfigSettingMapper.key(c), ConfigSettingMapper.toAvro(c));
            }
        }
        assertThat(profiles).as("trading.profile-state").isEqualTo(expectedProfiles);
        assertThat(configs).as("trading.config-state").isEqualTo(expectedConfigs);
    }

    /**
     * The topics are read one after the other, so the snapshot is consistent only once nothing writes any
     * more. With every outcome seen, only the wall-clock expiry of a timed pause still can (its event, audit
     * record and state in one transaction): wait until no published state has a pending expiry, so whether
     * an expiry lands between two reads does not depend on timing.
     */
    private static void awaitNoTimedPausePending(String bootstrap, Topics topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, com.tradingcontrol.schemas.avro.ControlState> latest = new HashMap<>();
            LogSnapshot.read(bootstrap, topics.controlState()).forEach(r -> latest.put(r.key(), r.value()));
            List<String> pending = latest.entrySet().stream().filter(e -> e.getValue().getExpiresAt() != null)
                    .map(e -> e.getKey() + " until " + e.getValue().getExpiresAt()).toList();
            if (pending.isEmpty()) {
                return;
            }
            assertThat(System.nanoTime()).as("timed pauses still pending after %s: %s", timeout, pending)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Each submission got exactly one outcome; resubmissions got the identical one. */
    private static Set<String> oneOutcomePerSubmission(List<ConsumerRecord<String, CommandOutcome>> outcomes,
                                                       Map<String, Integer> submissions) {
        Map<String, List<CommandOutcome>> byId = new HashMap<>();
        outcomes.forEach(r -> byId.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));
        assertThat(byId.keySet()).as("commands with an outcome").isEqualTo(submissions.keySet());
        Set<String> eventIds = new HashSet<>();
        submissions.forEach((id, times) -> {
            List<CommandOutcome> answers = byId.get(id);
            if (times == AT_LEAST_ONCE) {
                assertThat(answers).as("outcomes of %s", id).isNotEmpty();
            } else {
                assertThat(answers).as("outcomes of %s", id).hasSize(times);
            }
            assertThat(new HashSet<>(answers)).as("identical outcomes of %s", id).hasSize(1);
            for (String eventId : answers.get(0).getEventIds()) {
                assertThat(eventIds.add(eventId)).as("event %s claimed twice", eventId).isTrue();
            }
        });
        return eventIds;
    }

    private static int oneAuditRecordPerCommand(List<ConsumerRecord<String, AuditRecord>> audit, Set<String> commands) {
        Map<String, Integer> perCommand = new HashMap<>();
        int system = 0;
        for (ConsumerRecord<String, AuditRecord> r : audit) {
            if (r.value().getActor().getSubject().equals("system")) {
                system++;
                assertThat(r.value().getCommandId()).startsWith("expiry:");
            }
            assertThat(perCommand.merge(r.value().getCommandId(), 1, Integer::sum))
                    .as("audit records of %s", r.value().getCommandId()).isEqualTo(1);
        }
        assertThat(perCommand.keySet()).containsAll(commands);
        assertThat(perCommand).hasSize(commands.size() + system);
        return system;
    }

    /** Per aggregate: sequences 1..n in log order, ids unique, every command event claimed by its outcome. */
    private static Map<String, AggregateState> gaplessAndFolded(List<ConsumerRecord<String, EventEnvelope>> events,
                                                               Set<String> referencedEvents) {
        Map<String, AggregateState> folded = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, EventEnvelope> r : events) {
            EventEnvelope e = r.value();
            assertThat(r.key()).isEqualTo(e.getAggregateId());
            assertThat(seen.add(e.getEventId())).as("duplicate event %s", e.getEventId()).isTrue();
            if (!e.getCommandId().startsWith("expiry:")) {
                assertThat(referencedEvents).as("event %s has an outcome", e.getEventId()).contains(e.getEventId());
            }
            AggregateState before = folded.get(e.getAggregateId());
            long expected = before == null ? 1 : before.version() + 1;
            assertThat(e.getSequence()).as("sequence of %s", e.getEventId()).isEqualTo(expected);
            folded.put(e.getAggregateId(), TradingDomain.evolve(before, EventMapper.recorded(e)));
        }
        assertThat(seen).containsAll(referencedEvents);
        return folded;
    }

    /** The processors' own state after the last change of each aggregate (audit 'after') equals the fold. */
    private static void lastAuditAfterEqualsFold(List<ConsumerRecord<String, AuditRecord>> audit,
                                                 Map<String, AggregateState> folded) {
        Map<String, String> lastAfter = new HashMap<>();
        for (ConsumerRecord<String, AuditRecord> r : audit) {
            if (!r.value().getEventIds().isEmpty()) {
                lastAfter.put(r.value().getAggregateId(), r.value().getAfter());
            }
        }
        assertThat(lastAfter.keySet()).isEqualTo(folded.keySet());
        folded.forEach((id, state) -> assertThat(lastAfter.get(id)).as("state of %s", id)
                .isEqualTo(StateJson.summary(state)));
    }

    private static void chainsVerify(List<ConsumerRecord<String, AuditRecord>> audit) {
        Map<Integer, List<AuditEntry>> perPartition = new HashMap<>();
        for (ConsumerRecord<String, AuditRecord> r : audit) {
            assertThat(r.key()).isEqualTo(ChainHead.chainIdFor(r.partition()));
            perPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(new AuditEntry(r.offset(), r.value()));
        }
        perPartition.forEach((partition, entries) -> {
            ChainVerification result = AuditChainVerifier.verify(ChainHead.chainIdFor(partition), entries);
            assertThat(result.isIntact()).as("chain of partition %s: %s", partition, result).isTrue();
        });
    }
}
