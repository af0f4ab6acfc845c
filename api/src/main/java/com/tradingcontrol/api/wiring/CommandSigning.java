package com.tradingcontrol.api.wiring;

import com.tradingcontrol.api.CommandSigningConfig;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import java.io.IOException;
import java.nio.file.Path;

/** Loads the API's command-signing key from {@code commands.signing}; every problem names the key. */
final class CommandSigning {
    private CommandSigning() {
    }

    static CommandSigner signer(CommandSigningConfig config) {
        if (config == null) {
            throw new IllegalStateException("commands.signing is required for the command side: keyId and "
                    + "keyFile (the " + CommandKeys.ALGORITHM + " key, base64) — the processors reject commands not "
                    + "signed by a key they trust");
        }
        Path file = Path.of(config.getKeyFile());
        try {
            return new CommandSigner(config.getKeyId(), CommandKeys.read(file));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("commands.signing.keyFile (key id " + config.getKeyId()
                    + "): cannot load " + file + ": " + e.getMessage(), e);
        }
    }
}
