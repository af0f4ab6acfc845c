package com.tradingcontrol.api.ports;

import java.time.Instant;
import java.util.Objects;

/**
 * The command itself, after the API's shape checks; one record per command of the contract
 * ({@code CommandEnvelope.payload} in the Avro schema). Plain Java so resources need no Avro types.
 */
public sealed interface CommandPayload {
    /** The contract's command name, e.g. {@code PauseTrading}. */
    default String type() {
        return getClass().getSimpleName();
    }

    record PauseTrading(String scope, String reason, Instant expiresAt) implements CommandPayload {}

    /** @param proposalExpiresAt nullable: when a proposal under the global-resume rule lapses; the processors' default (10 minutes) */
    record ResumeTrading(String scope, String reason, Instant proposalExpiresAt) implements CommandPayload {
        public ResumeTrading(String scope, String reason) {
            this(scope, reason, null);
        }
    }

    /** @param expiresAt nullable: reduce-only until lifted */
    record SetReduceOnly(String scope, String reason, Instant expiresAt) implements CommandPayload {}

    record LiftReduceOnly(String scope, String reason) implements CommandPayload {}

    record EngageKillSwitch(String reason) implements CommandPayload {}

    /** Proposes the release (two-person rule). @param expiresAt nullable: the processors' default (10 minutes) */
    record ReleaseKillSwitch(String reason, Instant expiresAt) implements CommandPayload {
        public ReleaseKillSwitch(String reason) {
            this(reason, null);
        }
    }

    /**
     * Approves the open two-person proposal of {@code action} (a {@code ProposalAction} name). Its
     * type is the Avro record it travels as: the kill-switch release keeps its own.
     */
    record ApproveProposal(String action, String reason) implements CommandPayload {
        @Override
        public String type() {
            return "KILL_SWITCH_RELEASE".equals(action) ? "ApproveKillSwitchRelease" : "ApproveTwoPersonProposal";
        }
    }

    /** Rejects the open two-person proposal of {@code action}; typed like {@link ApproveProposal}. */
    record RejectProposal(String action, String reason) implements CommandPayload {
        @Override
        public String type() {
            return "KILL_SWITCH_RELEASE".equals(action) ? "RejectKillSwitchRelease" : "RejectTwoPersonProposal";
        }
    }

    /** @param proposalExpiresAt nullable: when a proposal under the maintenance-off rule lapses; the processors' default (10 minutes) */
    record SetMaintenanceMode(boolean on, String message, String reason, Instant proposalExpiresAt)
            implements CommandPayload {
        public SetMaintenanceMode(boolean on, String message, String reason) {
            this(on, message, reason, null);
        }
    }

    /** @param value a {@link Boolean}, {@link Long}, {@link Double} or {@link String} */
    record UpdateConfig(String key, Object value, String reason) implements CommandPayload {
        public UpdateConfig {
            Objects.requireNonNull(value, "value");
            if (!(value instanceof Boolean || value instanceof Long || value instanceof Double || value instanceof String)) {
                throw new IllegalArgumentException("config value must be boolean, long, double or string");
            }
        }
    }

    record CreateProfile(String profileId, String tenantId, String name) implements CommandPayload {}

    record EnableProfile(String profileId, String tenantId, String reason) implements CommandPayload {}

    record DisableProfile(String profileId, String tenantId, String reason) implements CommandPayload {}
}
