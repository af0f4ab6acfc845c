package com.tradingcontrol.local;

import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Path;

/**
 * A persistent in-process registry with every topic's value subject registered up front, so the
 * child processors can each work on a copy of its journal and still agree on every schema id.
 */
final class SeededRegistry {

    private SeededRegistry() {
    }

    static InProcessSchemaRegistry create(Path dir, int partitions) {
        InProcessSchemaRegistry registry = InProcessSchemaRegistry.persistent(dir);
        new Topics(registry, partitions).valueSchemas()
                .forEach((topic, schema) -> registry.register(topic + "-value", schema));
        return registry;
    }
}
