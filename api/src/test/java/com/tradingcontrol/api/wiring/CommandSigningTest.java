package com.tradingcontrol.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.api.CommandSigningConfig;
import com.tradingcontrol.schemas.signing.CommandKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API refuses to start without a usable command-signing key, and says which setting is wrong. */
class CommandSigningTest {

    @Test
    void aMissingSigningSectionIsNamed() {
        assertThatThrownBy(() -> CommandSigning.signer(null))
                .hasMessageStartingWith("commands.signing is required for the command side");
    }

    @Test
    void anUnreadableOrWrongKeyFileIsNamedWithItsKeyId(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> CommandSigning.signer(config("api-2", dir.resolve("absent.key"))))
                .hasMessageStartingWith("commands.signing.keyFile (key id api-2): cannot load "
                        + dir.resolve("absent.key"));
        Path shortKey = Files.writeString(dir.resolve("short.key"), "c2VjcmV0\n");
        assertThatThrownBy(() -> CommandSigning.signer(config("api-2", shortKey)))
                .hasMessageContaining("commands.signing.keyFile").hasMessageContaining("at least 32 random bytes")
                .hasMessageNotContaining("c2VjcmV0");
    }

    @Test
    void aGoodKeySignsUnderItsId(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("api.key");
        CommandKeys.write(key, CommandKeys.generate());
        assertThat(CommandSigning.signer(config("api-3", key)).keyId()).isEqualTo("api-3");
    }

    private static CommandSigningConfig config(String keyId, Path file) {
        CommandSigningConfig config = new CommandSigningConfig();
        config.setKeyId(keyId);
        config.setKeyFile(file.toString());
        return config;
    }
}
