package com.tradingcontrol.api.commands;

import com.fasterxml.jackson.databind.JsonNode;

/** Request bodies of the command endpoints (docs/api.md); unknown fields are rejected by the app's mapper. */
public final class CommandBodies {
    private CommandBodies() {}

    /** expiresAt stays a string so a bad instant is a 422 naming the field, not a generic JSON error. */
    public record Pause(String scope, String reason, String expiresAt) {}

    /** proposalExpiresAt (optional, ISO-8601; global only): the time-to-live of a two-person proposal, a string like {@link Pause}'s expiresAt. */
    public record Resume(String scope, String reason, String proposalExpiresAt) {}

    /** Like {@link Pause}: expiresAt stays a string so a bad instant is a 422 naming the field. */
    public record ReduceOnly(String scope, String reason, String expiresAt) {}

    public record LiftReduceOnly(String scope, String reason) {}

    public record InternalPause(String scope, String reason) {}

    public record Reason(String reason) {}

    /** A kill-switch release proposal; expiresAt (optional, ISO-8601) stays a string like {@link Pause}'s. */
    public record ReleaseProposal(String reason, String expiresAt) {}

    /** proposalExpiresAt (optional, ISO-8601; with on false only): like {@link Resume}'s. */
    public record Maintenance(Boolean on, String message, String reason, String proposalExpiresAt) {}

    public record ConfigChange(JsonNode value, String reason) {}

    public record CreateProfile(String profileId, String name, String tenantId) {}

    public record ProfileToggle(String reason, String tenantId) {}
}
