package com.tradingcontrol.client;

/** A {@link ControlClientConfig} setting is missing or invalid; {@link #key()} names it. */
public class ControlClientConfigException extends IllegalArgumentException {

    private final String key;

    /** @param key the setting, e.g. {@code lease} or {@code bootstrapServers} */
    public ControlClientConfigException(String key, String problem) {
        super("control client setting '" + key + "': " + problem);
        this.key = key;
    }

    /** The name of the offending setting. */
    public String key() {
        return key;
    }
}
