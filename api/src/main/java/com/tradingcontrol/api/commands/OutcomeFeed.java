package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.ports.Outcome;
import com.tradingcontrol.schemas.avro.CommandOutcome;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the API's live follower of {@code trading.command-outcomes} reads, decoded once and handed to every
 * listener in the order they were added: the command gateway's first, then the engine fold's. One consumer
 * instead of one per reader: at 10,000 commands/s a second live consumer of the topic cost the broker a second
 * stream of fetches and the API a second decoding of every outcome. A listener that throws stops the others
 * for that record, which the follower counts as skipped (so answers that may depend on it say so).
 */
public final class OutcomeFeed implements BiConsumer<String, CommandOutcome> {
    private final List<Consumer<Outcome>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener, which hears what the follower reads from then on. */
    public OutcomeFeed listen(Consumer<Outcome> listener) {
        listeners.add(listener);
        return this;
    }

    @Override
    public void accept(String key, CommandOutcome value) {
        Outcome outcome = Outcomes.fromAvro(value);
        for (Consumer<Outcome> listener : listeners) {
            listener.accept(outcome);
        }
    }
}
