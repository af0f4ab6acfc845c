package com.tradingcontrol.api.ports;

import java.time.Duration;

/**
 * Read-your-writes: a read model that can say when it reflects an aggregate version. After a waited
 * command is accepted, the API waits (bounded) until every barrier that {@link #covers} the
 * aggregate has reached the outcome's resulting version before it answers 200.
 */
public interface ReadBarrier {
    boolean covers(String aggregateId);

    /** True once this read model shows {@code aggregateId} at {@code version} or later; false after {@code timeout}. */
    boolean awaitVersion(String aggregateId, long version, Duration timeout) throws InterruptedException;
}
