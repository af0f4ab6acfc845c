package com.tradingcontrol.api.support;

import com.tradingcontrol.processors.service.ProcessorConfig;
import com.tradingcontrol.schemas.signing.CommandKeys;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/** One command-signing key pair for the API tests, as PEM files: the API signs, the processors trust. */
public final class SigningKeys {
    public static final String KEY_ID = "api-it-1";
    public static final KeyPair PAIR = CommandKeys.generate();
    private static final Path DIR = write();

    private SigningKeys() {
    }

    /** {@code commands.signing.*} for the API under test. */
    public static ConfigOverride[] apiOverrides() {
        return new ConfigOverride[] {ConfigOverride.config("commands.signing.keyId", KEY_ID),
                ConfigOverride.config("commands.signing.privateKeyFile", DIR.resolve("api.pem").toString())};
    }

    /** The {@code processor.commandKeys.<id>} key. */
    public static String processorKey() {
        return ProcessorConfig.COMMAND_KEYS_PREFIX + KEY_ID;
    }

    public static String publicKeyFile() {
        return DIR.resolve("api.pub.pem").toString();
    }

    private static Path write() {
        try {
            Path dir = Files.createTempDirectory("command-keys");
            Files.writeString(dir.resolve("api.pem"), CommandKeys.pem(PAIR.getPrivate()));
            Files.writeString(dir.resolve("api.pub.pem"), CommandKeys.pem(PAIR.getPublic()));
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
