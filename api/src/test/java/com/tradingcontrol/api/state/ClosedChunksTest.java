package com.tradingcontrol.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ClosedChunksTest {

    private static final TopicPartition TP = new TopicPartition("events", 0);

    /** A chunk of {@code events} events of 88 bytes each: 100 bytes of heap per event. */
    private static Chunk chunk(long from, int events) {
        ChunkEvents.Buffer buffer = new ChunkEvents.Buffer();
        for (int i = 0; i < events; i++) {
            buffer.append(new byte[88], from + i);
        }
        return new Chunk(Map.of(TP, from), Map.of(TP, from + events), from, buffer.seal());
    }

    private static List<Boolean> inMemory(ClosedChunks chunks) {
        return chunks.copy().stream().map(Chunk::inMemory).toList();
    }

    @Test
    void keepsEveryChunksEventsWithinTheBudget() {
        ClosedChunks chunks = new ClosedChunks(1_000);
        chunks.add(chunk(0, 5));
        chunks.add(chunk(5, 5));

        assertThat(inMemory(chunks)).containsExactly(true, true);
        assertThat(chunks.eventBytes()).isEqualTo(1_000);
    }

    @Test
    void overTheBudgetTheOldestChunksDropTheirEventsButKeepTheirPositions() {
        ClosedChunks chunks = new ClosedChunks(1_000);
        chunks.add(chunk(0, 5));
        chunks.add(chunk(5, 5));
        chunks.add(chunk(10, 3));
        chunks.add(chunk(13, 3));

        assertThat(inMemory(chunks)).containsExactly(false, false, true, true);
        assertThat(chunks.eventBytes()).isEqualTo(600);
        Chunk dropped = chunks.copy().get(1);
        assertThat(dropped.start()).containsEntry(TP, 5L);
        assertThat(dropped.end()).containsEntry(TP, 10L);
        assertThat(dropped.minOccurredAt()).isEqualTo(5);
    }

    @Test
    void aZeroBudgetKeepsNoClosedChunksEvents() {
        ClosedChunks chunks = new ClosedChunks(0);
        chunks.add(chunk(0, 5));
        chunks.add(chunk(5, 1));

        assertThat(inMemory(chunks)).containsExactly(false, false);
        assertThat(chunks.eventBytes()).isZero();
        assertThatThrownBy(() -> new ClosedChunks(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
