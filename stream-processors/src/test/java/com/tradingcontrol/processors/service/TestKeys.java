package com.tradingcontrol.processors.service;

import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The API key of the service tests (shared through the test-jar): commands are signed with it, processors trust it. */
public final class TestKeys {
    public static final String KEY_ID = "it-api-1";
    private static final byte[] KEY = CommandKeys.generate();
    public static final CommandSigner SIGNER = new CommandSigner(KEY_ID, KEY);
    private static Path keyFilePath;

    private TestKeys() {
    }

    /** {@code processor.commandKeys.<id>}; its value is {@link #keyFile()}. */
    public static synchronized String property() {
        return ProcessorConfig.COMMAND_KEYS_PREFIX + KEY_ID;
    }

    public static synchronized String keyFile() {
        try {
            if (keyFilePath == null) {
                keyFilePath = Files.createTempFile("command-key", ".key");
                keyFilePath.toFile().deleteOnExit();
                CommandKeys.write(keyFilePath, KEY);
            }
            return keyFilePath.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
