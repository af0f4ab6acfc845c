package com.tradingcontrol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.codec.audit.ChainHead;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.ControlMode;
import java.time.Instant;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The store codecs must give back exactly what was stored, or a restore would change state. */
class StateJsonTest {

    private static final Provenance BY = new Provenance("olga", Instant.parse("2026-01-02T03:04:05.678Z"), "c1", "why");

    @Test
    void controlStatesRoundTripWithEveryControl() throws IOException {
        ControlState full = new ControlState(Scope.global(), 7,
                new ControlState.Pause(BY, Instant.parse("2026-01-02T05:00:00Z")),
                new ControlState.KillSwitch(BY), new ControlState.Maintenance("back at 6", BY));
        ControlState empty = ControlState.initial(Scope.symbol("aapl"));

        Codec<ControlState> serde = new Codec<>(StateJson::control, StateJson::control);

        assertThat(roundTrip(serde, full)).isEqualTo(full);
        assertThat(roundTrip(serde, empty)).isEqualTo(empty);
    }

    @Test
    void configStatesRoundTripForEveryValueKind() throws IOException {
        Codec<ConfigState> serde = new Codec<>(StateJson::config, StateJson::config);
        for (ConfigValue value : new ConfigValue[] {ConfigValue.of(true), ConfigValue.of(42L), ConfigValue.of(2.5),
                ConfigValue.of("REJECT_ORDER"), null}) {
            ConfigState state = new ConfigState("k", 3, value, value == null ? null : BY);
            assertThat(roundTrip(serde, state)).isEqualTo(state);
        }
    }

    @Test
    void profileStatesAndChainHeadsRoundTrip() throws IOException {
        ProfileState profile = new ProfileState("u1", "p1", 2, true, "momentum", true, BY);
        ChainHead head = new ChainHead("chain-2", 41, "ab".repeat(32));

        assertThat(roundTrip(new Codec<>(StateJson::profile, StateJson::profile), profile)).isEqualTo(profile);
        assertThat(roundTrip(new Codec<>(StateJson::chainHead, StateJson::chainHead), head)).isEqualTo(head);
    }

    @Test
    void thePublishedControlStateMapsBackForTheControlView() throws IOException {
        ControlState halted = new ControlState(Scope.global(), 4, null, new ControlState.KillSwitch(BY), null);
        ControlState paused = new ControlState(Scope.tenant("u1"), 1,
                new ControlState.Pause(BY, Instant.parse("2026-01-02T05:00:00Z")), null, null);

        var published = ControlStateMapper.toAvro(halted, BY, "c1:0");
        assertThat(published.getMode()).isEqualTo(ControlMode.HALTED);
        assertThat(ControlStateMapper.fromAvro(published)).isEqualTo(halted);
        assertThat(ControlStateMapper.fromAvro(ControlStateMapper.toAvro(paused, BY, "c1:0"))).isEqualTo(paused);
    }

    /** Encode, write to bytes, read back and decode: the way a store or a document keeps a state. */
    private record Codec<T>(Function<T, ? extends JsonNode> encode, Function<JsonNode, T> decode) {
    }

    private static <T> T roundTrip(Codec<T> codec, T value) throws IOException {
        return codec.decode().apply(StateJson.read(StateJson.write(codec.encode().apply(value))));
    }
}
