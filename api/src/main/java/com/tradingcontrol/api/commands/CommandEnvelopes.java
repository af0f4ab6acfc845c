package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.codec.TwoPersonCodec;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CreateProfile;
import com.tradingcontrol.schemas.avro.DisableProfile;
import com.tradingcontrol.schemas.avro.EnableProfile;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.IdempotencyBinding;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.ReleaseKillSwitch;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import com.tradingcontrol.schemas.avro.LiftReduceOnly;
import com.tradingcontrol.schemas.avro.SetReduceOnly;
import com.tradingcontrol.schemas.avro.SetMaintenanceMode;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import java.util.List;

/** Maps the API's command requests onto the Avro contract written to {@code trading.commands}. */
public final class CommandEnvelopes {
    private CommandEnvelopes() {}

    /** The unsigned envelope ({@code KafkaCommandGateway} signs it). */
    public static CommandEnvelope toAvro(CommandRequest request) {
        CommandRequest.Idempotency idempotency = request.idempotency();
        return CommandEnvelope.newBuilder()
                .setCommandId(request.commandId())
                .setRequestId(request.requestId())
                .setIssuedAt(request.requestedAt())
                .setActor(actor(request.actor()))
                .setExpectedVersion(request.expectedVersion())
                .setPayload(payload(request.payload()))
                .setIdempotency(idempotency == null ? null
                        : new IdempotencyBinding(idempotency.key(), idempotency.fingerprint()))
                .setSignature(null)
                .build();
    }

    static Actor actor(Caller caller) {
        List<String> roles = caller.roles().stream().sorted().toList();
        return Actor.newBuilder().setSubject(caller.subject()).setTenantId(caller.tenantId()).setRoles(roles).build();
    }

    static Object payload(CommandPayload payload) {
        // Java 17: no pattern switch; the sealed interface keeps this list complete by review.
        if (payload instanceof CommandPayload.PauseTrading p) {
            return new PauseTrading(p.scope(), p.reason(), p.expiresAt());
        } else if (payload instanceof CommandPayload.ResumeTrading p) {
            return new ResumeTrading(p.scope(), p.reason(), p.proposalExpiresAt());
        } else if (payload instanceof CommandPayload.SetReduceOnly p) {
            return new SetReduceOnly(p.scope(), p.reason(), p.expiresAt());
        } else if (payload instanceof CommandPayload.LiftReduceOnly p) {
            return new LiftReduceOnly(p.scope(), p.reason());
        } else if (payload instanceof CommandPayload.EngageKillSwitch p) {
            return new EngageKillSwitch(p.reason());
        } else if (payload instanceof CommandPayload.ReleaseKillSwitch p) {
            return new ReleaseKillSwitch(p.reason(), p.expiresAt());
        } else if (payload instanceof CommandPayload.ApproveProposal p) {
            return TwoPersonCodec.commandToAvro(true, ProposalAction.valueOf(p.action()), p.reason());
        } else if (payload instanceof CommandPayload.RejectProposal p) {
            return TwoPersonCodec.commandToAvro(false, ProposalAction.valueOf(p.action()), p.reason());
        } else if (payload instanceof CommandPayload.SetMaintenanceMode p) {
            return new SetMaintenanceMode(p.on(), nullToEmpty(p.message()), nullToEmpty(p.reason()),
                    p.proposalExpiresAt());
        } else if (payload instanceof CommandPayload.UpdateConfig p) {
            return new UpdateConfig(p.key(), p.value(), nullToEmpty(p.reason()));
        } else if (payload instanceof CommandPayload.CreateProfile p) {
            return new CreateProfile(p.profileId(), p.tenantId(), p.name());
        } else if (payload instanceof CommandPayload.EnableProfile p) {
            return new EnableProfile(p.profileId(), p.tenantId(), nullToEmpty(p.reason()));
        } else if (payload instanceof CommandPayload.DisableProfile p) {
            return new DisableProfile(p.profileId(), p.tenantId(), nullToEmpty(p.reason()));
        }
        throw new IllegalArgumentException("unmapped command " + payload.type());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
