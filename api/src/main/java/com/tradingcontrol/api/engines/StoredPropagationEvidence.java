package com.tradingcontrol.api.engines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.WriteCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Halt propagation documents in the projection store (SQLite or Cosmos), one per command in the
 * {@code <prefix>halt-propagation} container, partitioned by command id. The container is not one of the
 * projector's versioned containers: a projection rebuild neither drops nor rewrites it, so it is kept
 * like the audit trail. Every API instance writes the same document from the same topics (last write wins).
 */
public final class StoredPropagationEvidence implements PropagationEvidence {
    public static final String CONTAINER = "halt-propagation";

    private final ProjectionStore store;
    private final String container;
    private volatile boolean created;

    public StoredPropagationEvidence(ProjectionStore store, String containerPrefix) {
        this.store = store;
        this.container = containerPrefix + CONTAINER;
    }

    public String container() {
        return container;
    }

    @Override
    public void keep(String commandId, ObjectNode propagation) {
        ensureContainer();
        write(store, commandId, propagation);
    }

    /** One store batch (one SQLite transaction) instead of one per halt: the engines tick writes many at once. */
    @Override
    public void keepAll(Map<String, ObjectNode> propagations) {
        ensureContainer();
        store.inBatch(batch -> {
            propagations.forEach((commandId, propagation) -> write(batch, commandId, propagation));
            return null;
        });
    }

    private void write(ProjectionStore target, String commandId, ObjectNode propagation) {
        ObjectNode doc = propagation.deepCopy();
        doc.put("id", commandId);
        target.upsert(container, commandId, doc, WriteCondition.none());
    }

    @Override
    public Optional<ObjectNode> find(String commandId) {
        ensureContainer();
        return store.read(container, commandId, commandId).map(stored -> {
            ObjectNode body = stored.body();
            body.remove("id");
            // The store's own fields (Cosmos: _etag, _ts, _rid, ...) are not part of the evidence.
            List<String> system = new ArrayList<>();
            body.fieldNames().forEachRemaining(name -> {
                if (name.startsWith("_")) {
                    system.add(name);
                }
            });
            body.remove(system);
            return body;
        });
    }

    /** On first use, not at start-up: a store outage must not keep the API (and its kill switch) down. */
    private void ensureContainer() {
        if (!created) {
            store.createContainerIfAbsent(ContainerSpec.of(container, "/commandId"));
            created = true;
        }
    }
}
