package com.tradingcontrol.schemas.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * A schema registry inside the JVM, behind the same interface and with the same semantics as the
 * Confluent registry: global ids shared across subjects, per-subject versions, compatibility levels
 * (subject level overriding the global one) enforced on registration.
 *
 * <p>Without a data dir it lives in memory (unit tests). With one, every change is appended to a
 * fsynced journal before it is acknowledged and replayed on open, so after a restart the same
 * schemas keep the same ids, new ids continue after the highest one, and data written before stays
 * readable. Thread-safe: all access is serialized, which is cheap because serdes cache lookups.
 */
public final class InProcessSchemaRegistry implements SchemaRegistryClient, AutoCloseable {

    private final RegistryJournal journal;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<SchemaIdentity, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<SchemaVersion>> versionsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int nextId = 1;

    private InProcessSchemaRegistry(CompatibilityLevel defaultLevel, RegistryJournal journal) {
        this.globalLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
        this.journal = journal;
    }

    /** In-memory registry with Confluent's default level, BACKWARD. */
    public static InProcessSchemaRegistry inMemory() {
        return inMemory(CompatibilityLevel.BACKWARD);
    }

    public static InProcessSchemaRegistry inMemory(CompatibilityLevel defaultLevel) {
        return new InProcessSchemaRegistry(defaultLevel, null);
    }

    /** Registry persisted in {@code dataDir} with Confluent's default level, BACKWARD. */
    public static InProcessSchemaRegistry persistent(Path dataDir) {
        return persistent(dataDir, CompatibilityLevel.BACKWARD);
    }

    /**
     * Registry persisted in {@code dataDir} (created if missing). {@code defaultLevel} applies until
     * a global level is set, which is then persisted too. Close it to release the directory lock.
     *
     * @throws IllegalStateException if the directory is in use or its journal is corrupt
     */
    public static InProcessSchemaRegistry persistent(Path dataDir, CompatibilityLevel defaultLevel) {
        RegistryJournal journal = RegistryJournal.open(Objects.requireNonNull(dataDir, "dataDir"));
        InProcessSchemaRegistry registry = new InProcessSchemaRegistry(defaultLevel, journal);
        try {
            registry.replay(journal.readAll());
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        return registry;
    }

    private void replay(List<Object> entries) {
        for (Object entry : entries) {
            if (entry instanceof RegistryJournal.SchemaEntry s) {
                apply(s.subject(), s.version(), s.id(), new Schema.Parser().parse(s.schema()));
            } else if (entry instanceof RegistryJournal.ConfigEntry c) {
                applyLevel(c.subject(), c.level());
            }
        }
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        requireSubject(subject);
        SchemaIdentity identity = SchemaIdentity.of(schema);
        List<SchemaVersion> versions = versionsBySubject.getOrDefault(subject, List.of());
        Integer existingId = idsBySchema.get(identity);
        if (existingId != null && versions.stream().anyMatch(v -> v.id() == existingId)) {
            return existingId;
        }
        List<String> problems = violations(subject, schema);
        if (!problems.isEmpty()) {
            throw new IncompatibleSchemaException("schema for subject '" + subject + "' is incompatible with "
                    + getCompatibility(subject) + ": " + String.join("; ", problems));
        }
        int id = existingId != null ? existingId : nextId;
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        if (journal != null) {
            journal.append(new RegistryJournal.SchemaEntry(subject, version, id, schema.toString()));
        }
        apply(subject, version, id, schema);
        return id;
    }

    private void apply(String subject, int version, int id, Schema schema) {
        SchemaIdentity identity = SchemaIdentity.of(schema);
        Schema known = schemasById.get(id);
        if (known != null && !SchemaIdentity.of(known).equals(identity)) {
            throw new IllegalStateException("schema id " + id + " already belongs to a different schema");
        }
        schemasById.putIfAbsent(id, schema);
        idsBySchema.putIfAbsent(identity, id);
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>())
                .add(new SchemaVersion(subject, version, id, schemasById.get(id)));
        nextId = Math.max(nextId, id + 1);
    }

    @Override
    public synchronized int lookupId(String subject, Schema schema) {
        Integer id = idsBySchema.get(SchemaIdentity.of(schema));
        List<SchemaVersion> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (id == null || versions.stream().noneMatch(v -> v.id() == id)) {
            throw new SchemaNotFoundException(SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "schema not registered under subject '" + subject + "'");
        }
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException(SchemaRegistryException.SCHEMA_NOT_FOUND, "no schema with id " + id);
        }
        return schema;
    }

    @Override
    public synchronized SchemaVersion latest(String subject) {
        List<SchemaVersion> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaNotFoundException(SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "subject '" + subject + "' not found");
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        return violations(subject, schema).isEmpty();
    }

    /**
     * Why {@code schema} could not be registered under {@code subject} at its effective level; empty
     * when it could. The same check {@link #register} applies, for the REST API's compatibility test.
     */
    public synchronized List<String> compatibilityProblems(String subject, Schema schema) {
        return violations(subject, schema);
    }

    private List<String> violations(String subject, Schema schema) {
        List<Schema> existing = versionsBySubject.getOrDefault(subject, List.of()).stream()
                .map(SchemaVersion::schema).toList();
        return AvroCompatibilityChecker.violations(getCompatibility(subject), schema, existing);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        Objects.requireNonNull(level, "level");
        if (journal != null) {
            journal.append(new RegistryJournal.ConfigEntry(subject, level));
        }
        applyLevel(subject, level);
    }

    private void applyLevel(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else {
            subjectLevels.put(subject, level);
        }
    }

    @Override
    public synchronized CompatibilityLevel getCompatibility(String subject) {
        return subject == null ? globalLevel : subjectLevels.getOrDefault(subject, globalLevel);
    }

    /** Subjects with at least one version, sorted by name (the REST API's {@code GET /subjects}). */
    public synchronized List<String> subjects() {
        return List.copyOf(new TreeSet<>(versionsBySubject.keySet()));
    }

    /** The versions of {@code subject}, oldest first; empty for an unknown subject. */
    public synchronized List<SchemaVersion> versions(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }

    /** Every subject version that carries schema {@code id}, by subject then version. */
    public synchronized List<SchemaVersion> versionsWithId(int id) {
        return versionsBySubject.keySet().stream().sorted()
                .flatMap(subject -> versionsBySubject.get(subject).stream())
                .filter(v -> v.id() == id).toList();
    }

    /** The level set on {@code subject} itself, if any (without falling back to the global one). */
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    private static void requireSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject must not be blank");
        }
    }

    /** Releases the data dir; a no-op for an in-memory registry. */
    @Override
    public synchronized void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
