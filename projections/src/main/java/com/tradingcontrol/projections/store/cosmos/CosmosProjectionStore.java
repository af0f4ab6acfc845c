package com.tradingcontrol.projections.store.cosmos;

import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.Documents;
import com.tradingcontrol.projections.store.FieldPath;
import com.tradingcontrol.projections.store.Page;
import com.tradingcontrol.projections.store.PreconditionFailedException;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.ProjectionStoreException;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link ProjectionStore} on Azure Cosmos DB (NoSQL API) through the synchronous SDK client. */
public final class CosmosProjectionStore implements ProjectionStore {

    private final CosmosClient client;
    private final CosmosDatabase database;
    private final CosmosContainers containers;

    public CosmosProjectionStore(CosmosStoreConfig config) {
        this.client = CosmosClients.build(config);
        try {
            call("create database " + config.database(), () -> client.createDatabaseIfNotExists(config.database()));
            this.database = client.getDatabase(config.database());
            this.containers = new CosmosContainers(database);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public void createContainerIfAbsent(ContainerSpec spec) {
        call("create container " + spec.name(), () -> {
            containers.createOrUpdate(spec);
            return null;
        });
    }

    @Override
    public void deleteContainer(String container) {
        ContainerSpec.requireValidName(container);
        try {
            database.getContainer(container).delete();
        } catch (CosmosException e) {
            if (e.getStatusCode() != 404) {
                throw CosmosErrors.translate(e, "delete container " + container);
            }
        } finally {
            containers.forget(container);
        }
    }

    @Override
    public Optional<StoredDocument> read(String container, String partitionKey, String id) {
        ContainerSpec spec = spec(container);
        try {
            CosmosItemResponse<ObjectNode> response = database.getContainer(container)
                    .readItem(id, new PartitionKey(partitionKey), ObjectNode.class);
            return Optional.of(toDocument(spec, response.getItem()));
        } catch (CosmosException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw CosmosErrors.translate(e, "read " + describe(container, partitionKey, id));
        }
    }

    @Override
    public StoredDocument upsert(String container, String partitionKey, ObjectNode doc, WriteCondition condition) {
        ContainerSpec spec = spec(container);
        String id = Documents.validateForWrite(doc, spec, partitionKey);
        ObjectNode body = Documents.withoutSystemFields(doc);
        CosmosContainer target = database.getContainer(container);
        PartitionKey pk = new PartitionKey(partitionKey);
        String what = "write " + describe(container, partitionKey, id);
        CosmosItemResponse<ObjectNode> response = switch (condition.kind()) {
            case NONE -> call(what, () -> target.upsertItem(body, pk, new CosmosItemRequestOptions()));
            case IF_ABSENT -> call(what, () -> target.createItem(body, pk, new CosmosItemRequestOptions()));
            case IF_MATCH -> replaceIfMatch(target, body, id, pk, condition.etag(), what);
        };
        return new StoredDocument(id, partitionKey, response.getETag(), body);
    }

    @Override
    public void delete(String container, String partitionKey, String id, WriteCondition condition) {
        if (condition.kind() == WriteCondition.Kind.IF_ABSENT) {
            throw new IllegalArgumentException("IF_ABSENT makes no sense for a delete");
        }
        spec(container);
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        if (condition.kind() == WriteCondition.Kind.IF_MATCH) {
            options.setIfMatchETag(condition.etag());
        }
        call("delete " + describe(container, partitionKey, id),
                () -> database.getContainer(container).deleteItem(id, new PartitionKey(partitionKey), options));
    }

    @Override
    public Page query(String container, Query query) {
        ContainerSpec spec = spec(container);
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
        if (!query.isCrossPartition()) {
            options.setPartitionKey(new PartitionKey(query.partitionKey()));
        }
        return call("query " + container, () -> {
            Iterator<FeedResponse<ObjectNode>> pages = database.getContainer(container)
                    .queryItems(CosmosQueryBuilder.build(query), options, ObjectNode.class)
                    .iterableByPage(query.continuation(), query.pageSize())
                    .iterator();
            if (!pages.hasNext()) {
                return new Page(List.of(), null);
            }
            FeedResponse<ObjectNode> page = pages.next();
            List<StoredDocument> items = page.getResults().stream().map(item -> toDocument(spec, item)).toList();
            return new Page(items, page.getContinuationToken());
        });
    }

    @Override
    public void close() {
        client.close();
    }

    private CosmosItemResponse<ObjectNode> replaceIfMatch(CosmosContainer target, ObjectNode body, String id,
                                                          PartitionKey pk, String etag, String what) {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions().setIfMatchETag(etag);
        try {
            return target.replaceItem(body, id, pk, options);
        } catch (CosmosException e) {
            if (e.getStatusCode() == 404) {
                // The port reports "no document to match" like a stale etag: the precondition failed.
                throw new PreconditionFailedException(what + ": the document does not exist", e);
            }
            throw CosmosErrors.translate(e, what);
        }
    }

    private ContainerSpec spec(String container) {
        return call("read container " + container, () -> containers.require(container));
    }

    private static StoredDocument toDocument(ContainerSpec spec, ObjectNode item) {
        JsonNode pk = Documents.valueAt(item, FieldPath.parse(spec.partitionKeyField()));
        JsonNode etag = item.get("_etag");
        if (pk == null || etag == null || item.get("id") == null) {
            throw new ProjectionStoreException("item in " + spec.name() + " lacks id, _etag or " + spec.partitionKeyPath());
        }
        return new StoredDocument(item.get("id").asText(), pk.asText(), etag.asText(), Documents.withoutSystemFields(item));
    }

    private static String describe(String container, String partitionKey, String id) {
        return "document " + container + "/" + partitionKey + "/" + id;
    }

    private static <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (CosmosException e) {
            throw CosmosErrors.translate(e, what);
        }
    }
}
