package com.tradingcontrol.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only, fsynced JSON-lines log of registry changes in a data directory ({@value #FILE}).
 * Each registration or compatibility change is one line, forced to disk before the registry
 * acknowledges it, so ids survive a crash. A line cut short by a crash mid-append (no trailing
 * newline) was never acknowledged and is dropped on the next open; any other unreadable line fails
 * the open, naming the file and line. A lock file keeps two registries from sharing the directory.
 */
final class RegistryJournal implements AutoCloseable {
    static final String FILE = "schema-registry.jsonl";
    private static final String LOCK_FILE = "schema-registry.lock";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A registration: {@code subject} got {@code version} with global {@code id}. */
    record SchemaEntry(String subject, int version, int id, String schema) {
    }

    /** A compatibility change; a null subject is the global level. */
    record ConfigEntry(String subject, CompatibilityLevel level) {
    }

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel channel;

    private RegistryJournal(Path file, FileChannel lockChannel, FileLock lock, FileChannel channel) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.channel = channel;
    }

    /** Opens (creating if needed) the journal in {@code dir} and locks the directory. */
    static RegistryJournal open(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel, dir);
            Path file = dir.resolve(FILE);
            boolean created = !Files.exists(file);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            if (created) {
                syncDirectory(dir);
            }
            return new RegistryJournal(file, lockChannel, lock, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open schema registry journal in " + dir, e);
        }
    }

    private static FileLock tryLock(FileChannel lockChannel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lockChannel.close();
            throw new IllegalStateException("schema registry data dir " + dir + " is already open in this JVM", e);
        }
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("schema registry data dir " + dir + " is locked by another process");
        }
        return lock;
    }

    /**
     * Makes a newly created file's directory entry durable. Windows cannot open a directory as a
     * channel (and NTFS journals the entry itself), so there the expected AccessDeniedException is
     * logged rather than treated as a failure.
     */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (AccessDeniedException e) {
            LOG.debug("directory fsync not supported for {}: {}", dir, e.toString());
        }
    }

    /** Reads every complete entry, oldest first, and drops a torn final line. */
    List<Object> readAll() {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n') + 1;
            if (end < text.length()) {
                LOG.warn("dropping {} bytes of an unfinished last entry in {}", text.length() - end, file);
                channel.truncate(end);
                channel.force(true);
            }
            List<Object> entries = new ArrayList<>();
            String[] lines = text.substring(0, end).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    entries.add(parse(lines[i], i + 1));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema registry journal " + file, e);
        }
    }

    private Object parse(String line, int lineNo) {
        try {
            JsonNode node = JSON.readTree(line);
            String type = node.path("type").asText();
            String subject = node.hasNonNull("subject") ? node.get("subject").asText() : null;
            switch (type) {
                case "schema":
                    return new SchemaEntry(subject, node.get("version").intValue(), node.get("id").intValue(),
                            node.get("schema").asText());
                case "config":
                    return new ConfigEntry(subject, CompatibilityLevel.parse(node.get("level").asText()));
                default:
                    throw new IllegalStateException("unknown entry type '" + type + "'");
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("corrupt schema registry journal " + file + " at line " + lineNo, e);
        }
    }

    void append(SchemaEntry e) {
        ObjectNode node = JSON.createObjectNode().put("type", "schema").put("subject", e.subject())
                .put("version", e.version()).put("id", e.id()).put("schema", e.schema());
        write(node);
    }

    void append(ConfigEntry e) {
        ObjectNode node = JSON.createObjectNode().put("type", "config").put("subject", e.subject())
                .put("level", e.level().name());
        write(node);
    }

    private void write(ObjectNode node) {
        long start = -1;
        try {
            byte[] bytes = (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            start = channel.size();
            long position = start;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
            channel.force(true);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot append to schema registry journal " + file, e);
            rollBack(start, failure);
            throw failure;
        }
    }

    /** Cuts off a half-written line so the next append does not glue onto it. */
    private void rollBack(long start, UncheckedIOException failure) {
        if (start < 0) {
            return;
        }
        try {
            channel.truncate(start);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try (lockChannel; channel) {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close schema registry journal " + file, e);
        }
    }
}
