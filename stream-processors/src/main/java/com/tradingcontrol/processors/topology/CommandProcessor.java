package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.StateJson;
import com.tradingcontrol.codec.InvalidCommandException;
import com.tradingcontrol.codec.CommandMapper;
import com.tradingcontrol.codec.EventMapper;
import com.tradingcontrol.codec.audit.AuditChain;
import com.tradingcontrol.codec.audit.ChainHead;
import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.DomainEvent;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.control.PauseExpiry;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The adapter around the pure domain, one instance per task (= per partition of trading.commands).
 * For each command: structural checks (else DLQ), idempotency lookup, decide, fold events, then
 * forward events, the changed aggregate's state (control, profile or config), one audit record and one
 * outcome. All of it, including the store writes, commits in one exactly-once transaction.
 *
 * <p>A repeated command id re-emits the stored outcome unchanged (same bytes: the same record
 * through the same serializer) so a client waiting for its answer gets it, but appends no event
 * and no second audit record: the audit trail records decisions, and there is only one.
 */
final class CommandProcessor implements Processor<String, CommandEnvelope, String, Emission> {

    private final TopologySettings settings;
    private final ExpiryIndex expiries = new ExpiryIndex();
    private ProcessorContext<String, Emission> context;
    private AggregateStores stores;
    private KeyValueStore<String, CommandOutcome> processed;
    private KeyValueStore<String, ChainHead> chainHeads;
    private ControlView view;
    private String chainId;
    /** This task's chain head, kept as an object: every command appends to it (the store has it too). */
    private ChainHead chainHead;
    private ControlCommits controlCommits;
    private CommandAuthentication authentication;
    private StatePublications publications;
    private TwoPersonRules twoPersonRules;

    CommandProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Emission> context) {
        this.context = context;
        stores = new AggregateStores(context);
        processed = context.getStateStore(StoreNames.PROCESSED_COMMANDS);
        chainHeads = context.getStateStore(StoreNames.AUDIT_CHAIN_HEADS);
        view = new LayeredControlView(stores.control, context.getStateStore(StoreNames.CONTROL_VIEW));
        chainId = ChainHead.chainIdFor(context.taskId().partition());
        ChainHead stored = chainHeads.get(chainId);
        chainHead = stored != null ? stored : ChainHead.genesis(chainId);
        controlCommits = new ControlCommits(settings.controlCommitSpacing());
        authentication = new CommandAuthentication(settings.commandKeys(), context);
        publications = new StatePublications(context, stores);
        twoPersonRules = new TwoPersonRules(stores, context.getStateStore(StoreNames.CONFIG_STATE_VIEW));
        expiries.rebuild(stores.control);
        context.schedule(settings.expiryScanInterval(), PunctuationType.WALL_CLOCK_TIME, this::scan);
    }

    @Override
    public void process(Record<String, CommandEnvelope> record) {
        CommandEnvelope command = record.value();
        if (command == null) {
            throw new InvalidCommandException("a command record has no value (tombstone)");
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        publications.catchUp(now.toEpochMilli());
        String refusal = authentication.refusal(command, record.headers(), record.key(), position());
        if (refusal != null) {
            String aggregateId = record.key() == null ? "unknown" : record.key();
            unauthenticated(command, aggregateId, refusal, now);
            commitIfControl(aggregateId, record.timestamp(), now);
            return;
        }
        CommandMapper.Mapped mapped = CommandMapper.map(record.key(), command);
        CommandOutcome previous = processed.get(command.getCommandId());
        if (previous != null) {
            forward(previous.getCommandId(), new Emission.Outcome(previous), record.timestamp());
        } else if (mapped.scopeError() != null) {
            decided(command, mapped.aggregateId(), null,
                    Decision.rejected(RejectionCode.VALIDATION_FAILED, mapped.scopeError()), now);
        } else if (reusedAfter(command, record) != null) {
            decided(command, mapped.aggregateId(), stores.load(mapped.aggregateId()),
                    Refusals.keyReused(command, reusedAfter(command, record)), now);
        } else {
            AggregateState before = stores.load(mapped.aggregateId());
            decided(command, mapped.aggregateId(), before,
                    settings.domain().decide(mapped.command(), before, view,
                            twoPersonRules.forCommand(mapped.command().payload())), now);
        }
        commitIfControl(mapped.aggregateId(), record.timestamp(), now);
    }

    /**
     * A command the API did not sign: rejected, audited (under {@link Refusals#unauthenticatedAuditId}) and
     * counted, nothing else. It is not remembered as processed, so claiming an id in advance cannot pre-empt
     * the genuine command; its outcome is published only while that id has no decided outcome.
     */
    private void unauthenticated(CommandEnvelope command, String aggregateId, String why, Instant now) {
        Effects.Applied applied = Effects.apply(null, List.of(), command.getCommandId(), command.getRequestId(),
                command.getActor(), now);
        CommandOutcome outcome = Records.outcome(command, aggregateId, Refusals.unauthenticated(why), applied, now);
        AuditRecord audit = appendAudit(Records.audit(command, outcome, null, null)
                .setAuditId(Refusals.unauthenticatedAuditId(command, position())));
        forward(audit.getChainId(), new Emission.Audit(audit), now.toEpochMilli());
        if (processed.get(command.getCommandId()) == null) {
            forward(outcome.getCommandId(), new Emission.Outcome(outcome), now.toEpochMilli());
        }
    }

    /** The first command's id when the gate found the command's Idempotency-Key reused, else null. */
    private String reusedAfter(CommandEnvelope command, Record<String, CommandEnvelope> record) {
        if (command.getIdempotency() == null) {
            return null;
        }
        GateVerdicts.Verdict verdict = GateVerdicts.read(settings.commandKeys(), command, record.headers());
        return verdict.reused() ? verdict.firstCommandId() : null;
    }

    /** partition-offset of the record in process (for logs and audit ids of refused commands). */
    private String position() {
        return context.recordMetadata().map(m -> m.partition() + "-" + m.offset()).orElse("punctuation");
    }

    private void decided(CommandEnvelope command, String aggregateId, AggregateState before, Decision decision,
                         Instant now) {
        Effects.Applied applied = Effects.apply(before, decision.events(), command.getCommandId(),
                command.getRequestId(), command.getActor(), now);
        saveIfChanged(applied);
        CommandOutcome outcome = Records.outcome(command, aggregateId, decision, applied, now);
        AuditRecord audit = appendAudit(Records.audit(command, outcome, StateJson.summary(before),
                StateJson.summary(applied.after())));
        processed.put(command.getCommandId(), outcome);
        emit(applied, audit, now);
        forward(outcome.getCommandId(), new Emission.Outcome(outcome), now.toEpochMilli());
    }

    /**
     * A trading-control command's outcome (accepted, rejected, or repeated for a retried command id) is
     * published at once rather than at the next commit interval, within {@link ControlCommits}' limits:
     * the operator who sent a halt needs to know as soon as possible whether it took effect.
     */
    private void commitIfControl(String aggregateId, long recordTimestamp, Instant now) {
        if (AggregateIds.isControl(aggregateId) && controlCommits.requestNow(now.toEpochMilli(), recordTimestamp)) {
            context.commit();
        }
    }

    /** Wall-clock punctuation: the state catch-up (first run of a task only), then the expiry scan. */
    private void scan(long timestamp) {
        if (publications.catchUp(timestamp) > 0) {
            context.commit();
        }
        expirePauses(timestamp);
    }

    /**
     * Emits PauseExpired / ReduceOnlyExpired / ProposalExpired for every timed control of this
     * task that has lapsed, and
     * commits at once when any did (trading resumes; at most one commit per scan, so no spacing needed).
     */
    private void expirePauses(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        boolean expired = false;
        for (String aggregateId : expiries.due(now)) {
            ControlState state = stores.control.get(aggregateId);
            List<DomainEvent> events = state == null ? List.of() : PauseExpiry.expire(state, now);
            if (events.isEmpty()) {
                if (state != null) {
                    expiries.track(state);
                }
                continue;
            }
            // One audited action per lapse (a pause and a reduce-only may lapse in the same scan).
            for (DomainEvent event : events) {
                state = expire(aggregateId, state, event, now);
            }
            expired = true;
        }
        if (expired) {
            context.commit();
        }
    }

    private ControlState expire(String aggregateId, ControlState state, DomainEvent event, Instant now) {
        // Deterministic id: the version the expiry creates, so a re-run after a crash mints the same ids.
        String actionId = "expiry:" + aggregateId + ":" + (state.version() + 1);
        Effects.Applied applied = Effects.apply(state, List.of(event), actionId, actionId, Records.systemActor(), now);
        saveIfChanged(applied);
        // The audit action names the event as written (its Avro record), like a command's names its payload.
        String action = EventMapper.toAvro(event).getClass().getSimpleName();
        AuditRecord audit = appendAudit(Records.systemAudit(actionId, action, applied,
                StateJson.summary(state), StateJson.summary(applied.after()), now));
        emit(applied, audit, now);
        return (ControlState) applied.after();
    }

    private void saveIfChanged(Effects.Applied applied) {
        if (applied.events().isEmpty()) {
            return;
        }
        stores.save(applied.after());
        if (applied.after() instanceof ControlState control) {
            expiries.track(control);
        }
    }

    private AuditRecord appendAudit(AuditRecord.Builder content) {
        AuditChain.Appended appended = AuditChain.append(chainHead, content);
        chainHeads.put(chainId, appended.head());
        chainHead = appended.head();
        return appended.record();
    }

    private void emit(Effects.Applied applied, AuditRecord audit, Instant now) {
        long timestamp = now.toEpochMilli();
        for (EventEnvelope event : applied.events()) {
            forward(event.getAggregateId(), new Emission.Event(event), timestamp);
        }
        if (applied.controlState() != null) {
            forward(applied.controlState().getScope(), new Emission.State(applied.controlState()), timestamp);
        }
        if (!applied.events().isEmpty()) {
            publications.publish(applied.after(), timestamp);
        }
        forward(audit.getChainId(), new Emission.Audit(audit), timestamp);
    }

    private void forward(String key, Emission emission, long timestamp) {
        context.forward(new Record<>(key, emission, timestamp));
    }
}
