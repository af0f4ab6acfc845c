package com.tradingcontrol.processors.service;

import com.tradingcontrol.schemas.config.ProcessorKeys;
import com.tradingcontrol.schemas.config.Settings;
import com.tradingcontrol.schemas.signing.CommandKeys;
import com.tradingcontrol.schemas.signing.CommandVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keys whose command signatures the processors trust, from keys
 * {@code processor.commandKeys.<keyId>=<key file>} (the API's HMAC-SHA256 keys, base64). Several ids at once allow rotating the API's key
 * without downtime. Every key is loaded at start; a missing or unreadable one fails the start with
 * its configuration key named.
 */
final class CommandKeysConfig {
    static final String PREFIX = ProcessorKeys.COMMAND_KEYS_PREFIX;
    private static final String KEY_ID = "[A-Za-z0-9._-]{1,64}";

    private CommandKeysConfig() {
    }

    static Map<String, Path> files(Settings settings) {
        Map<String, Path> files = new TreeMap<>();
        settings.withPrefix(PREFIX).forEach((keyId, value) -> {
            if (!keyId.matches(KEY_ID)) {
                throw new InvalidConfigException(PREFIX + keyId, "a key id is 1-64 letters, digits, '.', '_' or '-'");
            }
            files.put(keyId, Path.of(value));
        });
        return files;
    }

    /** Loads every file; names the configuration key of the first that fails. */
    static CommandVerifier verifier(Map<String, Path> files) {
        if (files.isEmpty()) {
            throw new InvalidConfigException(PREFIX + "<keyId>", "at least one trusted command signing key (a file "
                    + "with the API's " + CommandKeys.ALGORITHM + " key) is required; commands are verified against it");
        }
        Map<String, byte[]> keys = new TreeMap<>();
        files.forEach((keyId, file) -> {
            try {
                keys.put(keyId, CommandKeys.read(file));
            } catch (IOException e) {
                throw new InvalidConfigException(PREFIX + keyId, "cannot load " + file + ": " + e.getMessage());
            }
        });
        return new CommandVerifier(keys);
    }
}
