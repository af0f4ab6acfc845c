package com.tradingcontrol.client;

/**
 * A config key was asked for that neither the catalogue nor the platform knows
 * ({@link Problem#UNKNOWN_KEY}), or with a getter of another type ({@link Problem#TYPE_MISMATCH}).
 */
public class ConfigKeyException extends IllegalArgumentException {

    /** What is wrong with the request. */
    public enum Problem {
        /** Neither the catalogue nor the platform knows the key. */
        UNKNOWN_KEY,
        /** The key holds a value of another type than the getter asked for. */
        TYPE_MISMATCH
    }

    private final String key;
    private final Problem problem;

    /** @param message names the key and what was expected */
    public ConfigKeyException(String key, Problem problem, String message) {
        super(message);
        this.key = key;
        this.problem = problem;
    }

    /** The key asked for. */
    public String key() {
        return key;
    }

    /** Unknown key or type mismatch. */
    public Problem problem() {
        return problem;
    }
}
