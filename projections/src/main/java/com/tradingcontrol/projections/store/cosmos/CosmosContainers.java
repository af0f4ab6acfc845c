package com.tradingcontrol.projections.store.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.tradingcontrol.projections.store.ContainerSpec;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Container lifecycle plus a cache of each container's partition key path and TTL, which the
 * adapter needs to validate documents and to find the partition key value of query results.
 */
final class CosmosContainers {

    private final CosmosDatabase database;
    private final Map<String, ContainerSpec> known = new ConcurrentHashMap<>();

    CosmosContainers(CosmosDatabase database) {
        this.database = database;
    }

    /** Creates a missing container; an existing one keeps its documents and gets the spec's default TTL. */
    void createOrUpdate(ContainerSpec spec) {
        CosmosContainerProperties wanted = new CosmosContainerProperties(spec.name(), spec.partitionKeyPath());
        wanted.setDefaultTimeToLiveInSeconds(spec.defaultTtlSeconds());
        CosmosContainerProperties actual = database.createContainerIfNotExists(wanted).getProperties();
        String actualPath = actual.getPartitionKeyDefinition().getPaths().get(0);
        if (!actualPath.equals(spec.partitionKeyPath())) {
            throw new IllegalArgumentException("container " + spec.name() + " is partitioned by " + actualPath
                    + ", not " + spec.partitionKeyPath() + "; a partition key cannot change");
        }
        if (!Objects.equals(actual.getDefaultTimeToLiveInSeconds(), spec.defaultTtlSeconds())) {
            actual.setDefaultTimeToLiveInSeconds(spec.defaultTtlSeconds());
            database.getContainer(spec.name()).replace(actual);
        }
        known.put(spec.name(), spec);
    }

    /** The container's spec, read from the service on first use. */
    ContainerSpec require(String name) {
        ContainerSpec cached = known.get(name);
        if (cached != null) {
            return cached;
        }
        CosmosContainer container = database.getContainer(name);
        CosmosContainerProperties properties = container.read().getProperties();
        ContainerSpec spec = new ContainerSpec(name, properties.getPartitionKeyDefinition().getPaths().get(0),
                properties.getDefaultTimeToLiveInSeconds());
        known.put(name, spec);
        return spec;
    }

    void forget(String name) {
        known.remove(name);
    }
}
