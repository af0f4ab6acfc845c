package com.tradingcontrol.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkEventsTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsEachValueAndTimeInAppendOrder() {
        ChunkEvents.Buffer buffer = new ChunkEvents.Buffer();
        buffer.append(bytes("first"), 30);
        buffer.append(bytes(""), 10);
        buffer.append(bytes("third value"), 20);

        ChunkEvents events = buffer.seal();

        assertThat(events.size()).isEqualTo(3);
        assertThat(events.value(0)).isEqualTo(bytes("first"));
        assertThat(events.value(1)).isEmpty();
        assertThat(events.value(2)).isEqualTo(bytes("third value"));
        assertThat(events.occurredAt(0)).isEqualTo(30);
        assertThat(events.occurredAt(1)).isEqualTo(10);
        assertThat(events.occurredAt(2)).isEqualTo(20);
        assertThat(events.heapBytes()).isEqualTo("first".length() + "third value".length() + 3 * 12);
    }

    @Test
    void aViewOfTheOpenChunkIsUnchangedByLaterAppendsThatGrowTheArrays() {
        ChunkEvents.Buffer buffer = new ChunkEvents.Buffer();
        buffer.append(bytes("a"), 1);
        ChunkEvents early = buffer.view();
        byte[] big = new byte[64 * 1024];
        for (int i = 0; i < 500; i++) {
            buffer.append(i == 0 ? big : bytes("e" + i), 100 + i);
        }

        assertThat(early.size()).isEqualTo(1);
        assertThat(early.value(0)).isEqualTo(bytes("a"));
        assertThat(buffer.view().size()).isEqualTo(501);
        assertThat(buffer.view().value(1)).hasSize(big.length);
        assertThat(buffer.view().value(500)).isEqualTo(bytes("e499"));
        assertThat(buffer.view().occurredAt(500)).isEqualTo(599);
    }

    @Test
    void refusesAnIndexOutsideTheEvents() {
        ChunkEvents.Buffer buffer = new ChunkEvents.Buffer();
        buffer.append(bytes("a"), 1);
        ChunkEvents events = buffer.view();
        buffer.append(bytes("b"), 2);

        assertThatThrownBy(() -> events.value(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> events.occurredAt(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
