package com.tradingcontrol.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ProjectionReadBarrierTest {
    private final Map<String, Long> documents = new ConcurrentHashMap<>();
    private final ProjectionReadBarrier barrier = new ProjectionReadBarrier(id ->
            documents.containsKey(id) ? OptionalLong.of(documents.get(id)) : OptionalLong.empty());

    @Test
    void showsTheDocumentsVersion() {
        documents.put("config:features.tabs.marketplace", 1L);
        assertThat(barrier.currentVersion("config:features.tabs.marketplace")).isEqualTo(1);

        documents.put("config:features.tabs.marketplace", 2L);

        assertThat(barrier.currentVersion("config:features.tabs.marketplace")).isEqualTo(2);
    }

    @Test
    void anAggregateWithoutDocumentIsAtVersionZero() {
        assertThat(barrier.currentVersion("tenant:a")).isZero();
        assertThat(barrier.covers("tenant:a")).isTrue();
    }
}
