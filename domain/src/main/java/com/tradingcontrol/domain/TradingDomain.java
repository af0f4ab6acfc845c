package com.tradingcontrol.domain;

import com.tradingcontrol.domain.config.ConfigCatalogue;
import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import com.tradingcontrol.domain.config.ConfigDecider;
import com.tradingcontrol.domain.config.ConfigEvolver;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlDecider;
import com.tradingcontrol.domain.control.ControlEvolver;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.control.TwoPersonRule;
import com.tradingcontrol.domain.profile.ProfileDecider;
import com.tradingcontrol.domain.profile.ProfileEvolver;
import com.tradingcontrol.domain.profile.ProfileState;

import java.util.List;
import java.util.Objects;

/**
 * One entry point over the three aggregates, for an adapter that keeps every aggregate's state in
 * one store keyed by aggregate id (see {@link AggregateIds}). Pure: no I/O. Deciding a command at
 * most once per command id is the adapter's job (the processors' IdempotencyGate keeps every outcome).
 */
public final class TradingDomain {

    private final ConfigDecider configDecider;

    public TradingDomain(ConfigCatalogue catalogue) {
        this.configDecider = new ConfigDecider(Objects.requireNonNull(catalogue, "catalogue"));
    }

    /** A domain using the catalogue shipped in this module ({@code config-catalogue.json}). */
    public static TradingDomain withDefaultCatalogue() {
        return new TradingDomain(ConfigCatalogueLoader.loadDefault());
    }

    public ConfigCatalogue catalogue() {
        return configDecider.catalogue();
    }

    /**
     * The state of an aggregate that has no events yet.
     *
     * @throws IllegalArgumentException (an {@link InvalidScopeException} for a bad control id) if the id is malformed
     */
    public static AggregateState initialState(String aggregateId) {
        if (aggregateId.startsWith(AggregateIds.CONFIG_PREFIX)) {
            return ConfigState.initial(aggregateId.substring(AggregateIds.CONFIG_PREFIX.length()));
        }
        if (aggregateId.startsWith(AggregateIds.PROFILE_PREFIX)) {
            String rest = aggregateId.substring(AggregateIds.PROFILE_PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("profile aggregate id must be profile:<tenantId>:<profileId>, got "
                        + aggregateId);
            }
            return ProfileState.initial(rest.substring(0, colon), rest.substring(colon + 1));
        }
        return ControlState.initial(Scope.parse(aggregateId));
    }

    /**
     * Decides one command.
     *
     * @param state the current state of {@code AggregateIds.of(envelope.payload())}, or null if it has no events yet
     * @param view  current control state of all scopes, for cross-aggregate checks and notes
     */
    public Decision decide(CommandEnvelope envelope, AggregateState state, ControlView view) {
        return decide(envelope, state, view, TwoPersonRule.DEFAULT);
    }

    /**
     * Decides one command under the two-person rules in force (the config keys
     * {@link ProposalAction#configKey()}).
     */
    public Decision decide(CommandEnvelope envelope, AggregateState state, ControlView view, TwoPersonRule rule) {
        Command command = envelope.payload();
        AggregateState current = state;
        if (current == null) {
            try {
                current = initialState(AggregateIds.of(command));
            } catch (InvalidScopeException e) {
                // Not a routing bug: the command itself names no valid scope; that is a validation outcome.
                return Decision.rejected(RejectionCode.VALIDATION_FAILED, e.getMessage());
            }
        }
        if (command instanceof ControlCommand) {
            return ControlDecider.decide(envelope, (ControlState) current, view, rule);
        }
        if (command instanceof UpdateConfig) {
            return configDecider.decide(envelope, (ConfigState) current);
        }
        return ProfileDecider.decide(envelope, (ProfileState) current, view);
    }

    /**
     * Folds one event into its aggregate's state (version + 1).
     *
     * @param state the current state, or null if the aggregate has no events yet
     */
    public static AggregateState evolve(AggregateState state, RecordedEvent recorded) {
        AggregateState current = state != null ? state : initialState(AggregateIds.of(recorded.event()));
        if (current instanceof ControlState control) {
            return ControlEvolver.evolve(control, recorded);
        }
        if (current instanceof ConfigState config) {
            return ConfigEvolver.evolve(config, recorded);
        }
        if (current instanceof ProfileState profile) {
            return ProfileEvolver.evolve(profile, recorded);
        }
        throw new IllegalArgumentException("unknown aggregate state type " + current.getClass().getName());
    }

    public static AggregateState evolveAll(AggregateState state, List<RecordedEvent> events) {
        AggregateState current = state;
        for (RecordedEvent event : events) {
            current = evolve(current, event);
        }
        return current;
    }
}
