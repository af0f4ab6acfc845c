package com.tradingcontrol.domain;

/** Stable, machine-readable rejection codes. Names are part of the public contract: only add. */
public enum RejectionCode {
    /** The actor's roles do not allow this command. */
    FORBIDDEN,
    /** A customer addressed another tenant's data. Never says whether that data exists. */
    TENANT_MISMATCH,
    /** A field is missing, malformed or out of range (including an invalid scope). */
    VALIDATION_FAILED,
    /** The config key is not in the catalogue. */
    UNKNOWN_CONFIG_KEY,
    /** {@code expectedVersion} differs from the aggregate's current version. */
    VERSION_CONFLICT,
    /** The command is well-formed but not allowed in the aggregate's current state. */
    INVALID_STATE,
    /** The addressed profile does not exist (only ever reported within the actor's own tenant). */
    NOT_FOUND,
    /** The profile to create already exists. */
    ALREADY_EXISTS,
    /**
     * The command carries no valid signature by a key the processors trust (unsigned, unknown key id,
     * or forged/altered): it did not come from the API. Produced by the topology, not the domain.
     */
    UNAUTHENTICATED_COMMAND,
    /**
     * The command's Idempotency-Key was first used by the same caller for a different request
     * (another method, route or body). Produced by the topology, not the domain; nothing changes.
     */
    IDEMPOTENCY_KEY_REUSED,
    /**
     * Two-person rule: the admin who proposed releasing the kill switch tried to approve the
     * proposal; a different admin must.
     */
    SECOND_ADMIN_REQUIRED
}
