package com.tradingcontrol.api.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ProjectionReadBarrierTest {
    private final Map<String, Long> documents = new ConcurrentHashMap<>();
    private final ProjectionReadBarrier barrier = new ProjectionReadBarrier(id ->
            documents.containsKey(id) ? OptionalLong.of(documents.get(id)) : OptionalLong.empty());

    @Test
    void waitsUntilTheDocumentReachesTheVersion() throws Exception {
        documents.put("config:features.tabs.marketplace", 1L);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return barrier.awaitVersion("config:features.tabs.marketplace", 2, Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertThat(waiting).isNotDone();

        documents.put("config:features.tabs.marketplace", 2L);

        assertThat(waiting.get()).isTrue();
    }

    @Test
    void givesUpAfterTheTimeoutAndPassesVersionZeroAtOnce() throws Exception {
        assertThat(barrier.awaitVersion("tenant:a", 1, Duration.ofMillis(30))).isFalse();
        assertThat(barrier.awaitVersion("tenant:a", 0, Duration.ZERO)).isTrue();
    }
}
