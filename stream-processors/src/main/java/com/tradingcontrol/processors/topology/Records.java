package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.CommandMapper;
import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import java.time.Instant;
import java.util.List;

/** Builds the outcome and the audit content (chain fields are added by the audit chain) for one command. */
final class Records {

    static final String PLATFORM = "platform";

    private Records() {
    }

    static CommandOutcome outcome(CommandEnvelope command, String aggregateId, Decision decision,
                                  Effects.Applied applied, Instant now) {
        CommandOutcome.Builder outcome = CommandOutcome.newBuilder()
                .setCommandId(command.getCommandId())
                .setRequestId(command.getRequestId())
                .setAggregateId(aggregateId)
                .setDecidedAt(now);
        if (decision instanceof Decision.Rejected rejected) {
            return outcome.setStatus(OutcomeStatus.REJECTED).setEventIds(List.of()).setResultingVersion(null)
                    .setCode(rejected.code().name()).setMessage(rejected.message()).build();
        }
        return outcome.setStatus(OutcomeStatus.ACCEPTED).setEventIds(applied.eventIds())
                .setResultingVersion(applied.after().version()).setCode(null)
                .setMessage(((Decision.Accepted) decision).note()).build();
    }

    static AuditRecord.Builder audit(CommandEnvelope command, CommandOutcome outcome, String before, String after) {
        boolean rejected = outcome.getStatus() == OutcomeStatus.REJECTED;
        return AuditRecord.newBuilder()
                .setAuditId(command.getCommandId())
                .setCommandId(command.getCommandId())
                .setRequestId(command.getRequestId())
                .setProductId(productId(command, outcome))
                .setActor(command.getActor())
                .setAction(CommandMapper.action(command))
                .setAggregateId(outcome.getAggregateId())
                .setOutcome(outcome.getStatus())
                .setCode(outcome.getCode())
                .setReason(rejected ? outcome.getMessage() : Effects.reasonOf(command.getPayload()))
                .setBefore(before)
                .setAfter(rejected ? null : after)
                .setEventIds(outcome.getEventIds())
                .setOccurredAt(outcome.getDecidedAt());
    }

    /** Audit content of a system action (pause expiry); not a command, so there is no outcome. */
    static AuditRecord.Builder systemAudit(String actionId, String action, Effects.Applied applied, String before,
                                           String after, Instant now) {
        return AuditRecord.newBuilder()
                .setAuditId(actionId)
                .setCommandId(actionId)
                .setRequestId(actionId)
                .setProductId(productIdOfAggregate(applied.after().aggregateId(), null))
                .setActor(systemActor())
                .setAction(action)
                .setAggregateId(applied.after().aggregateId())
                .setOutcome(OutcomeStatus.ACCEPTED)
                .setCode(null)
                .setReason("timed pause lapsed")
                .setBefore(before)
                .setAfter(after)
                .setEventIds(applied.eventIds())
                .setOccurredAt(now);
    }

    static Actor systemActor() {
        return new Actor("system", null, List.of());
    }

    /**
     * The tenant an audit record concerns (the audit-events container's partition key). A customer
     * refused for naming another tenant is recorded under the customer's own tenant, so the other
     * tenant's audit trail never shows (and so never leaks) who probed it.
     */
    private static String productId(CommandEnvelope command, CommandOutcome outcome) {
        String actorTenant = command.getActor().getTenantId();
        if (RejectionCode.TENANT_MISMATCH.name().equals(outcome.getCode()) && actorTenant != null) {
            return actorTenant;
        }
        return productIdOfAggregate(outcome.getAggregateId(), actorTenant);
    }

    private static String productIdOfAggregate(String aggregateId, String actorTenant) {
        if (aggregateId.startsWith(AggregateIds.PROFILE_PREFIX)) {
            String rest = aggregateId.substring(AggregateIds.PROFILE_PREFIX.length());
            int colon = rest.indexOf(':');
            return colon > 0 ? rest.substring(0, colon) : PLATFORM;
        }
        String tenantPrefix = Scope.Type.TENANT.prefix() + ":";
        if (aggregateId.startsWith(tenantPrefix) && aggregateId.length() > tenantPrefix.length()) {
            return aggregateId.substring(tenantPrefix.length());
        }
        return actorTenant != null ? actorTenant : PLATFORM;
    }
}
