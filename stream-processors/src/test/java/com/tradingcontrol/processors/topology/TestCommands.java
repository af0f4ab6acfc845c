package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.avro.CreateProfile;
import com.tradingcontrol.schemas.avro.EnableProfile;
import com.tradingcontrol.schemas.avro.EngageKillSwitch;
import com.tradingcontrol.schemas.avro.IdempotencyBinding;
import com.tradingcontrol.schemas.avro.PauseTrading;
import com.tradingcontrol.schemas.avro.ReleaseKillSwitch;
import com.tradingcontrol.schemas.avro.ResumeTrading;
import com.tradingcontrol.schemas.avro.UpdateConfig;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Avro commands as the API would submit them (signed with {@link #API_KEY}, which {@link #VERIFIER} trusts). */
final class TestCommands {

    static final String API_KEY_ID = "api-test-1";
    static final byte[] API_KEY = CommandKeys.generate();
    static final CommandSigner SIGNER = new CommandSigner(API_KEY_ID, API_KEY);
    static final CommandVerifier VERIFIER = new CommandVerifier(Map.of(API_KEY_ID, API_KEY));

    static final Actor OPERATOR = new Actor("olga", null, List.of("operator"));
    static final Actor ADMIN = new Actor("adam", null, List.of("admin"));

    private TestCommands() {
    }

    static Actor customer(String tenant) {
        return new Actor("cust-" + tenant, tenant, List.of("customer"));
    }

    static CommandEnvelope envelope(String commandId, Actor actor, Instant issuedAt, Object payload) {
        return SIGNER.sign(unsigned(commandId, actor, issuedAt, payload));
    }

    static CommandEnvelope unsigned(String commandId, Actor actor, Instant issuedAt, Object payload) {
        return CommandEnvelope.newBuilder()
                .setCommandId(commandId)
                .setRequestId("req-" + commandId)
                .setIssuedAt(issuedAt)
                .setActor(actor)
                .setExpectedVersion(null)
                .setPayload(payload)
                .build();
    }

    /** A signed command carrying an Idempotency-Key binding, as the API writes it to trading.keyed-commands. */
    static CommandEnvelope keyed(String commandId, Actor actor, Instant issuedAt, Object payload, String key,
                                 String fingerprint) {
        CommandEnvelope envelope = unsigned(commandId, actor, issuedAt, payload);
        envelope.setIdempotency(new IdempotencyBinding(key, fingerprint));
        return SIGNER.sign(envelope);
    }

    static Object pause(String scope, String reason, Instant expiresAt) {
        return new PauseTrading(scope, reason, expiresAt);
    }

    static Object resume(String scope, String reason) {
        return new ResumeTrading(scope, reason, null);
    }

    static Object engage(String reason) {
        return new EngageKillSwitch(reason);
    }

    static Object release(String reason) {
        return new ReleaseKillSwitch(reason, null);
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
