package com.tradingcontrol.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Exclusive ownership of a data dir: an OS lock on {@code <dir>/.lock}, taken before anything else
 * touches the dir. Kafka's own lock on its log dir comes too late — a second KRaft controller writes
 * into the running instance's {@code __cluster_metadata} before the broker asks for it — so the
 * launcher must refuse before starting any component. The OS drops the lock when the owner dies
 * (kill -9 included), so a crash never leaves a stale lock behind; the PID in the file only names the
 * owner in the refusal.
 */
public final class DataDirLock implements AutoCloseable {
    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once (no waiting).
     *
     * @throws DataDirInUseException if another process (or another platform in this JVM) owns the dir
     */
    public static DataDirLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        // No TRUNCATE here: the file names the current owner until we hold the lock ourselves.
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String owner = owner(channel);
            channel.close();
            throw new DataDirInUseException(dataDir, owner);
        }
        writeOwner(channel);
        return new DataDirLock(channel, lock);
    }

    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "another process (no owner recorded yet)" : text;
    }

    private static void writeOwner(FileChannel channel) throws IOException {
        String owner = "process " + ProcessHandle.current().pid() + " (since " + Instant.now() + ")\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(owner.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /** Releases the lock; the file stays (deleting it would let two starts lock two different files). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** A second start on a data dir someone owns; the message is the one line the operator sees. */
    public static final class DataDirInUseException extends IOException {
        DataDirInUseException(Path dataDir, String owner) {
            super("data dir " + dataDir + " is in use by " + owner
                    + "; stop that instance or pass another --data-dir");
        }
    }
}
