package com.tradingcontrol.schemas.config;

/** A configuration value is missing, malformed, out of range or no longer read; the message names the key. */
public class InvalidSettingException extends IllegalArgumentException {
    private final String key;

    public InvalidSettingException(String key, String problem) {
        super("invalid configuration '" + key + "': " + problem);
        this.key = key;
    }

    /** The key (or environment variable) at fault, as the operator wrote it. */
    public String key() {
        return key;
    }
}
