package com.tradingcontrol.processors.topology;

import com.tradingcontrol.schemas.avro.CommandEnvelope;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decide step's check: a command counts only when the API signed it with a trusted key (and a keyed
 * command only with the idempotency gate's sealed verdict). Every
 * refused command is logged (without its content: it is attacker-controlled) and counted on the
 * Kafka Streams metric {@code unauthenticated-commands-total} / {@code -rate} (group
 * {@code stream-tradingcontrol-metrics}, tag {@code task-id}), beside the DLQ's error handlers.
 */
final class CommandAuthentication {
    static final String METRIC_SCOPE = "tradingcontrol";
    static final String METRIC_OPERATION = "unauthenticated-commands";
    private static final Logger LOG = LoggerFactory.getLogger(CommandAuthentication.class);

    private final CommandVerifier verifier;
    private final Sensor refused;

    CommandAuthentication(CommandVerifier verifier, ProcessorContext<?, ?> context) {
        this.verifier = verifier;
        String task = context.taskId().toString();
        this.refused = context.metrics().addRateTotalSensor(METRIC_SCOPE, "task-" + task, METRIC_OPERATION,
                Sensor.RecordingLevel.INFO, "task-id", task);
    }

    /**
     * Null when the command is authentic: signed by a trusted key and, when it carries an Idempotency-Key,
     * with the gate's sealed verdict ({@link GateVerdicts}). Else why not (then logged and counted).
     */
    String refusal(CommandEnvelope command, Headers headers, String recordKey, String position) {
        CommandVerifier.Result result = verifier.verify(command);
        String why = null;
        if (result != CommandVerifier.Result.VALID) {
            why = result.description();
        } else if (command.getIdempotency() != null && !GateVerdicts.read(verifier, command, headers).valid()) {
            why = Refusals.UNGATED;
        }
        if (why != null) {
            refused.record();
            LOG.warn("Rejected an unauthenticated command ({}): claimed id {}, key {}, at {}", why,
                    printable(command.getCommandId()), printable(recordKey), position);
        }
        return why;
    }

    /** Attacker-controlled text, cut and without control characters (no forged log lines). */
    private static String printable(CharSequence text) {
        if (text == null) {
            return "null";
        }
        String cut = text.length() > 200 ? text.subSequence(0, 200) + "..." : text.toString();
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
