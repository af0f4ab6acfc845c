package com.tradingcontrol.api.ports;

/**
 * Read-your-writes: a read model that can say which version of an aggregate it shows. After a
 * waited command is accepted, the API checks (within the same {@code Prefer: wait} deadline) that
 * every barrier that {@link #covers} the aggregate shows the outcome's resulting version; if one
 * does not in time, the answer is marked as lagging instead of claiming read-your-writes.
 *
 * <p>{@link #currentVersion} is polled from a small shared scheduler, never from a request thread,
 * so a waiting request holds no thread at all.
 */
public interface ReadBarrier {
    boolean covers(String aggregateId);

    /** The version this read model shows now; 0 when it has nothing for the aggregate. Must not wait. */
    long currentVersion(String aggregateId);
}
