package com.tradingcontrol.projections.store.cosmos;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.ThrottlingRetryOptions;

/** Builds the SDK client from {@link CosmosStoreConfig}. */
final class CosmosClients {

    private CosmosClients() {
    }

    static CosmosClient build(CosmosStoreConfig config) {
        applyEmulatorSwitches(config);
        ThrottlingRetryOptions throttling = new ThrottlingRetryOptions()
                .setMaxRetryAttemptsOnThrottledRequests(config.maxThrottlingRetries())
                .setMaxRetryWaitTime(config.maxThrottlingWait());
        CosmosClientBuilder builder = new CosmosClientBuilder()
                .endpoint(config.endpoint())
                .key(config.key())
                .consistencyLevel(ConsistencyLevel.valueOf(config.consistency().name()))
                .endpointDiscoveryEnabled(config.endpointDiscovery())
                .throttlingRetryOptions(throttling)
                .contentResponseOnWriteEnabled(false);
        if (config.connectionMode() == CosmosStoreConfig.ConnectionMode.GATEWAY) {
            builder.gatewayMode();
        } else {
            builder.directMode();
        }
        return builder.buildClient();
    }

    /**
     * The SDK reads these two switches only from JVM system properties (no builder option exists),
     * so they are process-wide: only ever enable them for emulators.
     */
    private static void applyEmulatorSwitches(CosmosStoreConfig config) {
        if (config.httpWithoutTls()) {
            System.setProperty("COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED", "true");
        }
        if (config.disableCertificateValidation()) {
            System.setProperty("COSMOS.EMULATOR_SERVER_CERTIFICATE_VALIDATION_DISABLED", "true");
        }
    }
}
