package com.tradingcontrol.client.internals;

import com.tradingcontrol.client.DecisionCause;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Scope;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending fast halts decide() applies on top of the authoritative snapshot, immutable and
 * swapped atomically like the snapshot. Signals are rare, so the common case is {@link #EMPTY}: one
 * volatile read and one branch per decision, no allocation.
 */
final class HaltOverlay {

    static final HaltOverlay EMPTY = new HaltOverlay(Map.of(), 0);

    private final Map<Scope, List<PendingHalt>> byScope;
    private final int size;

    private HaltOverlay(Map<Scope, List<PendingHalt>> byScope, int size) {
        this.byScope = byScope;
        this.size = size;
    }

    static HaltOverlay of(Collection<PendingHalt> halts) {
        if (halts.isEmpty()) {
            return EMPTY;
        }
        Map<Scope, List<PendingHalt>> byScope = new HashMap<>();
        for (PendingHalt halt : halts) {
            byScope.computeIfAbsent(halt.scope(), s -> new java.util.ArrayList<>()).add(halt);
        }
        byScope.replaceAll((scope, list) -> List.copyOf(list));
        return new HaltOverlay(Map.copyOf(byScope), halts.size());
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /**
     * Adds the causes of the halts that apply to (tenant, profile, symbol) at {@code now}: the same
     * scopes the effective-mode rule considers (validated by it before this is called).
     */
    void addCauses(String tenantId, String profileId, String symbol, Instant now, List<DecisionCause> causes) {
        add(Scope.global(), now, causes);
        if (tenantId != null) {
            add(Scope.tenant(tenantId), now, causes);
            if (profileId != null) {
                add(Scope.strategy(tenantId, profileId), now, causes);
                add(Scope.legacyStrategy(profileId), now, causes);
            }
        }
        if (symbol != null) {
            add(Scope.symbol(symbol), now, causes);
        }
    }

    private void add(Scope scope, Instant now, List<DecisionCause> causes) {
        List<PendingHalt> halts = byScope.get(scope);
        if (halts != null) {
            for (PendingHalt halt : halts) {
                if (halt.appliesAt(now)) {
                    causes.add(halt.cause());
                }
            }
        }
    }

    /** The most restrictive mode the halts impose at {@code scope} itself (ACTIVE if none). */
    ControlMode modeAt(Scope scope, Instant now) {
        ControlMode mode = ControlMode.ACTIVE;
        for (PendingHalt halt : byScope.getOrDefault(scope, List.of())) {
            if (halt.appliesAt(now) && halt.mode().compareTo(mode) > 0) {
                mode = halt.mode();
            }
        }
        return mode;
    }
}
