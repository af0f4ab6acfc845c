package com.tradingcontrol.projections.store.sqlite;

import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.ProjectionStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The contract against the embedded store in a WAL-mode file (the shape used in production). */
class SqliteProjectionStoreTest extends ProjectionStoreContract {

    private Path dir;

    @Override
    protected ProjectionStore createStore() throws Exception {
        dir = Files.createTempDirectory("sqlite-store");
        return SqliteProjectionStore.open(dir.resolve("projections.db"));
    }

    @Override
    protected Capabilities capabilities() {
        return Capabilities.ALL;
    }

    @Override
    protected void afterStoreClosed() throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
