package com.tradingcontrol.processors.topology;

import com.tradingcontrol.processors.domain.AggregateIds;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.IdempotencyBinding;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import com.tradingcontrol.schemas.topics.KeyedCommands;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
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
 * forwarded marked {@link #REUSED}, and the decide step rejects it with IDEMPOTENCY_KEY_REUSED.
 *
 * <p>Every command is forwarded to trading.commands under its aggregate id, so each one ends in one
 * outcome and one audit record in the chain of the aggregate's partition. Commands that are not
 * authentic reserve nothing (a forger cannot pin a victim's key) and are rejected by the decide step.
 */
final class IdempotencyGate implements Processor<String, CommandEnvelope, String, CommandEnvelope> {
    /** Header set on every forwarded keyed command: {@link #ADMITTED} or {@link #REUSED}. */
    static final String VERDICT_HEADER = "idempotency-verdict";
    /** Header naming the command id of the request that first used the key (on {@link #REUSED} only). */
    static final String FIRST_COMMAND_HEADER = "idempotency-first-command";
    static final String ADMITTED = "admitted";
    static final String REUSED = "reused";

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
        headers.remove(VERDICT_HEADER);
        headers.remove(FIRST_COMMAND_HEADER);
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
        if (stored == null) {
            bindings.put(scope, fingerprint + " " + command.getCommandId());
            headers.add(VERDICT_HEADER, bytes(ADMITTED));
            return;
        }
        int space = stored.indexOf(' ');
        if (stored.substring(0, space).equals(fingerprint)) {
            headers.add(VERDICT_HEADER, bytes(ADMITTED));
        } else {
            headers.add(VERDICT_HEADER, bytes(REUSED));
            headers.add(FIRST_COMMAND_HEADER, bytes(stored.substring(space + 1)));
        }
    }

    /** The first command id when the record was marked {@link #REUSED}, else null. */
    static String reusedAfter(Headers headers) {
        Header verdict = headers.lastHeader(VERDICT_HEADER);
        if (verdict == null || !REUSED.equals(new String(verdict.value(), StandardCharsets.UTF_8))) {
            return null;
        }
        Header first = headers.lastHeader(FIRST_COMMAND_HEADER);
        return first == null ? "unknown" : new String(first.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
