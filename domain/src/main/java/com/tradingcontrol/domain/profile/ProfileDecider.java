package com.tradingcontrol.domain.profile;

import com.tradingcontrol.domain.Actor;
import com.tradingcontrol.domain.Checks;
import com.tradingcontrol.domain.CommandEnvelope;
import com.tradingcontrol.domain.CreateProfile;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.DisableProfile;
import com.tradingcontrol.domain.EnableProfile;
import com.tradingcontrol.domain.ProfileCommand;
import com.tradingcontrol.domain.ProfileCreated;
import com.tradingcontrol.domain.ProfileDisabled;
import com.tradingcontrol.domain.ProfileEnabled;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.domain.RoleMatrix;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.control.EffectiveModeCalculator;

import java.util.List;
import java.util.Optional;

/**
 * Decides profile commands. Tenant isolation is checked right after the role and before anything
 * that looks at state, so a customer naming another tenant always gets the same TENANT_MISMATCH,
 * whether or not such a profile exists, and never a NOT_FOUND, VERSION_CONFLICT or ALREADY_EXISTS
 * that would reveal it.
 */
public final class ProfileDecider {

    public static final int MAX_NAME_LENGTH = 100;
    static final String TENANT_MISMATCH_MESSAGE = "customers may only act on profiles of their own tenant";

    private ProfileDecider() {
    }

    /**
     * @param state the state of {@code profile:<tenantId>:<profileId>}
     * @param view  used to note when an enabled profile still cannot trade (e.g. kill switch engaged)
     * @throws IllegalArgumentException if the payload is not a profile command or the state is another aggregate's
     */
    public static Decision decide(CommandEnvelope envelope, ProfileState state, ControlView view) {
        if (!(envelope.payload() instanceof ProfileCommand command)) {
            throw new IllegalArgumentException("not a profile command: " + envelope.payload());
        }
        Optional<Decision.Rejected> failure = Checks.firstFailure(
                () -> Checks.authorized(envelope.actor(), RoleMatrix.allowedRoles(command), "change trading profiles"),
                () -> ownTenant(envelope.actor(), command),
                () -> validate(command));
        if (failure.isPresent()) {
            return failure.get();
        }
        if (!state.tenantId().equals(command.tenantId()) || !state.profileId().equals(command.profileId())) {
            throw new IllegalArgumentException("command for profile " + command.tenantId() + "/" + command.profileId()
                    + " routed to " + state.aggregateId());
        }
        Optional<Decision.Rejected> conflict = Checks.expectedVersion(envelope, state);
        if (conflict.isPresent()) {
            return conflict.get();
        }
        return transition(envelope, command, state, view);
    }

    private static Optional<Decision.Rejected> ownTenant(Actor actor, ProfileCommand command) {
        if (actor.isStaff() || (actor.tenantId() != null && actor.tenantId().equals(command.tenantId()))) {
            return Optional.empty();
        }
        return Checks.fail(RejectionCode.TENANT_MISMATCH, TENANT_MISMATCH_MESSAGE);
    }

    private static Optional<Decision.Rejected> validate(ProfileCommand command) {
        return Checks.firstFailure(
                () -> Checks.identifier("tenantId", command.tenantId()),
                () -> Checks.identifier("profileId", command.profileId()),
                () -> {
                    if (command instanceof CreateProfile create) {
                        return Checks.requiredText("name", create.name(), MAX_NAME_LENGTH);
                    }
                    if (command instanceof EnableProfile enable) {
                        return Checks.reason(enable.reason());
                    }
                    return Checks.reason(((DisableProfile) command).reason());
                });
    }

    private static Decision transition(CommandEnvelope envelope, ProfileCommand command, ProfileState state,
                                       ControlView view) {
        String profile = "profile " + state.profileId() + " of tenant " + state.tenantId();
        if (command instanceof CreateProfile create) {
            return state.exists()
                    ? Decision.rejected(RejectionCode.ALREADY_EXISTS, profile + " already exists")
                    : Decision.accepted(new ProfileCreated(create.profileId(), create.tenantId(), create.name()));
        }
        if (!state.exists()) {
            return Decision.rejected(RejectionCode.NOT_FOUND, profile + " does not exist");
        }
        if (command instanceof EnableProfile enable) {
            if (state.enabled()) {
                return Decision.noOp(profile + " is already enabled");
            }
            String note = EffectiveModeCalculator.effective(view, state.tenantId(), state.profileId(), null,
                    envelope.issuedAt()).staysRestrictedNote();
            return Decision.accepted(List.of(new ProfileEnabled(enable.profileId(), enable.tenantId(),
                    enable.reason())), note);
        }
        DisableProfile disable = (DisableProfile) command;
        if (!state.enabled()) {
            return Decision.noOp(profile + " is already disabled");
        }
        return Decision.accepted(new ProfileDisabled(disable.profileId(), disable.tenantId(), disable.reason()));
    }
}
