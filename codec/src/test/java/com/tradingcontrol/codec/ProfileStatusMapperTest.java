package com.tradingcontrol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProfileStatusMapperTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void anEnabledProfileTravelsWithItsKeyVersionAndLastChange() throws IOException {
        ProfileState enabled = new ProfileState("u-17", "momentum", 2, true, "Momentum", true,
                new Provenance("cust-u-17", T0, "c-2", "go live"));

        ProfileStatus avro = ProfileStatusMapper.toAvro(enabled);

        assertThat(ProfileStatusMapper.key(enabled)).isEqualTo("profile:u-17:momentum");
        assertThat(avro).isEqualTo(ProfileStatus.newBuilder().setTenantId("u-17").setProfileId("momentum")
                .setName("Momentum").setEnabled(true).setVersion(2).setReason("go live").setSetBy("cust-u-17")
                .setSetAt(T0).setCommandId("c-2").build());
        assertThat(ProfileStatusMapper.fromAvro(wire(avro))).isEqualTo(enabled);
    }

    @Test
    void aCreatedProfileIsDisabledAndHasNoReason() throws IOException {
        ProfileState created = new ProfileState("u-17", "p1", 1, true, "P1", false,
                new Provenance("cust-u-17", T0, "c-1", null));

        ProfileStatus avro = ProfileStatusMapper.toAvro(created);

        assertThat(avro.getEnabled()).isFalse();
        assertThat(avro.getReason()).isNull();
        assertThat(avro.getSetBy()).isEqualTo("cust-u-17");
        assertThat(ProfileStatusMapper.fromAvro(wire(avro))).isEqualTo(created);
    }

    @Test
    void aStateWithoutProvenanceComesBackWithout() throws IOException {
        ProfileState bare = new ProfileState("u-1", "p1", 3, true, null, false, null);

        assertThat(ProfileStatusMapper.fromAvro(wire(ProfileStatusMapper.toAvro(bare)))).isEqualTo(bare);
    }

    @Test
    void aProfileThatWasNeverCreatedHasNoRecord() {
        assertThatThrownBy(() -> ProfileStatusMapper.toAvro(ProfileState.initial("u-1", "ghost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("profile:u-1:ghost");
    }

    /** Through the Avro binary encoding, as an engine would read it. */
    private static ProfileStatus wire(ProfileStatus record) throws IOException {
        return ProfileStatus.fromByteBuffer(record.toByteBuffer());
    }
}
