package com.tradingcontrol.api.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The index's closed chunks, holding their events in memory up to a heap budget. Over budget the
 * oldest chunks drop their events first: recent history is what is asked about most, and a chunk
 * without events is still served, by re-reading it from Kafka. Not thread-safe: the index guards it.
 */
final class ClosedChunks {

    private final List<Chunk> chunks = new ArrayList<>();
    private final long maxEventBytes;
    private long eventBytes;
    private int firstInMemory;

    ClosedChunks(long maxEventBytes) {
        if (maxEventBytes < 0) {
            throw new IllegalArgumentException("maxEventBytes must be >= 0: " + maxEventBytes);
        }
        this.maxEventBytes = maxEventBytes;
    }

    void add(Chunk chunk) {
        chunks.add(chunk);
        if (chunk.inMemory()) {
            eventBytes += chunk.events().heapBytes();
        }
        while (eventBytes > maxEventBytes && firstInMemory < chunks.size()) {
            Chunk oldest = chunks.get(firstInMemory);
            if (oldest.inMemory()) {
                eventBytes -= oldest.events().heapBytes();
                chunks.set(firstInMemory, oldest.withoutEvents());
            }
            firstInMemory++;
        }
    }

    /** A copy of the list; the chunks themselves are immutable. */
    List<Chunk> copy() {
        return new ArrayList<>(chunks);
    }

    /** Heap held by the events still in memory (at most the budget). */
    long eventBytes() {
        return eventBytes;
    }
}
