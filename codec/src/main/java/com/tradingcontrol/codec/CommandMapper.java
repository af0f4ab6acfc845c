package com.tradingcontrol.codec;

import com.tradingcontrol.domain.Actor;
import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.Command;
import com.tradingcontrol.domain.CommandEnvelope;
import com.tradingcontrol.domain.CreateProfile;
import com.tradingcontrol.domain.DisableProfile;
import com.tradingcontrol.domain.EnableProfile;
import com.tradingcontrol.domain.EngageKillSwitch;
import com.tradingcontrol.domain.InvalidScopeException;
import com.tradingcontrol.domain.PauseTrading;
import com.tradingcontrol.domain.ReleaseKillSwitch;
import com.tradingcontrol.domain.ResumeTrading;
import com.tradingcontrol.domain.LiftReduceOnly;
import com.tradingcontrol.domain.SetReduceOnly;
import com.tradingcontrol.domain.Role;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.SetMaintenanceMode;
import com.tradingcontrol.domain.UpdateConfig;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Avro {@code CommandEnvelope} to the domain's. Structural problems throw
 * {@link InvalidCommandException} (the record goes to the DLQ); a malformed scope is a business
 * outcome instead ({@link Mapped#scopeError}), rejected with VALIDATION_FAILED like any other bad field.
 */
public final class CommandMapper {

    private CommandMapper() {
    }

    /**
     * @param command   the domain envelope, null when {@code scopeError} is set
     * @param scopeError why the scope is malformed, else null
     */
    public record Mapped(CommandEnvelope command, String aggregateId, String scopeError) {
    }

    public static Mapped map(String key, com.tradingcontrol.schemas.avro.CommandEnvelope avro) {
        if (avro.getCommandId() == null || avro.getCommandId().isBlank()) {
            throw new InvalidCommandException("commandId is missing or blank");
        }
        if (avro.getPayload() == null || avro.getActor() == null || avro.getIssuedAt() == null) {
            throw new InvalidCommandException("command " + avro.getCommandId() + " lacks payload, actor or issuedAt");
        }
        if (key == null || key.isBlank()) {
            throw new InvalidCommandException("command " + avro.getCommandId() + " has no key (aggregate id)");
        }
        Command payload;
        try {
            payload = payload(avro.getPayload());
        } catch (InvalidScopeException e) {
            return new Mapped(null, key, e.getMessage());
        }
        String aggregateId = AggregateIds.of(payload);
        if (!aggregateId.equals(key)) {
            // A record under the wrong key lives in the wrong partition: deciding it would split an
            // aggregate's state across tasks, so it is refused structurally.
            throw new InvalidCommandException("command " + avro.getCommandId() + " has key '" + key
                    + "' but addresses aggregate '" + aggregateId + "'");
        }
        CommandEnvelope envelope = CommandEnvelope.of(avro.getCommandId(), avro.getRequestId(), avro.getIssuedAt(),
                actor(avro.getActor()), avro.getExpectedVersion(), payload);
        return new Mapped(envelope, aggregateId, null);
    }

    /**
     * The aggregate a command addresses (the key it must carry on trading.commands), for the idempotency
     * gate, which forwards keyed commands there. A command without payload or with a malformed scope
     * cannot be routed and is structurally invalid.
     */
    public static String aggregateIdOf(com.tradingcontrol.schemas.avro.CommandEnvelope avro) {
        if (avro.getPayload() == null) {
            throw new InvalidCommandException("command " + avro.getCommandId() + " has no payload");
        }
        try {
            return AggregateIds.of(payload(avro.getPayload()));
        } catch (InvalidScopeException e) {
            throw new InvalidCommandException("command " + avro.getCommandId() + " cannot be routed: "
                    + e.getMessage());
        }
    }

    public static Actor actor(com.tradingcontrol.schemas.avro.Actor avro) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : avro.getRoles()) {
            // Unknown role names are ignored rather than rejected: a role we do not know grants nothing.
            for (Role known : Role.values()) {
                if (known.name().equals(role.toUpperCase(Locale.ROOT))) {
                    roles.add(known);
                }
            }
        }
        return new Actor(avro.getSubject(), avro.getTenantId(), roles);
    }

    private static Command payload(Object payload) {
        Command proposal = TwoPersonCodec.commandFromAvro(payload);
        if (proposal != null) {
            return proposal;
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.PauseTrading p) {
            Instant expiresAt = p.getExpiresAt();
            return new PauseTrading(Scope.parse(p.getScope()), p.getReason(), expiresAt);
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ResumeTrading p) {
            return new ResumeTrading(Scope.parse(p.getScope()), p.getReason(), p.getProposalExpiresAt());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.SetReduceOnly p) {
            return new SetReduceOnly(Scope.parse(p.getScope()), p.getReason(), p.getExpiresAt());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.LiftReduceOnly p) {
            return new LiftReduceOnly(Scope.parse(p.getScope()), p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.EngageKillSwitch p) {
            return new EngageKillSwitch(p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.ReleaseKillSwitch p) {
            return new ReleaseKillSwitch(p.getReason(), p.getExpiresAt());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.SetMaintenanceMode p) {
            return new SetMaintenanceMode(p.getOn(), p.getMessage(), p.getReason(), p.getProposalExpiresAt());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.UpdateConfig p) {
            return new UpdateConfig(p.getKey(), ConfigValues.fromAvro(p.getValue()), p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.CreateProfile p) {
            return new CreateProfile(p.getProfileId(), p.getTenantId(), p.getName());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.EnableProfile p) {
            return new EnableProfile(p.getProfileId(), p.getTenantId(), p.getReason());
        }
        if (payload instanceof com.tradingcontrol.schemas.avro.DisableProfile p) {
            return new DisableProfile(p.getProfileId(), p.getTenantId(), p.getReason());
        }
        throw new InvalidCommandException("unknown command payload type " + payload.getClass().getName());
    }

    /** The command's type name for audit records, e.g. 'PauseTrading'. */
    public static String action(com.tradingcontrol.schemas.avro.CommandEnvelope avro) {
        return avro.getPayload().getClass().getSimpleName();
    }
}
