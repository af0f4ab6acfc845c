package com.tradingcontrol.projections.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.StoreUnavailableException;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulates outages and crashes: while {@link #failing} is set, reads and writes throw
 * {@link StoreUnavailableException}; {@link #crashAfterWrites(long)} makes a write succeed and then
 * throw an {@link Error}, as if the process died between the store write and the offset commit.
 */
public final class FlakyStore extends ForwardingStore {

    /** Thrown after a successful write to simulate the projector process dying right there. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after a store write, before the offset commit");
        }
    }

    public final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong crashCountdown = new AtomicLong(-1);
    private final AtomicLong refused = new AtomicLong();

    public FlakyStore(ProjectionStore delegate) {
        super(delegate);
    }

    public void crashAfterWrites(long writes) {
        crashCountdown.set(writes);
    }

    public long refused() {
        return refused.get();
    }

    @Override
    public Optional<StoredDocument> read(String container, String partitionKey, String id) {
        refuseWhileFailing();
        return super.read(container, partitionKey, id);
    }

    @Override
    public StoredDocument upsert(String container, String partitionKey, ObjectNode doc, WriteCondition condition) {
        refuseWhileFailing();
        StoredDocument written = super.upsert(container, partitionKey, doc, condition);
        if (crashCountdown.get() > 0 && crashCountdown.decrementAndGet() == 0) {
            throw new SimulatedCrash();
        }
        return written;
    }

    private void refuseWhileFailing() {
        if (failing.get()) {
            refused.incrementAndGet();
            throw new StoreUnavailableException("simulated outage");
        }
    }
}
