package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.Scope;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read-only view of the current control state of every scope. The topology supplies one backed by
 * a replicated (global) store; it is used for cross-aggregate checks and for the effective mode.
 */
@FunctionalInterface
public interface ControlView {

    Optional<ControlState> control(Scope scope);

    static ControlView empty() {
        return scope -> Optional.empty();
    }

    static ControlView of(Collection<ControlState> states) {
        Map<Scope, ControlState> byScope = states.stream()
                .collect(Collectors.toUnmodifiableMap(ControlState::scope, Function.identity()));
        return scope -> Optional.ofNullable(byScope.get(scope));
    }

    /** This view with one scope's state replaced, e.g. to look at the world after a decision. */
    default ControlView with(ControlState replacement) {
        return scope -> scope.equals(replacement.scope()) ? Optional.of(replacement) : control(scope);
    }
}
