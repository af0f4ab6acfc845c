package com.tradingcontrol.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerBuilderTest {

    @Test
    void rejectsPortsOutsideTheTcpRangeNamingTheSetting() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().port(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("port must be");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().controllerPort(65_536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("controllerPort must be");
    }

    @Test
    void rejectsTheSameFixedPortForBrokerAndController() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().port(19092).controllerPort(19092).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port and controllerPort must differ");
    }

    @Test
    void rejectsPropertiesThatDefineTheNodeItself() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().property("listeners", "PLAINTEXT://:9092"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'listeners'");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().property("log.dirs", "/var/kafka"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'log.dirs'");
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().property("num.partitions", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'num.partitions'");
    }

    @Test
    void rejectsANonPositiveStartupTimeout() {
        assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().startupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("startupTimeout must be positive");
    }

    @Test
    void anUnstartedBrokerHasNoAddressAndAClosedOneCannotStart() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build();

        assertThat(broker.isRunning()).isFalse();
        assertThatThrownBy(broker::bootstrapServers).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not been started");
        broker.close();
        assertThat(broker.isClosed()).isTrue();
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
