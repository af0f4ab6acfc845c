package com.tradingcontrol.projections.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.ContainerSpec;
import com.tradingcontrol.projections.store.Page;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.WriteCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A store decorator base: delegates everything; subclasses intercept what they test. */
public abstract class ForwardingStore implements ProjectionStore {

    protected final ProjectionStore delegate;

    protected ForwardingStore(ProjectionStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void createContainerIfAbsent(ContainerSpec spec) {
        delegate.createContainerIfAbsent(spec);
    }

    @Override
    public void deleteContainer(String container) {
        delegate.deleteContainer(container);
    }

    @Override
    public Optional<StoredDocument> read(String container, String partitionKey, String id) {
        return delegate.read(container, partitionKey, id);
    }

    @Override
    public StoredDocument upsert(String container, String partitionKey, ObjectNode doc, WriteCondition condition) {
        return delegate.upsert(container, partitionKey, doc, condition);
    }

    @Override
    public void delete(String container, String partitionKey, String id, WriteCondition condition) {
        delegate.delete(container, partitionKey, id, condition);
    }

    @Override
    public Page query(String container, Query query) {
        return delegate.query(container, query);
    }

    @Override
    public List<StoredDocument> readAll(String container, Map<String, StoredDocument> knownByEtag) {
        return delegate.readAll(container, knownByEtag);
    }

    @Override
    public OptionalLong changeToken() {
        return delegate.changeToken();
    }

    @Override
    public OptionalLong changeToken(String container) {
        return delegate.changeToken(container);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
