package com.tradingcontrol.api.ws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The sequence of messages one {@link StreamKey} sees: gapless sequence numbers, a bounded replay
 * buffer and the attached sinks. Not thread-safe; {@link PushHub} serialises access.
 *
 * <p>A message is rendered to JSON only when a sink is there to receive it (now, or later from the
 * buffer): most streams have nobody attached most of the time, and every control change goes to several
 * streams. The render function must therefore give the same JSON whenever it is called.
 */
final class PushStream {
    private record Entry(long seq, LongFunction<String> render) {
        String json() {
            return render.apply(seq);
        }
    }

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
        Entry entry = new Entry(lastSeq, render);
        buffer.addLast(entry);
        if (buffer.size() > capacity) {
            buffer.removeFirst();
        }
        if (!sinks.isEmpty()) {
            String json = entry.json();
            sinks.forEach(sink -> sink.send(json));
        }
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
