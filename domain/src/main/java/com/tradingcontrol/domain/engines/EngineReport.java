package com.tradingcontrol.domain.engines;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One report of an engine instance: a heartbeat ({@code applied} empty) or the changes applied since its
 * previous report, in the order applied (a client batches what it applied at once into one report).
 *
 * @param sentAt       engine clock; staleness is judged on it, so engine clocks must be synchronised (NTP)
 * @param clientStale  the client considered itself stale (fail-closed) when it wrote the report
 * @param stateVersion the client's own view version (records applied since it started)
 */
public record EngineReport(String engineId, String engineVersion, String clientVersion, String host, Instant sentAt,
                           boolean clientStale, long stateVersion, List<Applied> applied) {
    public EngineReport {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(sentAt, "sentAt");
        applied = applied == null ? List.of() : List.copyOf(applied);
    }

    /** Where an applied change came from, as the client names it. */
    public enum Source { HALT_SIGNAL, STATE, RETRACTION }

    /** What was applied: a fast halt signal, a state record, or the retraction of a signal. */
    public record Applied(String commandId, String scope, Source source, Long aggregateVersion, Instant receivedAt,
                          Instant appliedAt, String mode) {
        public Applied {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(appliedAt, "appliedAt");
        }
    }
}
