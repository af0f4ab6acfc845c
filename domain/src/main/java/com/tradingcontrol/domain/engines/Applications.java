package com.tradingcontrol.domain.engines;

import java.time.Instant;

/** When one engine first applied a command's signal, its state, and the retraction of its signal. */
final class Applications {
    private Instant signal;
    private Instant state;
    private Instant retraction;

    void add(EngineReport.Applied applied) {
        switch (applied.source()) {
            case HALT_SIGNAL -> signal = earliest(signal, applied.appliedAt());
            case STATE -> state = earliest(state, applied.appliedAt());
            case RETRACTION -> retraction = earliest(retraction, applied.appliedAt());
        }
    }

    private static Instant earliest(Instant known, Instant at) {
        return known == null || at.isBefore(known) ? at : known;
    }

    Instant signal() {
        return signal;
    }

    Instant state() {
        return state;
    }

    Instant retraction() {
        return retraction;
    }

    /** The first time the engine acted on the command's restriction (signal or state), or null. */
    Instant first() {
        return signal == null ? state : state == null ? signal : earliest(signal, state);
    }
}
