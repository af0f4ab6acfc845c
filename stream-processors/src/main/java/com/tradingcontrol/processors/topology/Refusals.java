package com.tradingcontrol.processors.topology;

import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.schemas.avro.CommandEnvelope;

/** The decide step's own rejections, made before the domain is asked: not authentic, or a reused Idempotency-Key. */
final class Refusals {
    private Refusals() {
    }

    /** What a command carrying an Idempotency-Key lacks when it did not come through the idempotency gate. */
    static final String UNGATED = "the command carries an Idempotency-Key but no verdict of the idempotency gate "
            + "(written straight to trading.commands)";

    static Decision unauthenticated(String why) {
        return Decision.rejected(RejectionCode.UNAUTHENTICATED_COMMAND, "Rejected: " + why + ".");
    }

    /**
     * The audit id of a refused unauthenticated command: its record's position, so it never equals (and so
     * never replaces, in a projection keyed by audit id) the audit record of a genuine command it claims to be.
     */
    static String unauthenticatedAuditId(CommandEnvelope command, String position) {
        return "unauthenticated:" + command.getCommandId() + "@" + position;
    }

    static Decision keyReused(CommandEnvelope command, String firstCommandId) {
        String key = command.getIdempotency() == null ? "?" : command.getIdempotency().getKey();
        return Decision.rejected(RejectionCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + key + "' was first "
                + "used for a different request (command " + firstCommandId + "); nothing was changed. Use a new "
                + "key for a new request.");
    }
}
