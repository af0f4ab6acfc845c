package com.tradingcontrol.local;

import com.tradingcontrol.schemas.ContractSchemas;
import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.TopicSpec;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Path;
import org.apache.avro.Schema;

/**
 * A persistent in-process registry with every topic's value subject registered up front, so the
 * child processors can each work on a copy of its journal and still agree on every schema id.
 */
final class SeededRegistry {

    private SeededRegistry() {
    }

    static InProcessSchemaRegistry create(Path dir, int partitions) {
        InProcessSchemaRegistry registry = InProcessSchemaRegistry.persistent(dir);
        for (TopicSpec<?, ?> spec : new Topics(registry, partitions).all()) {
            for (Schema schema : ContractSchemas.current().values()) {
                if (schema.getName().equals(valueRecordOf(spec.name()))) {
                    registry.register(spec.name() + "-value", schema);
                }
            }
        }
        return registry;
    }

    private static String valueRecordOf(String topic) {
        return switch (topic) {
            case "trading.commands", "trading.keyed-commands" -> "CommandEnvelope";
            case "trading.events" -> "EventEnvelope";
            case "trading.command-outcomes" -> "CommandOutcome";
            case "trading.audit" -> "AuditRecord";
            case "trading.control-state" -> "ControlState";
            case "trading.profile-state" -> "ProfileStatus";
            case "trading.config-state" -> "ConfigSetting";
            case "trading.halt-signals" -> "HaltSignal";
            case "trading.engine-reports" -> "EngineReport";
            case "trading.commands.dlq" -> "DeadLetter";
            default -> throw new IllegalArgumentException("no value schema known for topic " + topic
                    + ": add it here, or the child processors and the API disagree on its schema");
        };
    }
}
