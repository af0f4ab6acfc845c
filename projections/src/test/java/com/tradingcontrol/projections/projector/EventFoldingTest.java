package com.tradingcontrol.projections.projector;

import static com.tradingcontrol.projections.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.testing.TestEvents;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.ConfigUpdated;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchEngaged;
import com.tradingcontrol.schemas.avro.KillSwitchReleased;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.PauseExpired;
import com.tradingcontrol.schemas.avro.ProfileCreated;
import com.tradingcontrol.schemas.avro.ProfileDisabled;
import com.tradingcontrol.schemas.avro.ProfileEnabled;
import com.tradingcontrol.schemas.avro.ReduceOnlyExpired;
import com.tradingcontrol.schemas.avro.ReduceOnlyLifted;
import com.tradingcontrol.schemas.avro.ReduceOnlySet;
import com.tradingcontrol.schemas.avro.TradingPaused;
import com.tradingcontrol.schemas.avro.TradingResumed;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFoldingTest {

    private static ObjectNode fold(ObjectNode current, EventEnvelope event) {
        return EventFolding.updateFor(event).applyTo(current);
    }

    @Test
    void pauseThenResumeAndExpiryOnAScope() {
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        EventEnvelope paused = event("symbol:AAPL", 1, new TradingPaused("symbol:AAPL", "earnings", expires));
        DocumentUpdate update = EventFolding.updateFor(paused);
        assertThat(update.container()).isEqualTo(ProjectionContainer.TRADING_CONTROL);
        assertThat(update.partitionKey()).isEqualTo("symbol:AAPL");
        assertThat(update.position()).isEqualTo(1);

        ObjectNode doc = update.applyTo(null);
        assertThat(doc.get("id").asText()).isEqualTo("symbol:AAPL");
        assertThat(doc.get("scope").asText()).isEqualTo("symbol:AAPL");
        assertThat(doc.get("mode").asText()).isEqualTo("PAUSED");
        assertThat(doc.get("paused").asBoolean()).isTrue();
        assertThat(doc.get("pauseReason").asText()).isEqualTo("earnings");
        assertThat(doc.get("pausedBy").asText()).isEqualTo("alice");
        assertThat(doc.get("pausedAt").asLong()).isEqualTo(paused.getOccurredAt().toEpochMilli());
        assertThat(doc.get("expiresAt").asLong()).isEqualTo(expires.toEpochMilli());
        assertThat(doc.get("version").asLong()).isEqualTo(1);
        assertThat(doc.get("_position").asLong()).isEqualTo(1);
        assertThat(doc.has("killSwitch")).as("kill switch lives on global only").isFalse();
        assertThat(doc.has("reduceOnly")).as("reduce-only fields only once a scope carried it").isFalse();

        ObjectNode resumed = fold(doc, event("symbol:AAPL", 2, new TradingResumed("symbol:AAPL", "done")));
        assertThat(resumed.get("mode").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.get("paused").asBoolean()).isFalse();
        assertThat(resumed.get("pauseReason").isNull()).isTrue();
        assertThat(resumed.get("expiresAt").isNull()).isTrue();
        assertThat(resumed.get("_position").asLong()).isEqualTo(2);
        assertThat(doc.get("paused").asBoolean()).as("the fold does not mutate its input").isTrue();

        ObjectNode pausedAgain = fold(resumed, event("symbol:AAPL", 3, new TradingPaused("symbol:AAPL", "again", expires)));
        ObjectNode expired = fold(pausedAgain, event("symbol:AAPL", 4, new PauseExpired("symbol:AAPL", expires)));
        assertThat(expired.get("mode").asText()).isEqualTo("ACTIVE");
        assertThat(expired.get("lastEventId").asText()).isEqualTo("cmd-symbol:AAPL-4:0");
    }

    @Test
    void reduceOnlyIsFoldedBesideAPauseAndLiftingOneNeverClearsTheOther() {
        Instant expires = Instant.parse("2030-01-01T00:00:00Z");
        String scope = "strategy:u1:p1";
        ObjectNode set = fold(null, event(scope, 1, new ReduceOnlySet(scope, "drawdown", expires)));
        assertThat(set.get("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(set.get("reduceOnly").asBoolean()).isTrue();
        assertThat(set.get("reduceOnlyReason").asText()).isEqualTo("drawdown");
        assertThat(set.get("reduceOnlyBy").asText()).isEqualTo("alice");
        assertThat(set.get("reduceOnlyExpiresAt").asLong()).isEqualTo(expires.toEpochMilli());
        assertThat(set.get("paused").asBoolean()).isFalse();

        ObjectNode paused = fold(set, event(scope, 2, new TradingPaused(scope, "incident", null)));
        assertThat(paused.get("mode").asText()).isEqualTo("PAUSED");
        ObjectNode lifted = fold(paused, event(scope, 3, new ReduceOnlyLifted(scope, "limits reset")));
        assertThat(lifted.get("paused").asBoolean()).as("lifting reduce-only keeps the pause").isTrue();
        assertThat(lifted.get("reduceOnly").asBoolean()).isFalse();
        assertThat(lifted.get("reduceOnlyReason").isNull()).isTrue();
        assertThat(lifted.get("mode").asText()).isEqualTo("PAUSED");

        ObjectNode again = fold(lifted, event(scope, 4, new ReduceOnlySet(scope, "again", expires)));
        ObjectNode resumed = fold(again, event(scope, 5, new TradingResumed(scope, "done")));
        assertThat(resumed.get("reduceOnly").asBoolean()).as("resuming keeps reduce-only").isTrue();
        assertThat(resumed.get("mode").asText()).isEqualTo("REDUCE_ONLY");
        ObjectNode expired = fold(resumed, event(scope, 6, new ReduceOnlyExpired(scope, expires)));
        assertThat(expired.get("mode").asText()).isEqualTo("ACTIVE");
        assertThat(expired.get("reduceOnlyExpiresAt").isNull()).isTrue();
    }

    @Test
    void killSwitchAndMaintenanceOnGlobal() {
        ObjectNode engaged = fold(null, event("global", 1, new KillSwitchEngaged("runaway algo")));
        assertThat(engaged.get("mode").asText()).isEqualTo("HALTED");
        assertThat(engaged.get("killSwitch").asBoolean()).isTrue();
        assertThat(engaged.get("killSwitchReason").asText()).isEqualTo("runaway algo");
        assertThat(engaged.get("maintenance").asBoolean()).isFalse();

        ObjectNode maintenance = fold(engaged, event("global", 2, new MaintenanceModeChanged(true, "back at 5", "upgrade")));
        assertThat(maintenance.get("maintenance").asBoolean()).isTrue();
        assertThat(maintenance.get("maintenanceMessage").asText()).isEqualTo("back at 5");
        assertThat(maintenance.get("mode").asText()).isEqualTo("HALTED");

        ObjectNode released = fold(maintenance, event("global", 3, new KillSwitchReleased("fixed")));
        assertThat(released.get("killSwitch").asBoolean()).isFalse();
        assertThat(released.get("killSwitchReason").isNull()).isTrue();
        assertThat(released.get("mode").asText()).as("maintenance pauses, as in the effective mode").isEqualTo("PAUSED");
        ObjectNode off = fold(released, event("global", 4, new MaintenanceModeChanged(false, "", "done")));
        assertThat(off.get("maintenance").asBoolean()).isFalse();
        assertThat(off.get("maintenanceMessage").isNull()).isTrue();
        assertThat(off.get("maintenanceReason").isNull()).as("a control no longer in force keeps no provenance").isTrue();
        assertThat(off.get("maintenanceBy").isNull()).isTrue();
        assertThat(off.get("mode").asText()).isEqualTo("ACTIVE");
        assertThat(off.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void configKeepsTheValueType() {
        DocumentUpdate update = EventFolding.updateFor(
                event("config:risk.maxOrderSize", 3, new ConfigUpdated("risk.maxOrderSize", 250L, 100L, "raise")));
        assertThat(update.container()).isEqualTo(ProjectionContainer.DYNAMIC_CONFIG);
        assertThat(update.partitionKey()).isEqualTo("risk.maxOrderSize");
        ObjectNode doc = update.applyTo(null);
        assertThat(doc.get("id").asText()).isEqualTo("risk.maxOrderSize");
        assertThat(doc.get("value").isIntegralNumber()).isTrue();
        assertThat(doc.get("value").asLong()).isEqualTo(250);
        assertThat(doc.get("previousValue").asLong()).isEqualTo(100);
        assertThat(doc.get("updatedBy").asText()).isEqualTo("alice");
        assertThat(doc.get("version").asLong()).isEqualTo(3);

        ObjectNode flag = fold(null, event("config:f", 1, new ConfigUpdated("f", true, null, "")));
        assertThat(flag.get("value").isBoolean()).isTrue();
        assertThat(flag.get("previousValue").isNull()).isTrue();
        ObjectNode text = fold(null, event("config:t", 1, new ConfigUpdated("t", "hello", null, "")));
        assertThat(text.get("value").asText()).isEqualTo("hello");
    }

    @Test
    void profileLifecycleIsPartitionedByTenant() {
        DocumentUpdate created = EventFolding.updateFor(event("profile:u1:mom", 1, new ProfileCreated("mom", "u1", "Momentum")));
        assertThat(created.container()).isEqualTo(ProjectionContainer.TRADING_PROFILES);
        assertThat(created.partitionKey()).isEqualTo("u1");
        assertThat(created.id()).isEqualTo("mom");
        ObjectNode doc = created.applyTo(null);
        assertThat(doc.get("enabled").asBoolean()).isFalse();
        assertThat(doc.get("name").asText()).isEqualTo("Momentum");
        assertThat(doc.get("tenantId").asText()).isEqualTo("u1");

        ObjectNode enabled = fold(doc, event("profile:u1:mom", 2, new ProfileEnabled("mom", "u1", "go")));
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("name").asText()).as("kept from creation").isEqualTo("Momentum");
        ObjectNode disabled = fold(enabled, event("profile:u1:mom", 3, new ProfileDisabled("mom", "u1", "stop")));
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("reason").asText()).isEqualTo("stop");
        assertThat(disabled.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void auditRecordBecomesAnInsertOnceDocumentWithEveryField() {
        AuditRecord record = TestEvents.audit("c-1", "chain-2", 7, "u1", "PauseTrading", "tenant:u1",
                Instant.ofEpochMilli(1234));
        DocumentUpdate update = AuditDocuments.updateFor(record);
        assertThat(update.container()).isEqualTo(ProjectionContainer.AUDIT_EVENTS);
        assertThat(update.partitionKey()).isEqualTo("u1");
        assertThat(update.position()).isEqualTo(7);
        ObjectNode doc = update.applyTo(null);
        assertThat(doc.get("id").asText()).isEqualTo("c-1");
        assertThat(doc.get("productId").asText()).isEqualTo("u1");
        assertThat(doc.get("chainId").asText()).isEqualTo("chain-2");
        assertThat(doc.get("chainSequence").asLong()).isEqualTo(7);
        assertThat(doc.get("actor").get("subject").asText()).isEqualTo("alice");
        assertThat(doc.get("actor").get("roles").get(0).asText()).isEqualTo("operator");
        assertThat(doc.get("action").asText()).isEqualTo("PauseTrading");
        assertThat(doc.get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(doc.get("occurredAt").asLong()).isEqualTo(1234);
        assertThat(doc.get("prevHash").asText()).hasSize(64);
        assertThat(doc.get("hash").asText()).isEqualTo(record.getHash());
        assertThat(doc.get("requestId").asText()).isEqualTo("req-c-1");
        assertThat(doc.get("eventIds").get(0).asText()).isEqualTo("c-1:0");
        assertThat(doc.get("code").isNull()).isTrue();
        assertThat(AuditDocuments.TTL_SECONDS).isEqualTo(7_776_000);
    }

    @Test
    void idsWithCharactersCosmosForbidsAreEncoded() {
        DocumentUpdate update = EventFolding.updateFor(event("symbol:BRK/B", 1, new TradingPaused("symbol:BRK/B", "x", null)));
        assertThat(update.id()).isEqualTo("symbol:BRK%2FB");
        assertThat(update.applyTo(null).get("scope").asText()).isEqualTo("symbol:BRK/B");
        assertThat(DocumentIds.of("a%b?c#d\\e")).isEqualTo("a%25b%3Fc%23d%5Ce");
    }

    @Test
    void anUnknownPayloadStopsTheFoldWithAClearErrorInsteadOfChangingTheDocument() {
        EventEnvelope odd = event("global", 1, new KillSwitchEngaged("x"));
        odd.setPayload("not an event");
        assertThatThrownBy(() -> EventFolding.updateFor(odd)).isInstanceOf(UnprojectableEventException.class)
                .hasMessageContaining("cannot project event cmd-global-1:0 (aggregate global, sequence 1, payload String)")
                .hasMessageContaining("the domain does not know it")
                .hasMessageContaining("stops here rather than skip it");
    }

    @Test
    void anEventThatDoesNotBelongToItsAggregateStopsTheFold() {
        EventEnvelope misrouted = event("tenant:u2", 2, new TradingPaused("tenant:u1", "x", null));
        ObjectNode u2 = fold(null, event("tenant:u2", 1, new TradingPaused("tenant:u2", "mine", null)));
        DocumentUpdate update = EventFolding.updateFor(misrouted);
        assertThatThrownBy(() -> update.applyTo(u2)).isInstanceOf(UnprojectableEventException.class)
                .hasMessageContaining("does not fit its document");
        assertThat(u2.get("pauseReason").asText()).as("the document is left as it was").isEqualTo("mine");
    }

    @Test
    void theDocumentIsTheRenderingOfTheDomainStateItReadsBackTo() {
        String scope = "global";
        ObjectNode doc = fold(null, event(scope, 1, new TradingPaused(scope, "p", Instant.parse("2030-01-01T00:00:00Z"))));
        doc = fold(doc, event(scope, 2, new ReduceOnlySet(scope, "r", null)));
        doc = fold(doc, event(scope, 3, new KillSwitchEngaged("k")));
        doc = fold(doc, event(scope, 4, new MaintenanceModeChanged(true, "m", "why")));
        var state = ControlDocuments.read(doc);
        assertThat(state.version()).isEqualTo(4);
        assertThat(state.pause().setBy().reason()).isEqualTo("p");
        assertThat(state.reduceOnly().setBy().actorSubject()).isEqualTo("alice");
        assertThat(state.killSwitch().engagedBy().reason()).isEqualTo("k");
        assertThat(state.maintenance().message()).isEqualTo("m");
        ObjectNode again = doc.deepCopy();
        ControlDocuments.write(state, again);
        assertThat(again).as("read then write changes nothing").isEqualTo(doc);
    }
}
