package com.tradingcontrol.processors.service;

import com.tradingcontrol.schemas.config.InvalidSettingException;

/** A configuration value is missing or out of range; the message names the key. */
public class InvalidConfigException extends InvalidSettingException {
    public InvalidConfigException(String key, String problem) {
        super(key, problem);
    }
}
