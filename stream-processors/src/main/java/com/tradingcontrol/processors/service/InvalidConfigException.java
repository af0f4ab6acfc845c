package com.tradingcontrol.processors.service;

/** A configuration value is missing or out of range; the message names the key. */
public class InvalidConfigException extends IllegalArgumentException {
    public InvalidConfigException(String key, String problem) {
        super("invalid configuration '" + key + "': " + problem);
    }
}
