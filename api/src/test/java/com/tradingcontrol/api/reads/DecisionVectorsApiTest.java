package com.tradingcontrol.api.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentWriter;
import com.tradingcontrol.projections.projector.EventFolding;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.rebuild.ProjectionMeta;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.vectors.DecisionVectors;
import com.tradingcontrol.schemas.vectors.DecisionVectors.Case;
import com.tradingcontrol.schemas.vectors.DecisionVectors.ExpectedCause;
import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped decision vectors against {@code GET /api/trading-control/effective}, as staff see it
 * (full provenance) and serialised by the application's mapper. Each case's records become the events
 * that produced them ({@link VectorEvents}), folded into a real SQLite projection by the projector's own
 * folding code, and the resource answers at the case's clock. The answer carries no command ids, so
 * those are not compared; everything else is, field by field. mayOpen/mayReduce are not in the API's
 * answer: they follow from its mode, which is compared.
 */
class DecisionVectorsApiTest {

    private static final ObjectMapper WIRE = Jackson.newObjectMapper();
    private static final Caller OPERATOR = new Caller("op-vectors", null, Set.of(Roles.OPERATOR));

    static Stream<Case> cases() {
        return DecisionVectors.load().cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void effectiveAnswersAsTheVectorSays(Case c) {
        try (SqliteProjectionStore store = SqliteProjectionStore.inMemory()) {
            TradingControlResource resource = resourceOver(store, c);
            var q = c.query();
            if (c.expected().isError()) {
                ApiException e = catchThrowableOfType(ApiException.class,
                        () -> resource.effective(OPERATOR, q.tenant(), q.profile(), q.symbol()));
                assertThat(e).as("an invalid query is refused").isNotNull();
                assertThat(e.problem().getCode()).isEqualTo(ProblemCode.VALIDATION_FAILED.name());
                assertThat(e.problem().getStatus()).isEqualTo(422);
                return;
            }

            JsonNode body = WIRE.valueToTree(resource.effective(OPERATOR, q.tenant(), q.profile(), q.symbol()));

            assertThat(body.path("mode").asText()).isEqualTo(c.expected().mode());
            assertThat(body.path("maintenance").asBoolean()).as("maintenance").isEqualTo(c.expected().maintenance());
            List<ExpectedCause> answered = new ArrayList<>();
            body.path("causes").forEach(cause -> answered.add(asExpected(cause)));
            assertThat(answered).containsExactlyElementsOf(c.expected().causes().stream()
                    .map(DecisionVectorsApiTest::withoutCommandId).toList());
        }
    }

    private static TradingControlResource resourceOver(SqliteProjectionStore store, Case c) {
        new ProjectionMeta(store, "v-", Clock.systemUTC()).initialize("vectors");
        ContainerNames names = new ContainerNames("v-", 1);
        DocumentWriter writer = new DocumentWriter(store);
        List<EventEnvelope> events = new ArrayList<>();
        c.currentControlState().values().forEach(r -> events.addAll(VectorEvents.ofControlState(r)));
        c.currentProfileState().values().forEach(p -> events.addAll(VectorEvents.ofProfile(p)));
        events.forEach(e -> writer.apply(names, EventFolding.updateFor(e)));
        return new TradingControlResource(new ActiveProjection(store, "v-", Duration.ofHours(1)),
                Clock.fixed(c.now(), ZoneOffset.UTC));
    }

    private static ExpectedCause asExpected(JsonNode cause) {
        return new ExpectedCause(text(cause, "scope"), text(cause, "kind"), text(cause, "mode"), text(cause, "setBy"),
                instant(cause, "setAt"), text(cause, "reason"), null, instant(cause, "expiresAt"), text(cause, "message"));
    }

    private static ExpectedCause withoutCommandId(ExpectedCause c) {
        return new ExpectedCause(c.scope(), c.kind(), c.mode(), c.setBy(), c.setAt(), c.reason(), null, c.expiresAt(),
                c.message());
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode() ? null : node.path(field).asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
