package com.tradingcontrol.api.state;

import java.util.Arrays;

/**
 * The events of one {@link Chunk} held in memory, as they are in the log: the serialized record
 * values (Avro, with the registry header) packed into one array, plus each event's occurredAt, in
 * the order the index folded them. Kept serialized because that is about half the heap of the
 * decoded objects, and decoding the ~2,000 events a query needs takes a few milliseconds; one array
 * per chunk instead of one per event saves the per-array header too. Immutable once published.
 */
final class ChunkEvents {

    /** Heap per event besides its value bytes: one int (end offset) and one long (occurredAt). */
    private static final int PER_EVENT_BYTES = Integer.BYTES + Long.BYTES;

    private final byte[] data;
    private final int[] ends;
    private final long[] occurredAt;
    private final int count;

    private ChunkEvents(byte[] data, int[] ends, long[] occurredAt, int count) {
        this.data = data;
        this.ends = ends;
        this.occurredAt = occurredAt;
        this.count = count;
    }

    int size() {
        return count;
    }

    long occurredAt(int i) {
        return occurredAt[checkIndex(i)];
    }

    /** The serialized value of event {@code i} (a copy: the deserializer takes a whole array). */
    byte[] value(int i) {
        checkIndex(i);
        return Arrays.copyOfRange(data, i == 0 ? 0 : ends[i - 1], ends[i]);
    }

    /** Heap held by the arrays (approximate: array headers and unused capacity of an open chunk aside). */
    long heapBytes() {
        return (long) (count == 0 ? 0 : ends[count - 1]) + (long) count * PER_EVENT_BYTES;
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("event " + i + " of " + count);
        }
        return i;
    }

    /**
     * The events of the open chunk, appended by the index thread only. Appending never changes what
     * is below the current count (a full array is replaced by a bigger copy, not overwritten), so a
     * {@link #view()} taken under the index's lock stays valid while appends go on.
     */
    static final class Buffer {
        private byte[] data = new byte[16 * 1024];
        private int[] ends = new int[64];
        private long[] occurredAt = new long[64];
        private int count;
        private int length;

        void append(byte[] value, long at) {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                occurredAt = Arrays.copyOf(occurredAt, count * 2);
            }
            if (length + value.length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + value.length));
            }
            System.arraycopy(value, 0, data, length, value.length);
            length += value.length;
            ends[count] = length;
            occurredAt[count] = at;
            count++;
        }

        /** The events appended so far, sharing the arrays. */
        ChunkEvents view() {
            return new ChunkEvents(data, ends, occurredAt, count);
        }

        /** The events appended so far, in arrays of exactly their size (for a closed chunk). */
        ChunkEvents seal() {
            return new ChunkEvents(Arrays.copyOf(data, length), Arrays.copyOf(ends, count),
                    Arrays.copyOf(occurredAt, count), count);
        }
    }
}
