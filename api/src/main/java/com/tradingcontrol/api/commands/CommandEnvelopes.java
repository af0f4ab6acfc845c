package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.ports.CommandRequest;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CreateProfile;
import com.tradingcontrol.schemas.avro.DisableProfile;
import com.tradingcontrol.schemas.avro.EnableProfile;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.ReleaseKillSwitch;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import com.tradingcontrol.schemas.avro.SetMaintenanceMode;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import java.util.List;

/** Maps the API's command requests onto the Avro contract written to {@code trading.commands}. */
public final class CommandEnvelopes {
    private CommandEnvelopes() {}

    public static CommandEnvelope toAvro(CommandRequest request) {
        return CommandEnvelope.newBuilder()
                .setCommandId(request.commandId())
                .setRequestId(request.requestId())
                .setIssuedAt(request.requestedAt())
                .setActor(actor(request.actor()))
                .setExpectedVersion(request.expectedVersion())
                .setPayload(payload(request.payload()))
                .build();
    }

    static Actor actor(Caller caller) {
        List<String> roles = caller.roles().stream().sorted().toList();
        return Actor.newBuilder().setSubject(caller.subject()).setTenantId(caller.tenantId()).setRoles(roles).build();
    }

    static Object payload(CommandPayload payload) {
        return switch (payload) {
            case CommandPayload.PauseTrading p -> new PauseTrading(p.scope(), p.reason(), p.expiresAt());
            case CommandPayload.ResumeTrading p -> new ResumeTrading(p.scope(), p.reason());
            case CommandPayload.EngageKillSwitch p -> new EngageKillSwitch(p.reason());
            case CommandPayload.ReleaseKillSwitch p -> new ReleaseKillSwitch(p.reason());
            case CommandPayload.SetMaintenanceMode p ->
                    new SetMaintenanceMode(p.on(), nullToEmpty(p.message()), nullToEmpty(p.reason()));
            case CommandPayload.UpdateConfig p -> new UpdateConfig(p.key(), p.value(), nullToEmpty(p.reason()));
            case CommandPayload.CreateProfile p -> new CreateProfile(p.profileId(), p.tenantId(), p.name());
            case CommandPayload.EnableProfile p -> new EnableProfile(p.profileId(), p.tenantId(), nullToEmpty(p.reason()));
            case CommandPayload.DisableProfile p ->
                    new DisableProfile(p.profileId(), p.tenantId(), nullToEmpty(p.reason()));
        };
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
