package com.tradingcontrol.projections.drift;

import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.projections.projector.ContainerNames;
import com.tradingcontrol.projections.projector.DocumentWriter;
import com.tradingcontrol.projections.projector.EventFolding;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.projector.RecordProjector;
import com.tradingcontrol.projections.store.Page;
import com.tradingcontrol.projections.store.ProjectionStore;
import com.tradingcontrol.projections.store.Query;
import com.tradingcontrol.projections.store.StoredDocument;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * Folds the whole log from scratch into a private in-memory store and compares every document of
 * every container with the projected version: missing, extra and differing fields. Run it when the
 * projector has caught up (documents newer than the log snapshot the check read show up as
 * differences).
 *
 * <p>The expected documents come from the domain's fold, not the projector's: each aggregate's state
 * is kept in memory and folded with {@link TradingDomain#evolve}, and only its rendering as a document
 * is shared with the projector ({@link EventFolding#updateFor(EventEnvelope, AggregateState)}). The
 * projector instead reads each state back from the stored document, so a document that lost or
 * garbled something on its way through the store shows up here instead of being folded onward.
 */
public final class DriftCheck {

    private final EventLog log;
    private final RecordProjector projector;

    /** @param projector decodes records; only its decoders are used, writes go to the private store */
    public DriftCheck(EventLog log, RecordProjector projector) {
        this.log = log;
        this.projector = projector;
    }

    public DriftReport check(ProjectionStore actual, ContainerNames names) {
        try (SqliteProjectionStore expected = SqliteProjectionStore.inMemory()) {
            names.specs().forEach(expected::createContainerIfAbsent);
            DocumentWriter writer = new DocumentWriter(expected);
            RecordProjector audit = projector.to(writer, names);
            Map<String, AggregateState> states = new HashMap<>();
            AtomicLong records = new AtomicLong();
            Map<TopicPartition, Long> end = log.readAll(record -> {
                if (projector.isEvent(record)) {
                    EventEnvelope event = projector.event(record);
                    AggregateState next = TradingDomain.evolve(states.get(event.getAggregateId()),
                            EventFolding.recorded(event));
                    states.put(event.getAggregateId(), next);
                    writer.apply(names, EventFolding.updateFor(event, next));
                } else {
                    audit.apply(record);
                }
                records.incrementAndGet();
            });
            List<Difference> differences = new ArrayList<>();
            long compared = 0;
            for (ProjectionContainer container : ProjectionContainer.values()) {
                String name = names.name(container);
                compared += compare(name, all(expected, name), all(actual, name), differences);
            }
            return new DriftReport(end, records.get(), compared, differences);
        }
    }

    private static long compare(String container, Map<String, StoredDocument> expected,
                                Map<String, StoredDocument> actual, List<Difference> out) {
        for (Map.Entry<String, StoredDocument> e : expected.entrySet()) {
            StoredDocument want = e.getValue();
            StoredDocument have = actual.get(e.getKey());
            if (have == null) {
                out.add(new Difference(container, want.partitionKey(), want.id(), Difference.Kind.MISSING, null, null, null));
                continue;
            }
            for (DocumentDiff.FieldDifference f : DocumentDiff.compare(want.body(), have.body())) {
                out.add(new Difference(container, want.partitionKey(), want.id(), Difference.Kind.FIELD, f.field(),
                        text(f.expected()), text(f.actual())));
            }
        }
        actual.forEach((key, have) -> {
            if (!expected.containsKey(key)) {
                out.add(new Difference(container, have.partitionKey(), have.id(), Difference.Kind.EXTRA, null, null, null));
            }
        });
        Set<String> union = new HashSet<>(expected.keySet());
        union.addAll(actual.keySet());
        return union.size();
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.toString();
    }

    /** Every document of a container, keyed by partition key and id. */
    static Map<String, StoredDocument> all(ProjectionStore store, String container) {
        Map<String, StoredDocument> out = new LinkedHashMap<>();
        Query query = Query.crossPartition().pageSize(Query.MAX_PAGE_SIZE);
        Page page;
        do {
            page = store.query(container, query);
            page.items().forEach(d -> out.put(d.partitionKey() + "\u0000" + d.id(), d));
            query = query.continuation(page.continuation());
        } while (page.hasMore());
        return out;
    }

}
