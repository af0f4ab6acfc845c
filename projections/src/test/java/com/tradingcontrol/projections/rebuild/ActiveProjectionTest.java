package com.tradingcontrol.projections.rebuild;

import static com.tradingcontrol.projections.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.projections.projector.AuditDocuments;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentWriter;
import com.tradingcontrol.projections.projector.EventFolding;
import com.tradingcontrol.projections.store.PreconditionFailedException;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.tradingcontrol.projections.testing.TestEvents;
import com.tradingcontrol.schemas.avro.ConfigUpdated;
import com.tradingcontrol.schemas.avro.ProfileCreated;
import com.tradingcontrol.schemas.avro.TradingPaused;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActiveProjectionTest {

    private final SqliteProjectionStore store = SqliteProjectionStore.inMemory();
    private final ProjectionMeta meta = new ProjectionMeta(store, "a-", Clock.systemUTC());
    private final DocumentWriter writer = new DocumentWriter(store);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void readsNothingBeforeInitialisation() {
        ActiveProjection reader = new ActiveProjection(store, "a-", Duration.ZERO);
        assertThat(reader.activeVersion()).isZero();
        assertThat(reader.controlScopes()).isEmpty();
        assertThat(reader.config("x")).isEmpty();
    }

    @Test
    void switchesAtomicallyToTheBuiltVersionAndDropsTheOldOne() {
        ProjectionPointer p = meta.initialize("g");
        assertThat(p.active()).isEqualTo(1);
        assertThat(p.activeGroup()).isEqualTo("g-v1");
        ContainerNames v1 = new ContainerNames("a-", 1);
        writer.apply(v1, EventFolding.updateFor(event("global", 1, new TradingPaused("global", "old", null))));
        ActiveProjection reader = new ActiveProjection(store, "a-", Duration.ofHours(1));
        assertThat(reader.controlScope("global").orElseThrow().get("pauseReason").asText()).isEqualTo("old");

        ProjectionPointer building = meta.beginBuild(p, 2, "g-v2-x");
        assertThatThrownBy(() -> meta.beginBuild(p, 2, "another")).as("stale etag")
                .isInstanceOf(PreconditionFailedException.class);
        ContainerNames v2 = v1.withVersion(2);
        meta.createContainers(v2);
        writer.apply(v2, EventFolding.updateFor(event("global", 1, new TradingPaused("global", "new", null))));
        assertThat(reader.controlScope("global").orElseThrow().get("pauseReason").asText()).isEqualTo("old");

        ProjectionPointer active = meta.activateBuilt(building);
        assertThat(active.active()).isEqualTo(2);
        assertThat(active.activeGroup()).isEqualTo("g-v2-x");
        assertThat(active.previous()).isEqualTo(1);
        meta.dropContainers(v1);
        // The reader still has v1 cached for an hour; the dropped container makes it re-resolve.
        assertThat(reader.controlScope("global").orElseThrow().get("pauseReason").asText()).isEqualTo("new");
        assertThat(reader.activeVersion()).isEqualTo(2);
    }

    @Test
    void readsConfigProfilesAndPagedAuditWithFilters() {
        meta.initialize("g");
        ContainerNames v1 = new ContainerNames("a-", 1);
        writer.apply(v1, EventFolding.updateFor(event("config:k", 1, new ConfigUpdated("k", 5L, null, ""))));
        writer.apply(v1, EventFolding.updateFor(event("profile:u1:a", 1, new ProfileCreated("a", "u1", "A"))));
        writer.apply(v1, EventFolding.updateFor(event("profile:u2:b", 1, new ProfileCreated("b", "u2", "B"))));
        for (int i = 1; i <= 5; i++) {
            writer.apply(v1, AuditDocuments.updateFor(TestEvents.audit("c" + i, "chain-0", i, i % 2 == 0 ? "u1" : "platform",
                    i == 3 ? "UpdateConfig" : "PauseTrading", "global", Instant.ofEpochMilli(i * 1000L))));
        }
        ActiveProjection reader = new ActiveProjection(store, "a-", Duration.ofSeconds(1));
        assertThat(reader.config("k").orElseThrow().get("value").asLong()).isEqualTo(5);
        assertThat(reader.configs()).hasSize(1);
        assertThat(reader.profiles("u1")).extracting(d -> d.get("profileId").asText()).containsExactly("a");
        assertThat(reader.profile("u2", "b")).isPresent();
        assertThat(reader.profile("u1", "b")).as("another tenant's profile").isEmpty();

        ActiveProjection.ResultPage first = reader.audit(AuditQuery.all().withAction("PauseTrading").page(2, null));
        assertThat(first.items()).extracting(d -> d.get("auditId").asText()).containsExactly("c5", "c4");
        assertThat(first.continuation()).startsWith("1:");
        ActiveProjection.ResultPage second = reader.audit(AuditQuery.all().withAction("PauseTrading").page(2, first.continuation()));
        assertThat(second.items()).extracting(d -> d.get("auditId").asText()).containsExactly("c2", "c1");
        assertThat(reader.audit(AuditQuery.all().forTenant("u1").between(1500L, 4000L)).items())
                .extracting(d -> d.get("auditId").asText()).containsExactly("c4", "c2");
        assertThat(reader.audit(AuditQuery.all().byActor("alice").forRequest("req-c3")).items()).hasSize(1);
    }

    @Test
    void aContinuationOfAnotherProjectionVersionIsRefusedAsAClientError() {
        meta.initialize("g");
        ActiveProjection reader = new ActiveProjection(store, "a-", Duration.ofHours(1));

        // Version 7 never existed (or was dropped after a switch): reading its containers used to fail inside the store.
        assertThatThrownBy(() -> reader.audit(AuditQuery.all().page(2, "7:0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 7");
    }
}
