package com.tradingcontrol.api.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Drops exactly the library warnings that are false for this platform, matched by logger and message
 * text, so every other warning of the same loggers still shows. Each entry says why it is false.
 * Installed by the launcher's {@code logback.xml} and again by the API once Dropwizard has reset
 * logging ({@link #install()}).
 */
public final class KnownFalseWarnings extends TurboFilter {
    /**
     * Kafka's loggers prefix their context ({@code [Consumer clientId=...] }), hence a pattern found
     * anywhere in the formatted message ({@code \S+} stands for an argument).
     */
    private record Known(String logger, Pattern message) {
        Known(String logger, String regex) {
            this(logger, Pattern.compile(regex));
        }
    }

    private static final List<Known> KNOWN = List.of(
            // Kafka's consumer warns for every partition when endOffsets() is asked about partitions it
            // has not assigned (read_committed), which the API, projector readiness and Kafka Streams'
            // global consumer do by design; the answer is correct, only the bookkeeping is skipped.
            new Known("org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils",
                    "Not updating last stable offset for partition \\S+ as it is no longer assigned"),
            new Known("org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils",
                    "Not updating high watermark for partition \\S+ as it is no longer assigned"),
            // The KRaft controller logs its normal activation (every start, and the bootstrap of a fresh
            // metadata log) at WARN.
            new Known("org.apache.kafka.controller.QuorumController", "Performing controller activation\\."),
            // On a fresh cluster the first transactional producers race to auto-create Kafka's internal
            // topics; the losers are told it exists, which is the outcome they asked for.
            new Known("kafka.server.DefaultAutoTopicCreationManager",
                    "Auto topic creation failed for __(transaction_state|consumer_offsets) with error 'TOPIC_ALREADY_EXISTS'"),
            // The embedded broker's controller channel is closed twice on an orderly shutdown.
            new Known("org.apache.kafka.clients.NetworkClient",
                    "Attempting to close NetworkClient that has already been closed\\."));

    /** Adds the filter to the running logging context unless it is there already. */
    public static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(KnownFalseWarnings.class::isInstance)) {
            KnownFalseWarnings filter = new KnownFalseWarnings();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (level != Level.WARN || format == null) {
            return FilterReply.NEUTRAL;
        }
        for (Known known : KNOWN) {
            if (known.logger().equals(logger.getName()) && known.message().matcher(message(format, params)).find()) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** Kafka's Java loggers format before logging, its Scala ones interpolate; others pass arguments. */
    private static String message(String format, Object[] params) {
        return params == null || params.length == 0 ? format : MessageFormatter.arrayFormat(format, params).getMessage();
    }
}
