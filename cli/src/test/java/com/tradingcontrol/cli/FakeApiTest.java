package com.tradingcontrol.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the CLI tests: one fake API per class, cleared before each test, and a temp dir. */
abstract class FakeApiTest {
    static FakeApi api;

    @TempDir
    Path dir;

    @BeforeAll
    static void startFakeApi() throws Exception {
        api = new FakeApi();
    }

    @AfterAll
    static void stopFakeApi() {
        api.close();
    }

    @BeforeEach
    void resetFakeApi() {
        api.reset();
    }
}
