package com.tradingcontrol.projections.store.cosmos;

import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.ProjectionStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The full contract, TTL enforcement and container property updates included, against a real
 * Cosmos DB account or the Cosmos DB emulator. Runs only when COSMOS_ENDPOINT and COSMOS_KEY are
 * set; COSMOS_EMULATOR=true switches to gateway mode without endpoint discovery (and accepts the
 * emulator's self-signed certificate). Each run uses a throw-away database.
 */
@Tag("cosmos-account")
@EnabledIfEnvironmentVariable(named = "COSMOS_ENDPOINT", matches = ".+")
@EnabledIfEnvironmentVariable(named = "COSMOS_KEY", matches = ".+")
@Timeout(120) // seconds, per test method; the class of 31 took ~22 s against the emulator
class CosmosAccountProjectionStoreIT extends ProjectionStoreContract {

    @Override
    protected ProjectionStore createStore() {
        String endpoint = System.getenv("COSMOS_ENDPOINT");
        String key = System.getenv("COSMOS_KEY");
        String database = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        return new CosmosProjectionStore("true".equalsIgnoreCase(System.getenv("COSMOS_EMULATOR"))
                ? CosmosStoreConfig.emulator(endpoint, key, database)
                : CosmosStoreConfig.account(endpoint, key, database));
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.ALL;
    }
}
