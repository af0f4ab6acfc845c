package com.tradingcontrol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HaltTallyTest {

    @Test
    void aMissCountsAsATimeoutOnItsPathAndEntersTheDistributionAtTheDeadline() {
        HaltTally tally = new HaltTally(15);
        HaltOp pause = new HaltOp(2, false, "symbol:HALT1", true);
        for (int i = 0; i < 99; i++) {
            tally.record(pause, new long[] {2_000_000, 3_000_000, 4_000_000});
        }
        tally.record(pause, new long[] {-1, 3_000_000, -1});
        tally.record(new HaltOp(0, true, "global", true), new long[] {1_000_000, 1_000_000, 1_000_000});

        assertThat(tally.timeouts("halt_ws")).isEqualTo(1);
        assertThat(tally.timeouts("halt_state_topic")).isZero();
        assertThat(tally.timeouts("halt_rest")).isEqualTo(1);
        assertThat(tally.timeouts("killswitch_ws")).isZero();
        assertThat(tally.totalTimeouts()).isEqualTo(2);
        Figure ws = tally.latencies().get("halt_ws").figure("halt_ws_load", Map.of());
        assertThat(ws.samples()).isEqualTo(100);
        assertThat(ws.p50()).isBetween(1.99, 2.01);
        assertThat(ws.max()).isBetween(14_990.0, 15_010.0);
        assertThat(HaltTally.anyTimeout(new long[] {1, -1, 1})).isTrue();
        assertThat(HaltTally.anyTimeout(new long[] {1, 1, 1})).isFalse();
    }

    @Test
    void extrasFollowTheIssueFormatInInsertionOrder() {
        Figure f = new Figure("halt_ws_load", 1.5, 20, 250, "ms", 2.0, 10, Map.of())
                .withExtra("timeouts", 3).withExtra("load_target_per_s", 1000).withExtra("load_accepted_per_s", 412L);

        assertThat(f.line()).isEqualTo("BENCH halt_ws_load p50=1.50 p99=20.00 max=250 unit=ms ratio_to_kafka=2.00"
                + " timeouts=3 load_target_per_s=1000 load_accepted_per_s=412");
        assertThat(f.ratioTo(new Figure("raw", 1, 4, 5, "ms", null, 1, Map.of())).extras())
                .containsEntry("timeouts", 3);
    }
}
