package com.tradingcontrol.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroCompatibilityCheckerTest {

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }

    private static final Schema A = record("{\"name\":\"a\",\"type\":\"string\"}");
    private static final Schema A_B_DEFAULT = record(
            "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
    private static final Schema A_B = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}");

    @Test
    void backwardAcceptsAddedDefaultedFieldAndRejectsFieldWithoutDefault() {
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.BACKWARD, A_B_DEFAULT, List.of(A))).isEmpty();
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.BACKWARD, A_B, List.of(A)))
                .singleElement().asString().contains("new schema cannot read data written with the latest version")
                .contains("b");
    }

    @Test
    void forwardChecksTheOldSchemaAsReader() {
        // Old reader A ignores the new field b, so adding a field is FORWARD compatible even without a default.
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.FORWARD, A_B, List.of(A))).isEmpty();
        // Old reader A_B needs b, which new writer A no longer writes and A_B has no default for.
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.FORWARD, A, List.of(A_B))).hasSize(1);
    }

    @Test
    void fullRequiresBothDirections() {
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.FULL, A_B_DEFAULT, List.of(A))).isEmpty();
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.FULL, A_B, List.of(A))).hasSize(1);
    }

    @Test
    void transitiveLevelsCheckEveryVersionWhileOthersOnlyTheLatest() {
        // Reading the latest (which writes b) works; reading version 1 (no b, and no default) does not.
        Schema needsA = record("{\"name\":\"a\",\"type\":\"string\"}");
        Schema noA = record("{\"name\":\"b\",\"type\":\"int\"}");
        Schema noAWithDefault = record("{\"name\":\"b\",\"type\":\"int\",\"default\":0}");
        List<Schema> history = List.of(needsA, noAWithDefault);
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.BACKWARD, noA, history)).isEmpty();
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.BACKWARD_TRANSITIVE, noA, history))
                .singleElement().asString().contains("version 1");
    }

    @Test
    void noneAndEmptyHistoryAcceptAnything() {
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.NONE, A_B, List.of(A))).isEmpty();
        assertThat(AvroCompatibilityChecker.violations(CompatibilityLevel.FULL_TRANSITIVE, A_B, List.of())).isEmpty();
    }
}
