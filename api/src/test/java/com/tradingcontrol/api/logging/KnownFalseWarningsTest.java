package com.tradingcontrol.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.common.utils.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Exactly the listed warnings are dropped, as Kafka logs them (with its context prefix); nothing else is. */
class KnownFalseWarningsTest {
    private static final String OFFSETS = "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils";
    private static final String CONTROLLER = "org.apache.kafka.controller.QuorumController";
    private static final String TOPICS = "kafka.server.DefaultAutoTopicCreationManager";
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

    @BeforeEach
    void listen() {
        KnownFalseWarnings.install();
        seen.setContext(context);
        seen.start();
        for (String name : new String[] {OFFSETS, CONTROLLER, TOPICS}) {
            context.getLogger(name).addAppender(seen);
        }
    }

    @AfterEach
    void stopListening() {
        for (String name : new String[] {OFFSETS, CONTROLLER, TOPICS}) {
            context.getLogger(name).detachAppender(seen);
        }
    }

    @Test
    void theKnownFalseWarningsAreDroppedWithKafkasContextPrefix() {
        org.slf4j.Logger offsets = new LogContext("[Consumer clientId=c-1, groupId=null] ").logger(OFFSETS);
        offsets.warn("Not updating last stable offset for partition {} as it is no longer assigned", "t-0");
        new LogContext("[QuorumController id=1] ").logger(CONTROLLER)
                .warn("Performing controller activation. The metadata log appears to be empty.");
        LoggerFactory.getLogger(TOPICS).warn("Auto topic creation failed for {} with error '{}': {}",
                "__transaction_state", "TOPIC_ALREADY_EXISTS", "Topic '__transaction_state' already exists.");

        assertThat(seen.list).isEmpty();
    }

    @Test
    void otherWarningsOfTheSameLoggersStillShow() {
        org.slf4j.Logger offsets = new LogContext("[Consumer clientId=c-1, groupId=null] ").logger(OFFSETS);
        offsets.warn("Received unknown topic or partition error in ListOffset request for partition {}", "t-0");
        ((Logger) LoggerFactory.getLogger(CONTROLLER)).warn("Renouncing the leadership due to a metadata log event.");
        LoggerFactory.getLogger(TOPICS).warn("Auto topic creation failed for {} with error '{}': {}",
                "trading.events", "TOPIC_ALREADY_EXISTS", "Topic 'trading.events' already exists.");

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "[Consumer clientId=c-1, groupId=null] Received unknown topic or partition error in ListOffset request"
                        + " for partition t-0",
                "Renouncing the leadership due to a metadata log event.",
                "Auto topic creation failed for trading.events with error 'TOPIC_ALREADY_EXISTS': Topic 'trading.events'"
                        + " already exists.");
    }

    @Test
    void installingTwiceAddsOneFilter() {
        KnownFalseWarnings.install();

        assertThat(context.getTurboFilterList()).filteredOn(KnownFalseWarnings.class::isInstance).hasSize(1);
    }
}
