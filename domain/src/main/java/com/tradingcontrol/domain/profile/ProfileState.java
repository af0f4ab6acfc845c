package com.tradingcontrol.domain.profile;

import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.Provenance;

import java.util.Objects;

/**
 * State of one trading profile, aggregate id {@code profile:<tenantId>:<profileId>}. Before
 * ProfileCreated the aggregate exists only as a key ({@code exists == false}). Profiles start
 * disabled: enabling one is a deliberate second step.
 *
 * @param name       nullable until created
 * @param lastChange nullable: who last changed the profile, when and why
 */
public record ProfileState(String tenantId, String profileId, long version, boolean exists, String name,
                           boolean enabled, Provenance lastChange) implements AggregateState {

    public ProfileState {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(profileId, "profileId");
    }

    public static ProfileState initial(String tenantId, String profileId) {
        return new ProfileState(tenantId, profileId, 0, false, null, false, null);
    }

    @Override
    public String aggregateId() {
        return AggregateIds.profile(tenantId, profileId);
    }
}
