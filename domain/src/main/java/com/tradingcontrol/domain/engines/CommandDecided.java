package com.tradingcontrol.domain.engines;

import java.time.Instant;
import java.util.Objects;

/**
 * What the processors decided about a command.
 *
 * @param changedState the command was accepted with at least one event (a no-op changes nothing an engine applies)
 */
public record CommandDecided(String commandId, String aggregateId, boolean accepted, boolean changedState,
                             Instant decidedAt) {
    public CommandDecided {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** Control scopes change what engines decide; config keys and profiles are not control state. */
    public boolean controlChange() {
        return accepted && changedState && (aggregateId.equals("global") || aggregateId.startsWith("tenant:")
                || aggregateId.startsWith("strategy:") || aggregateId.startsWith("symbol:"));
    }
}
