package com.tradingcontrol.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.processors.audit.ChainHead;
import com.tradingcontrol.processors.domain.ConfigValue;
import com.tradingcontrol.processors.domain.Provenance;
import com.tradingcontrol.processors.domain.Scope;
import com.tradingcontrol.processors.domain.config.ConfigState;
import com.tradingcontrol.processors.domain.control.ControlState;
import com.tradingcontrol.processors.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.ControlMode;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The store codecs must give back exactly what was stored, or a restore would change state. */
class StateJsonTest {

    private static final Provenance BY = new Provenance("olga", Instant.parse("2026-01-02T03:04:05.678Z"), "c1", "why");

    @Test
    void controlStatesRoundTripWithEveryControl() {
        ControlState full = new ControlState(Scope.global(), 7,
                new ControlState.Pause(BY, Instant.parse("2026-01-02T05:00:00Z")),
                new ControlState.KillSwitch(BY), new ControlState.Maintenance("back at 6", BY));
        ControlState empty = ControlState.initial(Scope.symbol("aapl"));

        Serde<ControlState> serde = JsonStoreSerde.of(StateJson::control, StateJson::control);

        assertThat(roundTrip(serde, full)).isEqualTo(full);
        assertThat(roundTrip(serde, empty)).isEqualTo(empty);
    }

    @Test
    void configStatesRoundTripForEveryValueKind() {
        Serde<ConfigState> serde = JsonStoreSerde.of(StateJson::config, StateJson::config);
        for (ConfigValue value : new ConfigValue[] {ConfigValue.of(true), ConfigValue.of(42L), ConfigValue.of(2.5),
                ConfigValue.of("REJECT_ORDER"), null}) {
            ConfigState state = new ConfigState("k", 3, value, value == null ? null : BY);
            assertThat(roundTrip(serde, state)).isEqualTo(state);
        }
    }

    @Test
    void profileStatesAndChainHeadsRoundTrip() {
        ProfileState profile = new ProfileState("u1", "p1", 2, true, "momentum", true, BY);
        ChainHead head = new ChainHead("chain-2", 41, "ab".repeat(32));

        assertThat(roundTrip(JsonStoreSerde.of(StateJson::profile, StateJson::profile), profile)).isEqualTo(profile);
        assertThat(roundTrip(JsonStoreSerde.of(StateJson::chainHead, StateJson::chainHead), head)).isEqualTo(head);
    }

    @Test
    void thePublishedControlStateMapsBackForTheControlView() {
        ControlState halted = new ControlState(Scope.global(), 4, null, new ControlState.KillSwitch(BY), null);
        ControlState paused = new ControlState(Scope.tenant("u1"), 1,
                new ControlState.Pause(BY, Instant.parse("2026-01-02T05:00:00Z")), null, null);

        var published = ControlStateMapper.toAvro(halted, BY, "c1:0");
        assertThat(published.getMode()).isEqualTo(ControlMode.HALTED);
        assertThat(ControlStateMapper.fromAvro(published)).isEqualTo(halted);
        assertThat(ControlStateMapper.fromAvro(ControlStateMapper.toAvro(paused, BY, "c1:0"))).isEqualTo(paused);
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
