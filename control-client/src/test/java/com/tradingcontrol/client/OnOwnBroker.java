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

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }
}
