package com.tradingcontrol.projections.store.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.tradingcontrol.projections.store.ConflictException;
import com.tradingcontrol.projections.store.Filter;
import com.tradingcontrol.projections.store.NotFoundException;
import com.tradingcontrol.projections.store.OrderBy;
import com.tradingcontrol.projections.store.PreconditionFailedException;
import com.tradingcontrol.projections.store.ProjectionStoreException;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.StoreUnavailableException;
import com.tradingcontrol.projections.store.ThrottledException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Config validation, query translation and error mapping of the Cosmos adapter, without a server. */
class CosmosAdapterPiecesTest {

    @Test
    void queriesAreParameterisedAndUseBracketPaths() {
        SqlQuerySpec spec = CosmosQueryBuilder.build(Query.inPartition("p1")
                .where(Filter.eq("scope.value", "BTC'; DROP"))
                .where(Filter.gte("level", 5))
                .where(Filter.in("status", List.of("A", "B")))
                .orderBy(OrderBy.desc("position.offset")));

        assertThat(spec.getQueryText()).isEqualTo("SELECT * FROM c WHERE c[\"scope\"][\"value\"] = @p0 AND c[\"level\"] >= @p1"
                + " AND c[\"status\"] IN (@p2, @p3) ORDER BY c[\"position\"][\"offset\"] DESC");
        assertThat(spec.getParameters()).extracting(SqlParameter::getName).containsExactly("@p0", "@p1", "@p2", "@p3");
        assertThat(spec.getParameters()).extracting(p -> p.getValue(Object.class)).containsExactly("BTC'; DROP", 5, "A", "B");
    }

    @Test
    void statusCodesMapToThePortsExceptions() {
        assertThat(CosmosErrors.translate(error(404, Map.of()), "x")).isInstanceOf(NotFoundException.class);
        assertThat(CosmosErrors.translate(error(409, Map.of()), "x")).isInstanceOf(ConflictException.class);
        assertThat(CosmosErrors.translate(error(412, Map.of()), "x")).isInstanceOf(PreconditionFailedException.class);
        assertThat(CosmosErrors.translate(error(400, Map.of()), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CosmosErrors.translate(error(503, Map.of()), "x")).isInstanceOf(StoreUnavailableException.class);
        assertThat(CosmosErrors.translate(error(0, Map.of()), "x")).isInstanceOf(StoreUnavailableException.class);
        assertThat(CosmosErrors.translate(error(403, Map.of()), "x")).isExactlyInstanceOf(ProjectionStoreException.class)
                .hasMessageContaining("x: 403");
        RuntimeException throttled = CosmosErrors.translate(error(429, Map.of("x-ms-retry-after-ms", "1500")), "x");
        assertThat(throttled).isInstanceOf(ThrottledException.class);
        assertThat(((ThrottledException) throttled).retryAfter()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void configIsValidatedWithTheKeyInTheMessage() {
        assertThat(CosmosStoreConfig.emulator("http://127.0.0.1:8081/", "k", "db").httpWithoutTls()).isTrue();
        assertThat(CosmosStoreConfig.account("https://acct.documents.azure.com:443/", "k", "db").endpointDiscovery()).isTrue();
        assertThatThrownBy(() -> CosmosStoreConfig.account("http://acct:443/", "k", "db"))
                .hasMessageContaining("cosmos.endpoint").hasMessageContaining("cosmos.httpWithoutTls");
        assertThatThrownBy(() -> CosmosStoreConfig.account(null, "k", "db")).hasMessageContaining("cosmos.endpoint");
        assertThatThrownBy(() -> CosmosStoreConfig.account("https://a/", " ", "db")).hasMessageContaining("cosmos.key");
        assertThatThrownBy(() -> CosmosStoreConfig.account("https://a/", "k", "no spaces")).hasMessageContaining("cosmos.database");
        assertThatThrownBy(() -> new CosmosStoreConfig("https://a/", "k", "db", CosmosStoreConfig.Consistency.SESSION,
                CosmosStoreConfig.ConnectionMode.DIRECT, true, false, false, -1, Duration.ofSeconds(1)))
                .hasMessageContaining("cosmos.maxThrottlingRetries");
        assertThat(CosmosStoreConfig.account("https://a/", "secret-key", "db").toString()).doesNotContain("secret-key");
    }

    private static CosmosException error(int status, Map<String, String> headers) {
        return new CosmosException(status, "boom", headers, null) {
        };
    }
}
