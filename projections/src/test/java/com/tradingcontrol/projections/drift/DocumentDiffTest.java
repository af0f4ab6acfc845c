package com.tradingcontrol.projections.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DocumentDiffTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private ObjectNode json(String text) throws Exception {
        return (ObjectNode) mapper.readTree(text);
    }

    @Test
    void reportsChangedMissingAndExtraFieldsByPath() throws Exception {
        var diffs = DocumentDiff.compare(json("{\"a\":1,\"b\":{\"c\":\"x\",\"d\":true},\"e\":[1,2]}"),
                json("{\"a\":1.0,\"b\":{\"c\":\"y\"},\"e\":[1,2],\"f\":null}"));
        assertThat(diffs).extracting(DocumentDiff.FieldDifference::field).containsExactly("b.c", "b.d", "f");
        assertThat(diffs.get(0).expected().asText()).isEqualTo("x");
        assertThat(diffs.get(0).actual().asText()).isEqualTo("y");
        assertThat(diffs.get(1).actual()).isNull();
        assertThat(diffs.get(2).expected()).isNull();
    }

    @Test
    void equalDocumentsHaveNoDifferences() throws Exception {
        assertThat(DocumentDiff.compare(json("{\"a\":5,\"b\":[\"x\"]}"), json("{\"b\":[\"x\"],\"a\":5}"))).isEmpty();
    }
}
