package com.tradingcontrol.kafka.embedded;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Kafka from terminating the JVM that hosts the embedded broker.
 *
 * <p>A standalone Kafka server answers fatal faults (e.g. a metadata log it cannot write) with
 * {@code Exit.halt}/{@code Exit.exit}, which is right for a dedicated process but would kill a
 * whole test run or the local launcher together with the API and processors in it. Kafka routes
 * those calls through replaceable procedures precisely so embedders can do this; we log the fault
 * and throw in the faulting thread instead, so the failure surfaces as an exception (and the
 * broker stops answering) rather than as a silently vanished JVM.
 *
 * <p>The procedures are JVM-wide and stay installed once set; that is intended, since any Kafka
 * server code in this JVM is embedded.
 */
final class KafkaExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaExitGuard.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private KafkaExitGuard() {
    }

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
            Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        }
    }

    private static void refuse(String kind, int status, String message) {
        String text = "Kafka requested JVM " + kind + "(" + status + "): " + message
                + " (refused: the embedded broker is failing instead of terminating the JVM)";
        LOG.error(text);
        throw new EmbeddedKafkaException(text);
    }
}
