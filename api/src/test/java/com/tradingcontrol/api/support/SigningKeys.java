package com.tradingcontrol.api.support;

import com.tradingcontrol.schemas.signing.CommandKeys;
import io.dropwizard.testing.ConfigOverride;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One command-signing key for the API tests, in a file: the API signs with it, the processors trust it. */
public final class SigningKeys {
    public static final String KEY_ID = "api-it-1";
    public static final byte[] KEY = CommandKeys.generate();
    private static final Path DIR = write();

    private SigningKeys() {
    }

    /** {@code commands.signing.*} for the API under test. */
    public static ConfigOverride[] apiOverrides() {
        return new ConfigOverride[] {ConfigOverride.config("commands.signing.keyId", KEY_ID),
                ConfigOverride.config("commands.signing.keyFile", keyFile())};
    }

    /** The key file both the API and the processors are given. */
    public static String keyFile() {
        return DIR.resolve("command-signing-key").toString();
    }

    private static Path write() {
        try {
            Path dir = Files.createTempDirectory("command-keys");
            // deleteOnExit deletes in reverse order of registration: the file, then its (then empty) dir
            dir.toFile().deleteOnExit();
            CommandKeys.write(dir.resolve("command-signing-key"), KEY);
            dir.resolve("command-signing-key").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
