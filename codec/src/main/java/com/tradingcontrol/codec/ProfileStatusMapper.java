package com.tradingcontrol.codec;

import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.ProfileStatus;

/**
 * Domain profile state to the compacted {@code trading.profile-state} record and back. The record is the
 * profile's full state, keyed by its aggregate id ({@code profile:<tenantId>:<profileId>}), so the way
 * back is exact: an engine that reads the topic knows what the processors know.
 */
public final class ProfileStatusMapper {

    private ProfileStatusMapper() {
    }

    /** The record key: the profile's aggregate id. */
    public static String key(ProfileState state) {
        return state.aggregateId();
    }

    /**
     * @throws IllegalArgumentException for a profile that was never created: it has no record, which is
     *                                  what tells an engine it is unknown
     */
    public static ProfileStatus toAvro(ProfileState state) {
        if (!state.exists()) {
            throw new IllegalArgumentException(state.aggregateId()
                    + " was never created and has no profile-state record");
        }
        LastChange last = LastChange.of(state.lastChange());
        return ProfileStatus.newBuilder()
                .setTenantId(state.tenantId())
                .setProfileId(state.profileId())
                .setName(state.name())
                .setEnabled(state.enabled())
                .setVersion(state.version())
                .setReason(last.reason())
                .setSetBy(last.setBy())
                .setSetAt(last.setAt())
                .setCommandId(last.commandId())
                .build();
    }

    public static ProfileState fromAvro(ProfileStatus avro) {
        Provenance last = new LastChange(avro.getReason(), avro.getSetBy(), avro.getSetAt(), avro.getCommandId())
                .provenance();
        return new ProfileState(avro.getTenantId(), avro.getProfileId(), avro.getVersion(), true, avro.getName(),
                avro.getEnabled(), last);
    }
}
