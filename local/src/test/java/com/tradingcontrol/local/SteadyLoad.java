package com.tradingcontrol.local;

import com.tradingcontrol.processors.service.CommandLoad;
import com.tradingcontrol.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The processors' mixed command load (direct to trading.commands, acks=all, idempotent producer),
 * in batches of {@value #BATCH} commands paced at about {@value #PER_SECOND} a second until stopped
 * or {@value #MAX_BATCHES} batches were sent, so the load is bounded and spans every fault step.
 */
final class SteadyLoad implements AutoCloseable {

    private static final int BATCH = 50;
    private static final int PER_SECOND = 25;
    private static final int MAX_BATCHES = 120;

    private final String bootstrap;
    private final Topics topics;
    private final List<CommandLoad> batches = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Throwable failure;

    private SteadyLoad(String bootstrap, Topics topics) {
        this.bootstrap = bootstrap;
        this.topics = topics;
        this.thread = new Thread(this::run, "steady-load");
    }

    static SteadyLoad start(String bootstrap, Topics topics) {
        SteadyLoad load = new SteadyLoad(bootstrap, topics);
        load.thread.start();
        return load;
    }

    private void run() {
        try {
            for (int i = 0; i < MAX_BATCHES && !stopping; i++) {
                CommandLoad batch = new CommandLoad(bootstrap, topics.commands().name(),
                        topics.commands().valueSerde().serializer(), "b" + i + "-");
                synchronized (batches) {
                    batches.add(batch);
                }
                // CommandLoad pauses after every 50 commands: this is the pacing, not a wait for a condition.
                batch.run(1, BATCH, 1000 * BATCH / PER_SECOND);
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** Commands handed to the producer so far. */
    int sent() {
        synchronized (batches) {
            return batches.stream().mapToInt(b -> b.sent.get()).sum();
        }
    }

    void awaitSent(int count, Duration timeout) throws Exception {
        Deadline.await(count + " commands sent", timeout, () -> {
            if (failure != null) {
                throw new AssertionError("the load failed", failure);
            }
            if (!thread.isAlive()) {
                throw new AssertionError("the load ended after " + sent() + " commands, before " + count);
            }
            return sent() >= count;
        });
    }

    /** Stops after the current batch; returns every command id with how often it was submitted. */
    Map<String, Integer> stop() throws InterruptedException {
        stopping = true;
        thread.join();
        if (failure != null) {
            throw new AssertionError("the load failed", failure);
        }
        Map<String, Integer> submissions = new HashMap<>();
        synchronized (batches) {
            batches.forEach(b -> submissions.putAll(b.submissions));
        }
        return submissions;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
