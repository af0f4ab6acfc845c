package com.tradingcontrol.api.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentIds;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.store.WriteCondition;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/trading-control} as the wire sees it (serialised by the application's mapper): who sees
 * which scopes, the documents' API views, and that the pre-rendered listing follows every change.
 */
class TradingControlResourceTest {

    private static final ObjectMapper WIRE = Jackson.newObjectMapper();
    private static final Caller OPERATOR = new Caller("op-1", null, Set.of(Roles.OPERATOR));
    private static final Caller CUSTOMER_U1 = new Caller("c-1", "u1", Set.of(Roles.CUSTOMER));
    private static final long PAUSED_AT = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();

    private final SqliteProjectionStore store = SqliteProjectionStore.inMemory();
    private final ContainerNames names = new ContainerNames("r-", 1);
    private TradingControlResource resource;

    @BeforeEach
    void projection() {
        new ProjectionMeta(store, "r-", Clock.systemUTC()).initialize("g");
        resource = new TradingControlResource(new ActiveProjection(store, "r-", Duration.ofHours(1)), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void withoutAGlobalDocumentGlobalIsActive() throws Exception {
        JsonNode body = get(OPERATOR);
        assertThat(body.path("global").path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("global").path("killSwitch").asBoolean(true)).isFalse();
        assertThat(body.path("scopes")).isEmpty();
    }

    @Test
    void staffSeeEveryScopeSortedAsTheDocumentsApiViews() throws Exception {
        List<ObjectNode> docs = List.of(write("symbol:AAPL", true), write("global", false), write("tenant:u2", true),
                write("tenant:u1", false), write("strategy:u1-p", true));

        JsonNode body = get(OPERATOR);

        assertThat(body.path("global")).isEqualTo(WIRE.valueToTree(DocumentViews.view(docs.get(1))));
        assertThat(scopes(body)).containsExactly("strategy:u1-p", "symbol:AAPL", "tenant:u1", "tenant:u2");
        JsonNode aapl = body.path("scopes").get(1);
        assertThat(aapl).isEqualTo(WIRE.valueToTree(DocumentViews.view(docs.get(0))));
        assertThat(aapl.path("pausedAt").asText()).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(aapl.has("id") || aapl.has("_position") || aapl.has("lastEventId")).as("internal fields").isFalse();
    }

    @Test
    void aCustomerSeesGlobalAndItsOwnTenantScopeOnly() throws Exception {
        write("global", true);
        write("tenant:u1", false);
        write("tenant:u2", true);
        write("strategy:u1-p", true);
        write("symbol:AAPL", true);

        JsonNode body = get(CUSTOMER_U1);

        assertThat(body.path("global").path("mode").asText()).isEqualTo("PAUSED");
        assertThat(scopes(body)).containsExactly("tenant:u1");
        assertThat(body.toString()).doesNotContain("u2").doesNotContain("AAPL").doesNotContain("strategy");
        assertThat(scopes(get(OPERATOR))).as("the staff listing is unaffected").hasSize(4);
        assertThat(scopes(get(new Caller("c-2", "u9", Set.of(Roles.CUSTOMER))))).as("no own scope yet").isEmpty();
        assertThatThrownBy(() -> resource.controls(new Caller("c-3", null, Set.of(Roles.CUSTOMER))))
                .isInstanceOf(ApiException.class).hasMessageContaining("no tenant");
    }

    @Test
    void everyChangeShowsInTheNextResponseAndUnchangedScopesKeepTheirRendering() throws Exception {
        write("global", false);
        write("tenant:u1", false);
        write("tenant:u2", false);
        TradingControlResource.TradingControl first = resource.controls(OPERATOR);
        assertThat(resource.controls(OPERATOR).scopes()).as("unchanged listing").isSameAs(first.scopes());

        write("tenant:u1", true);
        TradingControlResource.TradingControl second = resource.controls(OPERATOR);
        assertThat(WIRE.readTree(WIRE.writeValueAsBytes(second)).path("scopes").get(0).path("mode").asText())
                .isEqualTo("PAUSED");
        assertThat(second.global()).isSameAs(first.global());
        assertThat(second.scopes().get(1)).isSameAs(first.scopes().get(1));
        assertThat(get(CUSTOMER_U1).path("scopes").get(0).path("mode").asText()).isEqualTo("PAUSED");

        store.delete(names.name(ProjectionContainer.TRADING_CONTROL), "tenant:u2", DocumentIds.of("tenant:u2"),
                WriteCondition.none());
        assertThat(scopes(get(OPERATOR))).containsExactly("tenant:u1");
    }

    private JsonNode get(Caller caller) throws Exception {
        return WIRE.readTree(WIRE.writeValueAsBytes(resource.controls(caller)));
    }

    private static List<String> scopes(JsonNode body) {
        return StreamSupport.stream(body.path("scopes").spliterator(), false).map(s -> s.path("scope").asText()).toList();
    }

    /** A scope document of the projector's shape (times in epoch milliseconds, bookkeeping fields included). */
    private ObjectNode write(String scope, boolean paused) {
        ObjectNode doc = WIRE.createObjectNode().put("id", DocumentIds.of(scope)).put("scope", scope)
                .put("mode", paused ? "PAUSED" : "ACTIVE").put("paused", paused)
                .put("pauseReason", paused ? "risk" : null).put("pausedBy", paused ? "op-1" : null);
        if (paused) {
            doc.put("pausedAt", PAUSED_AT);
        } else {
            doc.putNull("pausedAt");
        }
        doc.putNull("expiresAt").put("version", 1).put("lastEventId", "e-1").put("updatedAt", PAUSED_AT);
        doc.putObject("_position").put("partition", 0).put("offset", 7);
        if (scope.equals("global")) {
            doc.put("killSwitch", false).put("maintenance", false).putNull("maintenanceMessage");
        }
        store.upsert(names.name(ProjectionContainer.TRADING_CONTROL), scope, doc, WriteCondition.none());
        return doc;
    }
}
