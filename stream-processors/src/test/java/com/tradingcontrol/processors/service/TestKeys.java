package com.tradingcontrol.processors.service;

import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/** The API key of the service tests: commands are signed with it, processors trust its public half. */
final class TestKeys {
    static final String KEY_ID = "it-api-1";
    private static final KeyPair PAIR = CommandKeys.generate();
    static final CommandSigner SIGNER = new CommandSigner(KEY_ID, PAIR.getPrivate());
    private static Path publicFile;

    private TestKeys() {
    }

    /** {@code processor.commandKeys.<id>} = a temp file holding the public key. */
    static synchronized String property() {
        return ProcessorConfig.COMMAND_KEYS_PREFIX + KEY_ID;
    }

    static synchronized String publicKeyFile() {
        try {
            if (publicFile == null) {
                publicFile = Files.createTempFile("command-key", ".pub.pem");
                publicFile.toFile().deleteOnExit();
                Files.writeString(publicFile, CommandKeys.pem(PAIR.getPublic()));
            }
            return publicFile.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
