package com.tradingcontrol.api.engines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Where the propagation of every halt is kept as audit evidence, beyond the API's memory and the
 * topics' retention: written whenever a halt's propagation changes, read when the fold no longer knows
 * the command (docs/engines.md).
 */
public interface PropagationEvidence {
    /** Keeps nothing: the propagation lives only as long as the topics and the API's memory. */
    PropagationEvidence NONE = new PropagationEvidence() {
        @Override
        public void keep(String commandId, ObjectNode propagation) {}

        @Override
        public Optional<ObjectNode> find(String commandId) {
            return Optional.empty();
        }
    };

    /** Replaces what is kept for the command. @throws RuntimeException when it could not be written */
    void keep(String commandId, ObjectNode propagation);

    /**
     * Replaces what is kept for each command, in order; a store with transactions writes them as one. On a
     * failure some may have been written and others not: the caller writes them all again (each write
     * replaces, so a repeat is harmless). @throws RuntimeException when they could not all be written
     */
    default void keepAll(Map<String, ObjectNode> propagations) {
        propagations.forEach(this::keep);
    }

    Optional<ObjectNode> find(String commandId);
}
