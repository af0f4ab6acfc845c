package com.tradingcontrol.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradingcontrol.api.push.ControlStateFeed;
import com.tradingcontrol.api.push.ControlStateSnapshot;
import com.tradingcontrol.api.push.ControlStateView;
import com.tradingcontrol.api.ws.PushHub;
import com.tradingcontrol.api.ws.PushSink;
import com.tradingcontrol.api.ws.StreamKey;
import com.tradingcontrol.schemas.avro.ControlMode;
import com.tradingcontrol.schemas.avro.ControlState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The websocket side of the global-control leak: what /ws/trading pushes to customers. */
class PushLeakAttackTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PushHub hub = new PushHub(mapper, 10);
    private final ControlStateView view = new ControlStateView(Clock.systemUTC());
    private final ControlStateFeed feed = new ControlStateFeed(view, hub, mapper);

    private final class Recorder implements PushSink {
        final List<JsonNode> changes = new ArrayList<>();
        final List<JsonNode> snapshot = new ArrayList<>();

        @Override
        public void send(String json) {
            try {
                JsonNode message = mapper.readTree(json);
                if (message.has("payload")) {
                    changes.add(message.path("payload"));
                }
                message.path("states").forEach(snapshot::add);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static ControlState state(String scope, long version, String setBy, String reason) {
        return ControlState.newBuilder().setScope(scope).setMode(ControlMode.HALTED).setKillSwitch(true)
                .setMaintenance(true).setMaintenanceMessage("Back at 11:00 UTC").setReason(reason).setSetBy(setBy)
                .setSetAt(Instant.parse("2026-03-01T10:00:00Z")).setVersion(version).setLastEventId("e-" + version).build();
    }

    @Test
    void customersAreNotPushedStaffNamesOrInternalReasonsOfSharedControls() {
        Recorder customer = new Recorder();
        Recorder admin = new Recorder();
        hub.subscribe(StreamKey.tenant("t1"), customer, null);
        hub.subscribe(StreamKey.adminStream(), admin, null);

        feed.onRecord("global", state("global", 1, "op-jane", "incident 42"));
        feed.onRecord("symbol:ACME", state("symbol:ACME", 1, "op-joe", "fat finger"));
        feed.onRecord("tenant:t1", state("tenant:t1", 1, "op-ann", "your risk limit"));

        assertThat(customer.changes).hasSize(3);
        for (JsonNode shared : customer.changes.subList(0, 2)) {
            assertThat(shared.toString()).doesNotContain("op-j").doesNotContain("incident").doesNotContain("fat finger");
            assertThat(shared.path("mode").asText()).isEqualTo("HALTED");
            assertThat(shared.path("maintenanceMessage").asText()).isEqualTo("Back at 11:00 UTC");
        }
        assertThat(customer.changes.get(2).path("reason").asText()).as("the tenant's own control keeps its reason")
                .isEqualTo("your risk limit");
        assertThat(admin.changes).extracting(c -> c.path("setBy").asText()).containsExactly("op-jane", "op-joe", "op-ann");
    }

    @Test
    void theSnapshotAfterHelloHidesTheSameFieldsAsThePushes() {
        hub.snapshotsFrom(new ControlStateSnapshot(view, mapper, () -> 0));
        feed.onRecord("global", state("global", 1, "op-jane", "incident 42"));
        feed.onRecord("symbol:ACME", state("symbol:ACME", 1, "op-joe", "fat finger"));
        feed.onRecord("tenant:t1", state("tenant:t1", 1, "op-ann", "your risk limit"));
        Recorder customer = new Recorder();
        Recorder admin = new Recorder();

        hub.subscribe(StreamKey.tenant("t1"), customer, null);
        hub.subscribe(StreamKey.adminStream(), admin, null);

        assertThat(customer.snapshot).extracting(s -> s.path("scope").asText())
                .containsExactlyInAnyOrder("global", "symbol:ACME", "tenant:t1");
        customer.snapshot.stream().filter(s -> !s.path("scope").asText().startsWith("tenant:")).forEach(shared -> {
            assertThat(shared.toString()).doesNotContain("op-j").doesNotContain("incident").doesNotContain("fat finger");
            assertThat(shared.path("maintenanceMessage").asText()).isEqualTo("Back at 11:00 UTC");
        });
        assertThat(customer.snapshot).filteredOn(s -> s.path("scope").asText().equals("tenant:t1"))
                .singleElement().satisfies(own -> assertThat(own.path("reason").asText()).isEqualTo("your risk limit"));
        assertThat(admin.snapshot).extracting(s -> s.path("setBy").asText())
                .containsExactlyInAnyOrder("op-jane", "op-joe", "op-ann");
    }
}
