package com.tradingcontrol.domain.config;

import com.tradingcontrol.domain.Checks;
import com.tradingcontrol.domain.CommandEnvelope;
import com.tradingcontrol.domain.ConfigUpdated;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.Decision;
import com.tradingcontrol.domain.RejectionCode;
import com.tradingcontrol.domain.UpdateConfig;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides {@link UpdateConfig} against the catalogue. Order: a role that may change some key,
 * the key, the role the key requires, reason, type and bounds, optimistic concurrency, then
 * "is it a change at all".
 */
public final class ConfigDecider {

    private final ConfigCatalogue catalogue;

    public ConfigDecider(ConfigCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public ConfigCatalogue catalogue() {
        return catalogue;
    }

    /**
     * @param state the state of {@code config:<key>}
     * @throws IllegalArgumentException if the payload is not UpdateConfig or the state is another key's
     */
    public Decision decide(CommandEnvelope envelope, ConfigState state) {
        if (!(envelope.payload() instanceof UpdateConfig command)) {
            throw new IllegalArgumentException("not a config command: " + envelope.payload());
        }
        Optional<Decision.Rejected> forbidden =
                Checks.authorized(envelope.actor(), catalogue.rolesAllowedAnywhere(), "change configuration");
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        if (command.key() == null || command.key().isBlank()) {
            return Decision.rejected(RejectionCode.VALIDATION_FAILED, "key must not be empty");
        }
        Optional<ConfigKeyDefinition> found = catalogue.find(command.key());
        if (found.isEmpty()) {
            return Decision.rejected(RejectionCode.UNKNOWN_CONFIG_KEY, "unknown config key '" + command.key() + "'");
        }
        ConfigKeyDefinition definition = found.get();
        ConfigValue value = command.value() == null ? null : definition.coerce(command.value());
        Optional<Decision.Rejected> failure = Checks.firstFailure(
                () -> Checks.authorized(envelope.actor(), definition.changeRoles(), "change " + definition.key()),
                () -> Checks.reason(command.reason()),
                () -> definition.problemWith(value)
                        .map(problem -> Decision.rejected(RejectionCode.VALIDATION_FAILED, problem)));
        if (failure.isPresent()) {
            return failure.get();
        }
        if (!state.key().equals(command.key())) {
            throw new IllegalArgumentException("command for " + command.key() + " routed to " + state.aggregateId());
        }
        Optional<Decision.Rejected> conflict = Checks.expectedVersion(envelope, state);
        if (conflict.isPresent()) {
            return conflict.get();
        }
        return change(command, value, state, definition);
    }

    private static Decision change(UpdateConfig command, ConfigValue value, ConfigState state,
                                   ConfigKeyDefinition definition) {
        ConfigValue current = state.effectiveValue(definition);
        if (current.equals(value)) {
            return Decision.noOp(command.key() + " is already " + value.display());
        }
        return Decision.accepted(new ConfigUpdated(command.key(), value, current, command.reason()));
    }
}
