package com.tradingcontrol.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which measured changes are kill switches is fixed by the sequence, never by the machine's speed. */
class HaltSequenceTest {

    @Test
    void theMeasuredSequenceStartsWithAKillSwitchPairAndAlternatesOnOff() {
        List<HaltOp> ops = IntStream.range(0, 4).mapToObj(i -> HaltPropagation.op(i, "HALT")).toList();
        assertThat(ops).extracting(HaltOp::killSwitch).containsExactly(true, true, false, false);
        assertThat(ops).extracting(HaltOp::on).containsExactly(true, false, true, false);
        assertThat(ops.get(2).scope()).isEqualTo("symbol:HALT1").isEqualTo(ops.get(3).scope());
    }

    @Test
    void everyFifthPairIsAKillSwitchAndTheRestPauseOneOfTwentySymbolsOfTheirPrefix() {
        for (int i = 0; i < 400; i++) {
            HaltOp op = HaltPropagation.op(i, "WARM");
            assertThat(op.killSwitch()).as("change %d", i).isEqualTo((i / 2) % 5 == 0);
            if (!op.killSwitch()) {
                assertThat(op.scope()).isEqualTo("symbol:WARM" + (i / 2) % 20);
            }
        }
    }
}
