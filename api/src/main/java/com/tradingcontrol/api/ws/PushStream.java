package com.tradingcontrol.api.ws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The sequence of messages one {@link StreamKey} sees: gapless sequence numbers, a bounded replay
 * buffer and the attached sinks. Not thread-safe; {@link PushHub} serialises access.
 */
final class PushStream {
    private record Entry(long seq, String json) {}

    private final int capacity;
    private final Deque<Entry> buffer = new ArrayDeque<>();
    private final Set<PushSink> sinks = new LinkedHashSet<>();
    private long lastSeq;

    PushStream(int capacity) {
        this.capacity = capacity;
    }

    long lastSeq() {
        return lastSeq;
    }

    void append(LongFunction<String> render) {
        lastSeq++;
        String json = render.apply(lastSeq);
        buffer.addLast(new Entry(lastSeq, json));
        if (buffer.size() > capacity) {
            buffer.removeFirst();
        }
        sinks.forEach(sink -> sink.send(json));
    }

    /** True when every message after {@code afterSeq} is still buffered, so a resume can be served. */
    boolean canReplayAfter(long afterSeq) {
        if (afterSeq > lastSeq || afterSeq < 0) {
            return false;
        }
        return afterSeq == lastSeq || (!buffer.isEmpty() && buffer.peekFirst().seq() <= afterSeq + 1);
    }

    void replayAfter(long afterSeq, PushSink sink) {
        buffer.stream().filter(entry -> entry.seq() > afterSeq).forEach(entry -> sink.send(entry.json()));
    }

    void attach(PushSink sink) {
        sinks.add(sink);
    }

    void detach(PushSink sink) {
        sinks.remove(sink);
    }
}
