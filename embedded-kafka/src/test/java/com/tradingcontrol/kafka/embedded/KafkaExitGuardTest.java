package com.tradingcontrol.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.Test;

class KafkaExitGuardTest {

    @Test
    void kafkaHaltAndExitThrowInsteadOfEndingTheJvm() {
        EmbeddedKafkaBroker.builder().build().close();

        // Without the guard these calls would end this test JVM, and the build would fail without a report.
        assertThatThrownBy(() -> Exit.halt(3, "metadata log write failed"))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("halt(3)").hasMessageContaining("metadata log write failed");
        assertThatThrownBy(() -> Exit.exit(1, "fatal controller fault"))
                .isInstanceOf(EmbeddedKafkaException.class)
                .hasMessageContaining("exit(1)").hasMessageContaining("fatal controller fault");
    }
}
