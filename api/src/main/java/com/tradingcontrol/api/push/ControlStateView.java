package com.tradingcontrol.api.push;

import com.tradingcontrol.api.ports.ReadBarrier;
import com.tradingcontrol.domain.InvalidScopeException;
import com.tradingcontrol.domain.Scope;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This API instance's own copy of {@code trading.control-state} (every scope's current state), fed
 * by the control-state consumer. It answers the websocket snapshot ({@link ControlStateSnapshot})
 * and is a {@link ReadBarrier} for trading-control aggregates: a waited command claims
 * read-your-writes only once this view shows the resulting version, so a read through this
 * instance right after reflects it.
 */
public final class ControlStateView implements ReadBarrier {
    private final Map<String, ScopeState> states = new HashMap<>();
    private final Clock clock;

    public ControlStateView(Clock clock) {
        this.clock = clock;
    }

    /** Applies a state unless it is older than what is held (a replayed or compacted duplicate). */
    public synchronized boolean apply(ScopeState state) {
        ScopeState current = states.get(state.scope());
        if (current != null && current.version() > state.version()) {
            return false;
        }
        states.put(state.scope(), state);
        return true;
    }

    /** A tombstone on the compacted topic: the scope has no state any more. */
    public synchronized void remove(String scope) {
        states.remove(scope);
    }

    public synchronized Optional<ScopeState> state(String scope) {
        return Optional.ofNullable(states.get(scope));
    }

    /** Every scope, global first then by name. */
    public synchronized List<ScopeState> all() {
        return states.values().stream()
                .sorted(Comparator.comparing((ScopeState s) -> !s.scope().equals("global")).thenComparing(ScopeState::scope))
                .toList();
    }

    @Override
    public boolean covers(String aggregateId) {
        try {
            Scope.parse(aggregateId);
            return true;
        } catch (InvalidScopeException e) {
            return false; // config:<key> and profile:<t>:<id> aggregates are not control scopes
        }
    }

    /** A scope without state is at version 0, so a no-op outcome on a fresh scope passes at once. */
    @Override
    public synchronized long currentVersion(String aggregateId) {
        return versionOf(aggregateId);
    }

    private long versionOf(String scope) {
        ScopeState state = states.get(scope);
        return state == null ? 0 : state.version();
    }
}
