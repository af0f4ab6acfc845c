package com.tradingcontrol.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A start that fails or times out reports it and leaves no listener behind. */
@Timeout(60) // seconds, per test method; <1 s observed
class EmbeddedKafkaStartupFailureIT {

    @Test
    void aTakenFixedPortFailsTheStartAndStopsTheControllerAgain() throws Exception {
        int controllerPort = LoopbackPorts.pickFree();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                     .port(taken.getLocalPort()).controllerPort(controllerPort).build()) {

            assertThatThrownBy(broker::start).isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining("failed to start");
            assertThat(broker.isRunning()).isFalse();
            assertRefused(controllerPort);
        }
    }

    @Test
    void aStartExceedingItsTimeoutFailsAndLeavesNothingListening() throws Exception {
        int port = LoopbackPorts.pickFree();
        int controllerPort = LoopbackPorts.pickFree();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(port).controllerPort(controllerPort)
                .startupTimeout(Duration.ofMillis(1)).build()) {

            assertThatThrownBy(broker::start).isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageContaining("did not start within PT0.001S");
            assertThat(broker.isRunning()).isFalse();
            assertRefused(port);
            assertRefused(controllerPort);
        }
    }

    private static void assertRefused(int port) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .as("nothing listens on port %d", port).isInstanceOf(ConnectException.class);
    }
}
