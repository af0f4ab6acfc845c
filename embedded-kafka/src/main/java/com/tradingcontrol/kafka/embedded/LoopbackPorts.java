package com.tradingcontrol.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds currently free TCP ports on the loopback interface. */
final class LoopbackPorts {

    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /**
     * Returns a port that was free a moment ago. The controller's port must be known before the
     * server starts (it is part of {@code controller.quorum.voters}), so Kafka cannot bind port 0
     * for us; the small race with other processes is handled by the caller retrying.
     */
    static int pickFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
