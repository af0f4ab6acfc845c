package com.tradingcontrol.schemas.config;

import java.util.List;

/**
 * The API's properties keys: its read side (the {@link SharedKeys#STORE} ones) and the processors'
 * application id, whose consumer group {@code /health/ready} checks. The rest of the API (server,
 * auth, commands, engines) is its Dropwizard YAML: see docs/operations.md, "Configuration".
 */
public final class ApiKeys {
    public static final KeySet KEYS = SharedKeys.STORE.and(
            new KeySet(List.of(ProcessorKeys.APPLICATION_ID), List.of()));

    private ApiKeys() {
    }
}
