package com.tradingcontrol.api.engines;

import com.tradingcontrol.domain.engines.EngineStatus;
import com.tradingcontrol.domain.engines.Propagation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator is warned about: engines that stopped reporting, and recent halts that an expected
 * engine has not applied within the SLO (a halt stays flagged until that engine reports it applied or the
 * halt is older than {@code engines.forgetAfter}).
 *
 * @param missedHalts command id of each flagged halt → the engines that missed it
 */
public record EngineFlags(int alive, List<String> stale, Map<String, List<String>> missedHalts) {
    static EngineFlags of(List<EngineStatus> engines, List<Propagation> recentHalts) {
        List<String> stale = engines.stream().filter(e -> !e.alive()).map(EngineStatus::engineId).toList();
        Map<String, List<String>> missed = new LinkedHashMap<>();
        for (Propagation halt : recentHalts) {
            if (!halt.missed().isEmpty()) {
                missed.put(halt.commandId(), halt.missed());
            }
        }
        return new EngineFlags(engines.size() - stale.size(), stale, Collections.unmodifiableMap(missed));
    }

    public boolean any() {
        return !stale.isEmpty() || !missedHalts.isEmpty();
    }
}
