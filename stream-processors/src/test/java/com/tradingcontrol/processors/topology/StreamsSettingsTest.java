package com.tradingcontrol.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.registry.InProcessSchemaRegistry;
import com.tradingcontrol.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The latency invariants the settings must keep whatever commit interval an operator picks. */
class StreamsSettingsTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 10, 100, 500})
    void anIdleThreadWakesUpToCommitWithinHalfTheCommitInterval(long commitMs) {
        Properties p = properties(commitMs);
        long pollMs = Long.parseLong(p.getProperty(StreamsConfig.POLL_MS_CONFIG));
        assertThat(pollMs).isBetween(1L, Math.max(1, commitMs / 2));
    }

    @ParameterizedTest
    @ValueSource(longs = {10, 100, 500})
    void theCommitsFlushNotTheLingerSendsATransactionsOutputs(long commitMs) {
        Properties p = properties(commitMs);
        long linger = Long.parseLong(p.getProperty(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG)));
        assertThat(linger).isGreaterThan(commitMs);
        assertThat(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(Long.parseLong(p.getProperty(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG))).isPositive();
    }

    /**
     * The partition assignor builds its own StreamsConfig from the main consumer's configs; the
     * global-thread exception handler flag must reach it too, or it warns at every start that it is off.
     */
    @Test
    void theAssignorsCopyOfTheConfigHasTheGlobalExceptionHandlerEnabled() {
        StreamsConfig config = new StreamsConfig(properties(100));
        StreamsConfig assignors = new StreamsConfig(config.getMainConsumerConfigs("app", "client", 0));

        assertThat(config.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
        assertThat(assignors.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
    }

    private static Properties properties(long commitMs) {
        return StreamsSettings.properties("localhost:9092", "app", new Topics(InProcessSchemaRegistry.inMemory(), 3),
                Duration.ofMillis(commitMs), Path.of("/tmp/unused"), 1);
    }
}
