package com.tradingcontrol.projections.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.store.ConflictException;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.NotFoundException;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads and changes the {@link ProjectionPointer}. Every change is a conditional write against the
 * etag the caller read, so two rebuilds (or a rebuild and an init) cannot both win.
 */
public final class ProjectionMeta {

    static final String POINTER_ID = "pointer";

    private final ProjectionStore store;
    private final String prefix;
    private final String container;
    private final Clock clock;

    public ProjectionMeta(ProjectionStore store, String prefix, Clock clock) {
        this.store = store;
        this.prefix = prefix;
        this.container = ContainerNames.metaContainer(prefix);
        this.clock = clock;
    }

    public String prefix() {
        return prefix;
    }

    /** The pointer; empty when no projector has initialised this store (not even its meta container). */
    public Optional<ProjectionPointer> read() {
        try {
            return store.read(container, POINTER_ID, POINTER_ID).map(ProjectionMeta::parse);
        } catch (NotFoundException noMetaContainerYet) {
            return Optional.empty();
        }
    }

    /** The pointer, creating version 1 (containers and pointer, group {@code <baseGroup>-v1}) when absent. */
    public ProjectionPointer initialize(String baseGroup) {
        store.createContainerIfAbsent(ContainerSpec.of(container, "/id"));
        Optional<ProjectionPointer> existing = read();
        if (existing.isPresent()) {
            return existing.get();
        }
        createContainers(new ContainerNames(prefix, 1));
        ProjectionPointer first = new ProjectionPointer(1, baseGroup + "-v1", null, null, null, clock.millis(), null);
        try {
            return write(first, WriteCondition.ifAbsent());
        } catch (ConflictException anotherInstanceWon) {
            return read().orElseThrow(() -> anotherInstanceWon);
        }
    }

    public void createContainers(ContainerNames names) {
        names.specs().forEach(store::createContainerIfAbsent);
    }

    public void dropContainers(ContainerNames names) {
        names.specs().forEach(spec -> store.deleteContainer(spec.name()));
    }

    /** Marks {@code version} as being built by {@code group}; fails with 412 if the pointer changed. */
    public ProjectionPointer beginBuild(ProjectionPointer expected, int version, String group) {
        ProjectionPointer next = new ProjectionPointer(expected.active(), expected.activeGroup(), version, group,
                expected.previous(), clock.millis(), null);
        return write(next, WriteCondition.ifMatch(expected.etag()));
    }

    /** The atomic switch: the built version becomes active; fails with 412 if the pointer changed. */
    public ProjectionPointer activateBuilt(ProjectionPointer expected) {
        if (!expected.isBuilding()) {
            throw new IllegalStateException("no version is being built");
        }
        ProjectionPointer next = new ProjectionPointer(expected.building(), expected.buildingGroup(), null, null,
                expected.active(), clock.millis(), null);
        return write(next, WriteCondition.ifMatch(expected.etag()));
    }

    /** Forgets an unfinished build (after a failed rebuild), keeping the active version. */
    public ProjectionPointer abandonBuild(ProjectionPointer expected) {
        ProjectionPointer next = new ProjectionPointer(expected.active(), expected.activeGroup(), null, null,
                expected.previous(), clock.millis(), null);
        return write(next, WriteCondition.ifMatch(expected.etag()));
    }

    private ProjectionPointer write(ProjectionPointer pointer, WriteCondition condition) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", POINTER_ID).put("active", pointer.active()).put("activeGroup", pointer.activeGroup());
        doc.put("building", pointer.building()).put("buildingGroup", pointer.buildingGroup());
        doc.put("previous", pointer.previous()).put("changedAt", pointer.changedAt());
        return parse(store.upsert(container, POINTER_ID, doc, condition));
    }

    private static ProjectionPointer parse(StoredDocument stored) {
        ObjectNode b = stored.body();
        return new ProjectionPointer(b.path("active").asInt(), b.path("activeGroup").asText(), intOrNull(b.get("building")),
                textOrNull(b.get("buildingGroup")), intOrNull(b.get("previous")), b.path("changedAt").asLong(), stored.etag());
    }

    private static Integer intOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
