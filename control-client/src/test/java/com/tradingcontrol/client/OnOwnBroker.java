package com.tradingcontrol.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the client's integration tests: each test class gets a broker of its own with the state
 * topics (the topic names are the contract, so classes cannot share a broker without sharing state).
 */
public abstract class OnOwnBroker {

    protected static StatePlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = StatePlatform.start();
    }

    /** Starts a client and waits (up to {@link StatePlatform#WAIT}) until it is ready. */
    protected static ControlClient ready(ControlClientConfig.Builder config) throws Exception {
        ControlClient client = ControlClient.start(config.build());
        if (!client.awaitReady(StatePlatform.WAIT)) {
            client.close();
            throw new AssertionError("client not ready within " + StatePlatform.WAIT);
        }
        return client;
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }
}
