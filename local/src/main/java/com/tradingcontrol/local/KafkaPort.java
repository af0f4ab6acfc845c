package com.tradingcontrol.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The launcher's Kafka port. It is stable by default ({@value #DEFAULT}, Kafka's customary port) so
 * engines can keep one bootstrap address across restarts; tests pass 0 for any free port.
 */
final class KafkaPort {
    static final int DEFAULT = 9092;

    private KafkaPort() {
    }

    /**
     * Fails with advice when a fixed port is taken. Without this check the broker's own start fails
     * deep inside Kafka with a bind error that does not name the option to change.
     */
    static void requireFree(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            // bound and released: the port was free a moment ago
        } catch (IOException e) {
            throw new IllegalStateException("Kafka port " + port + " on 127.0.0.1 is in use (another broker or tcp-local?);"
                    + " pass --kafka-port N for another port, or --kafka-port 0 for any free one", e);
        }
    }
}
