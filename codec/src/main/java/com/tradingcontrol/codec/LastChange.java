package com.tradingcontrol.codec;

import com.tradingcontrol.domain.Provenance;
import java.time.Instant;

/**
 * The last-change fields ({@code reason}, {@code setBy}, {@code setAt}, {@code commandId}) the state records
 * share, each nullable in the schema, to and from the domain's {@link Provenance} (null when unknown).
 */
record LastChange(String reason, String setBy, Instant setAt, String commandId) {

    static LastChange of(Provenance provenance) {
        return provenance == null ? new LastChange(null, null, null, null)
                : new LastChange(provenance.reason(), provenance.actorSubject(), provenance.at(),
                        provenance.commandId());
    }

    /** Null when the record carries none of the fields. */
    Provenance provenance() {
        if (reason == null && setBy == null && setAt == null && commandId == null) {
            return null;
        }
        return new Provenance(setBy, setAt, commandId, reason);
    }
}
