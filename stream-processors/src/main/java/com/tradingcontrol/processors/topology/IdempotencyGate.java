package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.InvalidCommandException;
import com.tradingcontrol.codec.CommandMapper;
import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.IdempotencyBinding;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import com.tradingcontrol.schemas.topics.KeyedCommands;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Binds an Idempotency-Key to the first request that used it (IETF httpapi Idempotency-Key). Reads
 * {@code trading.keyed-commands}, keyed by caller and key, so every use of one key meets here in
 * order, whichever aggregate (and so whichever partition of trading.commands) it addresses. The first
 * use records its fingerprint; a later use with the same fingerprint passes (the decide step returns
 * the stored outcome: the command id derives from the fingerprint); one with another fingerprint is
 * forwarded marked reused, and the decide step rejects it with IDEMPOTENCY_KEY_REUSED. The verdict
 * travels sealed ({@link GateVerdicts}), so the decide step refuses keyed commands that bypassed the gate.
 *
 * <p>Every command is forwarded to trading.commands under its aggregate id, so each one ends in one
 * outcome and one audit record in the chain of the aggregate's partition. Commands that are not
 * authentic reserve nothing (a forger cannot pin a victim's key) and are rejected by the decide step.
 */
final class IdempotencyGate implements Processor<String, CommandEnvelope, String, CommandEnvelope> {
    private final TopologySettings settings;
    private ProcessorContext<String, CommandEnvelope> context;
    private KeyValueStore<String, String> bindings;
    private ControlCommits controlCommits;

    IdempotencyGate(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, CommandEnvelope> context) {
        this.context = context;
        bindings = context.getStateStore(StoreNames.IDEMPOTENCY_KEYS);
        controlCommits = new ControlCommits(settings.controlCommitSpacing());
    }

    @Override
    public void process(Record<String, CommandEnvelope> record) {
        CommandEnvelope command = record.value();
        if (command == null) {
            throw new InvalidCommandException("a keyed command record has no value (tombstone)");
        }
        String aggregateId = CommandMapper.aggregateIdOf(command);
        Headers headers = new RecordHeaders(record.headers().toArray());
        GateVerdicts.clear(headers);
        IdempotencyBinding binding = command.getIdempotency();
        if (binding != null && command.getActor() != null
                && settings.commandKeys().verify(command) == CommandVerifier.Result.VALID) {
            judge(record.key(), command, binding, headers);
        }
        context.forward(record.withKey(aggregateId).withHeaders(headers));
        long now = context.currentSystemTimeMs();
        if (AggregateIds.isControl(aggregateId) && controlCommits.requestNow(now, record.timestamp())) {
            context.commit();
        }
    }

    private void judge(String recordKey, CommandEnvelope command, IdempotencyBinding binding, Headers headers) {
        String scope = KeyedCommands.recordKey(command.getActor().getSubject(), binding.getKey());
        if (!scope.equals(recordKey)) {
            // Under another key the record sits in a partition that may not hold the key's binding.
            throw new InvalidCommandException("keyed command " + command.getCommandId() + " has record key '"
                    + recordKey + "' but its binding is '" + scope + "'");
        }
        String fingerprint = binding.getFingerprint();
        String stored = bindings.get(scope);
        String firstCommandId = null;
        if (stored == null) {
            bindings.put(scope, fingerprint + " " + command.getCommandId());
        } else {
            int space = stored.indexOf(' ');
            if (!stored.substring(0, space).equals(fingerprint)) {
                firstCommandId = stored.substring(space + 1);
            }
        }
        GateVerdicts.seal(settings.commandKeys(), command, firstCommandId, headers);
    }
}
