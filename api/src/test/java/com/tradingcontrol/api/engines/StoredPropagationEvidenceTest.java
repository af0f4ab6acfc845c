package com.tradingcontrol.api.engines;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.projections.store.sqlite.SqliteProjectionStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoredPropagationEvidenceTest {
    private final SqliteProjectionStore store = SqliteProjectionStore.inMemory();
    private final StoredPropagationEvidence evidence = new StoredPropagationEvidence(store, "t-");

    @AfterEach
    void close() {
        store.close();
    }

    private static ObjectNode propagation(String commandId, String decision) {
        return JsonNodeFactory.instance.objectNode().put("commandId", commandId).put("halt", true)
                .put("decision", decision);
    }

    @Test
    void givenSeveralChangedHaltsWhenKeptTogetherThenEachIsReadBackAsKeptAndALaterBatchReplacesIt() {
        Map<String, ObjectNode> batch = new LinkedHashMap<>();
        batch.put("h1", propagation("h1", "UNDECIDED"));
        batch.put("h2", propagation("h2", "ACCEPTED"));

        evidence.keepAll(batch);
        evidence.keepAll(Map.of("h1", propagation("h1", "REJECTED")));

        assertThat(evidence.find("h1")).hasValue(propagation("h1", "REJECTED"));
        assertThat(evidence.find("h2")).hasValue(propagation("h2", "ACCEPTED"));
        assertThat(evidence.find("h3")).isEmpty();
        assertThat(batch.get("h2").has("id")).as("the caller's view is not changed").isFalse();
    }
}
