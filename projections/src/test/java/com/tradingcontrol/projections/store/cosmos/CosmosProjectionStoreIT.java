package com.tradingcontrol.projections.store.cosmos;

import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.ProjectionStoreContract;
import org.junit.jupiter.api.Timeout;

/**
 * The contract against the Cosmos adapter talking to {@code @vercel/cosmosdb-server} (gateway mode,
 * plain HTTP). That server cannot enforce TTL or update container properties, so those tests are
 * left to {@link CosmosAccountProjectionStoreIT}.
 */
@Timeout(120) // seconds, per test method; the class of 31 took ~22 s against the emulator
class CosmosProjectionStoreIT extends ProjectionStoreContract {

    private CosmosDbTestServer server;

    @Override
    protected ProjectionStore createStore() throws Exception {
        server = CosmosDbTestServer.start();
        return new CosmosProjectionStore(CosmosStoreConfig.emulator(server.endpoint(), CosmosDbTestServer.EMULATOR_KEY, "contract"));
    }

    @Override
    protected Capabilities capabilities() {
        return new Capabilities(false, false);
    }

    @Override
    protected void afterStoreClosed() throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
