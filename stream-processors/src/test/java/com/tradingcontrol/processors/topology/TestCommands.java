package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CreateProfile;
import com.tradingcontrol.schemas.avro.EnableProfile;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.ReleaseKillSwitch;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import java.time.Instant;
import java.util.List;

/** Avro commands as the API would submit them. */
final class TestCommands {

    static final Actor OPERATOR = new Actor("olga", null, List.of("operator"));
    static final Actor ADMIN = new Actor("adam", null, List.of("admin"));

    private TestCommands() {
    }

    static Actor customer(String tenant) {
        return new Actor("cust-" + tenant, tenant, List.of("customer"));
    }

    static CommandEnvelope envelope(String commandId, Actor actor, Instant issuedAt, Object payload) {
        return CommandEnvelope.newBuilder()
                .setCommandId(commandId)
                .setRequestId("req-" + commandId)
                .setIssuedAt(issuedAt)
                .setActor(actor)
                .setExpectedVersion(null)
                .setPayload(payload)
                .build();
    }

    static Object pause(String scope, String reason, Instant expiresAt) {
        return new PauseTrading(scope, reason, expiresAt);
    }

    static Object resume(String scope, String reason) {
        return new ResumeTrading(scope, reason);
    }

    static Object engage(String reason) {
        return new EngageKillSwitch(reason);
    }

    static Object release(String reason) {
        return new ReleaseKillSwitch(reason);
    }

    static Object config(String key, Object value) {
        return new UpdateConfig(key, value, "tuning");
    }

    static Object createProfile(String tenant, String profile) {
        return new CreateProfile(profile, tenant, "profile " + profile);
    }

    static Object enableProfile(String tenant, String profile) {
        return new EnableProfile(profile, tenant, "go");
    }
}
