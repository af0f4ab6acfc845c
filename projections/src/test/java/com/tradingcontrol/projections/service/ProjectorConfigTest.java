package com.tradingcontrol.projections.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectorConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put("kafka.bootstrapServers", "localhost:9092");
        m.put("registry.dir", "/tmp/registry");
        m.put("store.type", "sqlite");
        m.put("store.sqlite.file", "/tmp/p.db");
        return m;
    }

    private static void assertRejected(Map<String, String> values, String key) {
        assertThatThrownBy(() -> ProjectorConfig.from(values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
    }

    @Test
    void defaultsApply() {
        ProjectorConfig config = ProjectorConfig.from(valid());
        assertThat(config.groupId()).isEqualTo("projector");
        assertThat(config.topics().events()).isEqualTo("trading.events");
        assertThat(config.storeType()).isEqualTo(ProjectorConfig.StoreType.SQLITE);
        assertThat(config.sqliteFile()).isEqualTo(Path.of("/tmp/p.db"));
        assertThat(config.timing().backoffMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.timing().maxPollRecords()).isEqualTo(5_000);
        assertThat(config.prefix()).isEmpty();
    }

    @Test
    void durationsAreWrittenShortAndIsoIsStillRead() {
        Map<String, String> m = valid();
        m.put("projector.pollTimeout", "50ms");
        m.put("rebuild.catchUpTimeout", "45m");
        m.put("rebuild.handover", "PT0.1S");
        ProjectorConfig config = ProjectorConfig.from(m);
        assertThat(config.timing().pollTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.rebuildCatchUpTimeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(config.rebuildHandover()).isEqualTo(Duration.ofMillis(100));
        m.put("projector.pointerCheck", "0ms");
        assertThatThrownBy(() -> ProjectorConfig.from(m))
                .hasMessageStartingWith("invalid configuration 'projector.pointerCheck': must be between 1ms");
    }

    @Test
    void badValuesAreRejectedNamingTheKey() {
        Map<String, String> m = valid();
        m.remove("kafka.bootstrapServers");
        assertRejected(m, "kafka.bootstrapServers");
        m = valid();
        m.put("registry.url", "http://r");
        assertRejected(m, "registry.url");
        m = valid();
        m.put("store.type", "mongo");
        assertRejected(m, "store.type");
        m = valid();
        m.remove("store.sqlite.file");
        assertRejected(m, "store.sqlite.file");
        m = valid();
        m.put("projector.backoffMax", "soon");
        assertRejected(m, "projector.backoffMax");
        m = valid();
        m.put("projector.maxPollRecords", "0");
        assertRejected(m, "projector.maxPollRecords");
        m.put("projector.maxPollRecords", "many");
        assertRejected(m, "projector.maxPollRecords");
        m = valid();
        m.put("projection.prefix", "bad/prefix");
        assertRejected(m, "projection.prefix");
        m = valid();
        m.put("rebuild.dropOld", "maybe");
        assertRejected(m, "rebuild.dropOld");
        m = valid();
        m.put("store.type", "cosmos");
        assertRejected(m, "cosmos.endpoint");
        m.put("cosmos.endpoint", "http://localhost:8081");
        m.put("cosmos.key", "k");
        m.put("cosmos.database", "db");
        assertRejected(m, "cosmos.endpoint");
        m.put("cosmos.emulator", "true");
        assertThat(ProjectorConfig.from(m).cosmos().httpWithoutTls()).isTrue();
    }
}
