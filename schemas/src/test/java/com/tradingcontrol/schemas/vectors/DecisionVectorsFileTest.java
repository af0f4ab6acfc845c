package com.tradingcontrol.schemas.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.vectors.DecisionVectors.Case;
import com.tradingcontrol.schemas.vectors.DecisionVectors.Expected;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped vectors file itself: it loads from the jar's classpath, is documented, and every
 * expectation is well-formed (an implementation-independent check; the implementations' own tests
 * run the cases).
 */
class DecisionVectorsFileTest {

    private static final List<String> MODES = List.of("ACTIVE", "REDUCE_ONLY", "PAUSED", "HALTED");

    private final DecisionVectors vectors = DecisionVectors.load();

    @Test
    void isDocumentedAndLargeEnough() {
        assertThat(vectors.version()).isEqualTo(1);
        assertThat(vectors.header().path("doc").asText()).contains("trading.control-state");
        assertThat(vectors.header().path("fields").size()).isGreaterThanOrEqualTo(10);
        assertThat(vectors.cases()).hasSizeGreaterThanOrEqualTo(60);
        Set<String> names = new HashSet<>();
        vectors.cases().forEach(c -> assertThat(names.add(c.name())).as("unique name %s", c.name()).isTrue());
    }

    @Test
    void everyExpectedDecisionIsConsistent() {
        for (Case c : vectors.cases()) {
            Expected e = c.expected();
            assertThat(c.doc()).as(c.name()).isNotBlank();
            if (e.isError()) {
                continue;
            }
            assertThat(e.mayOpen()).as(c.name()).isEqualTo(e.mode().equals("ACTIVE"));
            assertThat(e.mayReduce()).as(c.name()).isEqualTo(e.mode().equals("ACTIVE") || e.mode().equals("REDUCE_ONLY"));
            assertThat(e.causes().isEmpty()).as(c.name()).isEqualTo(e.mode().equals("ACTIVE"));
            for (int i = 0; i < e.causes().size(); i++) {
                int rank = MODES.indexOf(e.causes().get(i).mode());
                assertThat(rank).as(c.name()).isPositive();
                int first = MODES.indexOf(e.mode());
                assertThat(rank).as("%s: causes most restrictive first", c.name()).isLessThanOrEqualTo(
                        i == 0 ? first : MODES.indexOf(e.causes().get(i - 1).mode()));
            }
            assertThat(e.maintenance()).as(c.name())
                    .isEqualTo(e.causes().stream().anyMatch(x -> x.kind().equals("MAINTENANCE")));
        }
    }

    @Test
    void recordsAreTheContractsAvroRecordsWithTheirKeys() {
        for (Case c : vectors.cases()) {
            c.controlState().forEach(r -> assertThat(r.key()).as(c.name()).isEqualTo(r.value().getScope()));
            c.profileState().forEach(r -> assertThat(r.key()).as(c.name())
                    .isEqualTo("profile:" + r.value().getTenantId() + ":" + r.value().getProfileId()));
        }
    }

    @Test
    void coversTheKindsTheIssueNames() {
        Set<String> kinds = new HashSet<>();
        vectors.cases().forEach(c -> c.expected().causes().forEach(x -> kinds.add(x.kind())));
        assertThat(kinds).contains("KILL_SWITCH", "MAINTENANCE", "PAUSE", "REDUCE_ONLY", "PROFILE_DISABLED", "PROFILE_UNKNOWN");
        assertThat(vectors.cases()).anyMatch(c -> c.controlState().stream()
                .anyMatch(r -> r.value().getControls().isEmpty() && r.value().getMode().name().equals("PAUSED")));
        assertThat(vectors.cases()).anyMatch(c -> c.expected().isError());
    }
}
