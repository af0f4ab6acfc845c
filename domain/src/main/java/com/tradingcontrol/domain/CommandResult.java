package com.tradingcontrol.domain;

import java.util.List;

/**
 * What {@link TradingDomain#handle} returns: the decision (fresh or replayed from the ledger) and
 * whether it was a replay. A replay must produce the outcome again but append no events.
 */
public record CommandResult(Decision decision, boolean duplicate) {

    /** The events the adapter must append: none for a duplicate. */
    public List<DomainEvent> eventsToAppend() {
        return duplicate ? List.of() : decision.events();
    }
}
