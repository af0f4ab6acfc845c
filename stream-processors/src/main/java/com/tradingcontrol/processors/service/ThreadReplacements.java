package com.tradingcontrol.processors.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do with a stream thread that died: replace it (its task restarts from the last committed
 * transaction), but only {@code max} times within {@code window}. A processor whose threads keep
 * dying used to be replaced forever while looking healthy; past the budget the client shuts down,
 * the instance goes to ERROR and its main exits non-zero, so an orchestrator restarts it visibly.
 */
final class ThreadReplacements implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacements.class);

    static final int DEFAULT_MAX = 3;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    ThreadReplacements(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable error) {
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= max) {
            LOG.error("Stream thread failed after {} replacements within {}; shutting the processor down", max, window,
                    error);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        LOG.error("Stream thread failed; replacing it ({} of {} within {})", recent.size(), max, window, error);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
