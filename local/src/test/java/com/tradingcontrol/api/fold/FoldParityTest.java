package com.tradingcontrol.api.fold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fold, checked: random valid command sequences run through the real processors, and the domain's
 * fold of the events they write, the projector's documents and the API's views (push view, reads,
 * effective decision) must agree field by field after every sequence. Seeded: a failure prints the
 * seed, which replays the run ({@code -Dfold.seed=...}).
 */
class FoldParityTest {

    private static final long SEED = Long.getLong("fold.seed", 20_261_207L);
    /** Sequences per processor instance (they share global and the config keys), and instances. */
    private static final int PER_PIPELINE = 50;
    private static final int PIPELINES = 20;
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> EVENT_TYPES = List.of("TradingPaused", "TradingResumed", "PauseExpired",
            "ReduceOnlySet", "ReduceOnlyLifted", "ReduceOnlyExpired", "KillSwitchEngaged", "KillSwitchReleased",
            "KillSwitchReleaseProposed", "KillSwitchReleaseRejected", "KillSwitchReleaseCancelled",
            "KillSwitchReleaseExpired", "TwoPersonProposed",
            "MaintenanceModeChanged", "ConfigUpdated", "ProfileCreated", "ProfileEnabled", "ProfileDisabled");

    @TempDir
    Path stateDirs;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theProcessorsTheProjectorAndTheApiViewsFoldEveryRandomHistoryAlike() {
        Map<String, Integer> coverage = new HashMap<>();
        int sequences = 0;
        for (int pipeline = 0; pipeline < PIPELINES; pipeline++) {
            try (FoldPipeline p = new FoldPipeline(stateDirs.resolve("p" + pipeline), START)) {
                for (int i = 0; i < PER_PIPELINE; i++) {
                    int n = pipeline * PER_PIPELINE + i;
                    RandomHistories history = new RandomHistories(SEED * 1_000_003L + n, n);
                    List<RandomHistories.Step> steps = history.steps(12, p.now());
                    p.run(steps);
                    List<String> differences = FoldComparison.differences(p, history);
                    if (!differences.isEmpty()) {
                        fail("the folds disagree after sequence " + n + " (seed " + SEED + ", -Dfold.seed=" + SEED
                                + " replays it) whose last steps were\n  " + String.join("\n  ",
                                steps.stream().map(Object::toString).toList()) + "\n" + String.join("\n",
                                differences.subList(0, Math.min(5, differences.size())))
                                + (differences.size() > 5 ? "\n... and " + (differences.size() - 5) + " more" : ""));
                    }
                    sequences++;
                }
                p.eventTypes.forEach((type, count) -> coverage.merge(type, count, Integer::sum));
            }
        }
        assertThat(sequences).isGreaterThanOrEqualTo(1_000);
        assertThat(coverage).as("every event type was folded").containsKeys(EVENT_TYPES.toArray(String[]::new));
    }
}
