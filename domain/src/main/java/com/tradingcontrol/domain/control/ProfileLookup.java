package com.tradingcontrol.domain.control;

import java.time.Instant;
import java.util.Optional;

/**
 * What the platform knows of a trading profile, for the effective decision: whether it exists and
 * is enabled, and who last changed it. Implemented over whatever holds profile state (the API's
 * projection, an engine client's view of the profile topic).
 */
@FunctionalInterface
public interface ProfileLookup {

    /** A profile's status: enabled or not, with its last change (nullable fields when unknown). */
    record ProfileStatus(boolean enabled, String changedBy, Instant changedAt, String reason) {}

    /** Empty when the platform has no profile {@code profileId} in {@code tenantId}. */
    Optional<ProfileStatus> status(String tenantId, String profileId);

    /**
     * Whether the platform knows the profile and it is enabled: what every decision asks first, so a
     * lookup on a hot path may answer it without allocating (the default goes through {@link #status}).
     */
    default boolean isEnabled(String tenantId, String profileId) {
        return status(tenantId, profileId).map(ProfileStatus::enabled).orElse(false);
    }
}
