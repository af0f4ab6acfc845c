package com.tradingcontrol.domain;

import java.util.Optional;

/**
 * Remembers the decision taken for each command id. The topology backs it with a state store that
 * is committed in the same transaction as the events, so a replay after a restart still finds it.
 */
public interface IdempotencyLedger {

    Optional<Decision> find(String commandId);

    void record(String commandId, Decision decision);
}
