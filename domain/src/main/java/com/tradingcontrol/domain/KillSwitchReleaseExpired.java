package com.tradingcontrol.domain;

import java.time.Instant;

/** The release proposal lapsed unapproved (emitted by the processors' wall-clock punctuation). */
public record KillSwitchReleaseExpired(Instant expiredAt) implements ControlEvent {
    @Override
    public Scope targetScope() {
        return Scope.global();
    }
}
