package com.tradingcontrol.api.engines;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.domain.engines.Propagation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each changed halt propagation to the {@link PropagationEvidence}, outside the monitor's lock,
 * and retries what could not be written on the next flush (only the latest view per command is kept).
 * Halts issued before {@code keepFrom} are not written: right after a start the API has not read the
 * engine reports from before its window, so its view of them would overwrite better evidence.
 */
final class EvidenceKeeper {
    static final String FAILED_METRIC = "engines.evidence.failed";
    private static final Logger LOG = LoggerFactory.getLogger(EvidenceKeeper.class);

    private final PropagationEvidence evidence;
    private final Instant keepFrom;
    private final Counter failed;
    private final Map<String, ObjectNode> unsaved = new LinkedHashMap<>();

    EvidenceKeeper(PropagationEvidence evidence, Instant keepFrom, MetricRegistry metrics) {
        this.evidence = evidence;
        this.keepFrom = keepFrom;
        this.failed = metrics.counter(FAILED_METRIC);
    }

    /** Queues {@code view} (asked for only when the propagation is one to keep) for the next {@link #flush}. */
    synchronized void changed(Propagation propagation, Supplier<ObjectNode> view) {
        if (propagation.halt() && propagation.issuedAt() != null && propagation.issuedAt().isAfter(keepFrom)) {
            unsaved.put(propagation.commandId(), view.get());
        }
    }

    /**
     * Writes what changed since the last flush as one batch; when the batch fails (the store is likely away),
     * all of it is kept for the next flush (a write replaces, so what did get written is harmlessly redone).
     */
    void flush() {
        Map<String, ObjectNode> batch;
        synchronized (this) {
            if (unsaved.isEmpty()) {
                return;
            }
            batch = new LinkedHashMap<>(unsaved);
            unsaved.clear();
        }
        try {
            evidence.keepAll(batch);
        } catch (RuntimeException e) {
            failed.inc();
            LOG.warn("Propagation of {} halt(s) not stored as evidence; retrying: {}", batch.size(), e.toString());
            requeue(batch);
        }
    }

    private synchronized void requeue(Map<String, ObjectNode> batch) {
        // A newer view that arrived meanwhile wins over the one that failed.
        batch.forEach(unsaved::putIfAbsent);
    }

    Optional<ObjectNode> find(String commandId) {
        return evidence.find(commandId);
    }
}
