package com.tradingcontrol.projections.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the {@code _position} of every successful write per document and notes each write whose
 * position is not strictly above the previous successful one (a regression or a duplicate).
 */
public final class RecordingStore extends ForwardingStore {

    private final Map<String, Long> lastPosition = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong writes = new AtomicLong();

    public RecordingStore(ProjectionStore delegate) {
        super(delegate);
    }

    @Override
    public synchronized StoredDocument upsert(String container, String partitionKey, ObjectNode doc, WriteCondition condition) {
        StoredDocument written = delegate.upsert(container, partitionKey, doc, condition);
        if (doc.has("_position")) {
            long position = doc.get("_position").asLong();
            String key = container + "/" + partitionKey + "/" + doc.get("id").asText();
            Long previous = lastPosition.put(key, position);
            if (previous != null && position <= previous) {
                violations.add(key + ": position " + position + " written after " + previous);
            }
            writes.incrementAndGet();
        }
        return written;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public long writes() {
        return writes.get();
    }
}
