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

    // The lookups below are what EffectiveModeCalculator asks on every decision, with ids it has
    // already validated (symbols upper-cased). The defaults build the scope; a view on a hot path (an
    // engine client) overrides them to look up by id, without building scopes or Optionals.

    /** The global scope's state, or null. */
    default ControlState globalControl() {
        return control(Scope.global()).orElse(null);
    }

    /** {@code tenant:<tenantId>}'s state, or null. */
    default ControlState tenantControl(String tenantId) {
        return control(Scope.tenant(tenantId)).orElse(null);
    }

    /** {@code strategy:<tenantId>:<profileId>}'s state, or null. */
    default ControlState strategyControl(String tenantId, String profileId) {
        return control(Scope.strategy(tenantId, profileId)).orElse(null);
    }

    /** The legacy {@code strategy:<profileId>}'s state (see {@link Scope}), or null. */
    default ControlState legacyStrategyControl(String profileId) {
        return control(Scope.legacyStrategy(profileId)).orElse(null);
    }

    /** {@code symbol:<symbolId>}'s state, or null; {@code symbolId} is upper-cased already. */
    default ControlState symbolControl(String symbolId) {
        return control(Scope.symbol(symbolId)).orElse(null);
    }

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
