package com.tradingcontrol.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which roles may issue which command. Stopping is easy, starting is guarded:
 * <pre>
 *   command              ADMIN  OPERATOR  CUSTOMER          AUDITOR
 *   PauseTrading           x       x
 *   ResumeTrading          x       x                                    (global: proposes if its rule is on)
 *   SetReduceOnly          x       x
 *   LiftReduceOnly         x       x                                    (as ResumeTrading)
 *   EngageKillSwitch       x       x
 *   ReleaseKillSwitch      x                                            (proposes; two-person rule)
 *   Approve/RejectProposal x                                            (approver != proposer)
 *   SetMaintenanceMode     x                                            (both; off proposes if its rule is on)
 *   UpdateConfig         per catalogue entry (ADMIN unless the entry says otherwise)
 *   Create/Enable/DisableProfile x x       own tenant only
 * </pre>
 * Maintenance is admin-only in both directions: it is a planned, user-visible announcement rather
 * than an emergency stop, and operators already have pause and the kill switch for emergencies.
 * Auditors read; they issue no commands.
 */
public final class RoleMatrix {

    private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.OPERATOR);
    private static final Set<Role> ADMIN_ONLY = EnumSet.of(Role.ADMIN);
    private static final Set<Role> PROFILE_ROLES = EnumSet.of(Role.ADMIN, Role.OPERATOR, Role.CUSTOMER);

    private RoleMatrix() {
    }

    public static Set<Role> allowedRoles(ControlCommand command) {
        if (command instanceof ReleaseKillSwitch || command instanceof ApproveProposal
                || command instanceof RejectProposal || command instanceof SetMaintenanceMode) {
            return ADMIN_ONLY;
        }
        return STAFF;
    }

    public static Set<Role> allowedRoles(ProfileCommand command) {
        return PROFILE_ROLES;
    }
}
