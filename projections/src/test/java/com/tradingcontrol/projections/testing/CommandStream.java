package com.tradingcontrol.projections.testing;

import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.ConfigUpdated;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchEngaged;
import com.tradingcontrol.schemas.avro.KillSwitchReleased;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.PauseExpired;
import com.tradingcontrol.schemas.avro.ProfileCreated;
import com.tradingcontrol.schemas.avro.ProfileDisabled;
import com.tradingcontrol.schemas.avro.ProfileEnabled;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a consistent stream of accepted commands, each as one event plus its audit record, the
 * way the processors would: per-aggregate gapless sequences, per-chain gapless chain sequences.
 */
public final class CommandStream {

    /** One command's output: the event (key = aggregate id) and the audit record (key = chain id). */
    public record Step(EventEnvelope event, AuditRecord audit, int auditPartition) {
    }

    private static final List<String> SCOPES = List.of("global", "tenant:u1", "tenant:u2", "symbol:AAPL", "symbol:BRK/B",
            "strategy:u1:p1", "strategy:p1");
    private static final List<String> KEYS = List.of("features.backtest.enabled", "risk.maxOrderSize", "risk.ratio", "banner.text");
    private static final List<String> TENANTS = List.of("u1", "u2", "u3");

    private final Random random;
    private final int auditPartitions;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<Integer, Long> chains = new HashMap<>();
    private final Map<String, Boolean> paused = new HashMap<>();
    private final String runId;
    private long counter;

    public CommandStream(long seed, int auditPartitions) {
        this.random = new Random(seed);
        this.auditPartitions = auditPartitions;
        this.runId = Long.toHexString(seed);
    }

    public Step next() {
        counter++;
        int kind = random.nextInt(4);
        String aggregateId;
        Object payload;
        if (kind == 0) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            aggregateId = "config:" + key;
            payload = new ConfigUpdated(key, configValue(key), null, "tune " + counter);
        } else if (kind == 1) {
            String tenant = TENANTS.get(random.nextInt(TENANTS.size()));
            String profile = "p" + random.nextInt(3);
            aggregateId = "profile:" + tenant + ":" + profile;
            payload = profileEvent(aggregateId, tenant, profile);
        } else {
            aggregateId = SCOPES.get(random.nextInt(SCOPES.size()));
            payload = controlEvent(aggregateId);
        }
        long sequence = sequences.merge(aggregateId, 1L, Long::sum);
        Instant at = Instant.ofEpochMilli(1_700_000_000_000L + counter * 1000);
        EventEnvelope event = TestEvents.event(aggregateId, sequence, payload, TestEvents.actor("op-" + (counter % 3), null), at);
        int partition = (int) (counter % auditPartitions);
        long chainSequence = chains.merge(partition, 1L, Long::sum);
        String product = aggregateId.startsWith("tenant:") ? aggregateId.substring(7)
                : aggregateId.startsWith("profile:") ? aggregateId.split(":")[1] : "platform";
        AuditRecord audit = TestEvents.audit("cmd-" + runId + "-" + counter, "chain-" + partition, chainSequence, product,
                payload.getClass().getSimpleName(), aggregateId, at);
        return new Step(event, audit, partition);
    }

    private Object configValue(String key) {
        return switch (key) {
            case "features.backtest.enabled" -> random.nextBoolean();
            case "risk.maxOrderSize" -> (long) random.nextInt(10_000);
            case "risk.ratio" -> random.nextDouble();
            default -> "banner " + counter;
        };
    }

    private Object profileEvent(String aggregateId, String tenant, String profile) {
        if (!sequences.containsKey(aggregateId)) {
            return new ProfileCreated(profile, tenant, "Profile " + profile);
        }
        return random.nextBoolean() ? new ProfileEnabled(profile, tenant, "go") : new ProfileDisabled(profile, tenant, "stop");
    }

    private Object controlEvent(String scope) {
        if ("global".equals(scope)) {
            return switch (random.nextInt(4)) {
                case 0 -> new KillSwitchEngaged("panic " + counter);
                case 1 -> new KillSwitchReleased("calm " + counter);
                case 2 -> new MaintenanceModeChanged(random.nextBoolean(), "upgrading", "planned");
                default -> new TradingPaused(scope, "pause " + counter, null);
            };
        }
        boolean isPaused = paused.getOrDefault(scope, false);
        paused.put(scope, !isPaused);
        if (isPaused) {
            return random.nextBoolean() ? new TradingResumed(scope, "resume " + counter)
                    : new PauseExpired(scope, Instant.ofEpochMilli(1_700_000_000_000L + counter));
        }
        return new TradingPaused(scope, "pause " + counter, random.nextBoolean() ? null : Instant.ofEpochMilli(1_800_000_000_000L));
    }
}
