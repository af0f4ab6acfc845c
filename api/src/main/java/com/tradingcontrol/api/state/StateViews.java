package com.tradingcontrol.api.state;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.ControlMode;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.config.ConfigCatalogue;
import com.tradingcontrol.domain.config.ConfigKeyDefinition;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.Cause;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.EffectiveModeCalculator;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.api.reads.ConfigEntries;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code GET /api/state} body, built from domain states. */
public final class StateViews {

    public record Change(String by, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant at, String reason) {}

    public record ControlEntry(String scope, long version, String mode, boolean paused, Change pause,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) Instant expiresAt, boolean killSwitch, Change killSwitchBy, boolean maintenance,
                               String maintenanceMessage, Change maintenanceBy, boolean reduceOnly,
                               Change reduceOnlyBy,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) Instant reduceOnlyExpiresAt) {}

    public record ConfigEntry(String key, long version, JsonNode value, Change lastChange) {}

    public record ProfileEntry(String profileId, String tenantId, String name, boolean enabled, long version,
                               Change lastChange) {}

    /**
     * @param complete      false when events that may have occurred at or before asOf could not be folded
     * @param skippedEvents how many (0 when complete)
     */
    public record State(@JsonFormat(shape = JsonFormat.Shape.STRING) Instant asOf, List<ControlEntry> control, List<ConfigEntry> config,
                        List<ProfileEntry> profiles, long replayedEvents, boolean complete, long skippedEvents) {}

    private StateViews() {
    }

    public static State of(Instant asOf, Collection<AggregateState> states, ConfigCatalogue catalogue, long replayed,
                           long skipped) {
        List<ControlEntry> control = states.stream().filter(ControlState.class::isInstance).map(ControlState.class::cast)
                .map(s -> control(s, asOf)).sorted(Comparator.comparing(ControlEntry::scope)).toList();
        Map<String, ConfigState> configs = states.stream().filter(ConfigState.class::isInstance)
                .map(ConfigState.class::cast).collect(Collectors.toMap(ConfigState::key, Function.identity()));
        List<ConfigEntry> config = catalogue.keys().values().stream()
                .sorted(Comparator.comparing(ConfigKeyDefinition::key))
                .map(def -> config(def, configs.get(def.key()))).toList();
        List<ProfileEntry> profiles = states.stream().filter(ProfileState.class::isInstance).map(ProfileState.class::cast)
                .filter(ProfileState::exists)
                .map(p -> new ProfileEntry(p.profileId(), p.tenantId(), p.name(), p.enabled(), p.version(), change(p.lastChange())))
                .sorted(Comparator.comparing(ProfileEntry::tenantId).thenComparing(ProfileEntry::profileId)).toList();
        return new State(asOf, control, config, profiles, replayed, skipped == 0, skipped);
    }

    private static ControlEntry control(ControlState s, Instant asOf) {
        List<Cause> causes = EffectiveModeCalculator.causesOf(s, asOf);
        ControlMode mode = causes.stream().map(Cause::mode).max(Comparator.naturalOrder()).orElse(ControlMode.ACTIVE);
        boolean paused = s.isPausedAt(asOf);
        boolean reduceOnly = s.isReduceOnlyAt(asOf);
        return new ControlEntry(s.scope().toString(), s.version(), mode.name(), paused,
                paused ? change(s.pause().setBy()) : null, paused ? s.pause().expiresAt() : null,
                s.isKillSwitchEngaged(), s.isKillSwitchEngaged() ? change(s.killSwitch().engagedBy()) : null,
                s.isMaintenanceOn(), s.isMaintenanceOn() ? s.maintenance().message() : null,
                s.isMaintenanceOn() ? change(s.maintenance().enabledBy()) : null,
                reduceOnly, reduceOnly ? change(s.reduceOnly().setBy()) : null,
                reduceOnly ? s.reduceOnly().expiresAt() : null);
    }

    private static ConfigEntry config(ConfigKeyDefinition def, ConfigState state) {
        if (state == null) {
            return new ConfigEntry(def.key(), 0, json(def.defaultValue()), null);
        }
        return new ConfigEntry(def.key(), state.version(), json(state.effectiveValue(def)), change(state.lastChange()));
    }

    private static Change change(Provenance p) {
        return p == null ? null : new Change(p.actorSubject(), p.at(), p.reason());
    }

    private static JsonNode json(ConfigValue value) {
        return ConfigEntries.json(value);
    }
}
