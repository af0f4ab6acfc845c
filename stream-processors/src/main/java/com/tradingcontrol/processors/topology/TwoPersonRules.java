package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.ConfigValues;
import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.Command;
import com.tradingcontrol.domain.ReleaseKillSwitch;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.TwoPersonRule;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The two-person rule in force when a command is decided, from the config key
 * {@link TwoPersonRule#KILL_SWITCH_RELEASE_KEY}: this task's own config aggregate when its partition
 * holds the key (exact, read-your-writes), else the key as published on trading.config-state (another
 * task's partition; a change takes effect once it is published there), else the catalogue default (on).
 */
final class TwoPersonRules {
    private final AggregateStores stores;
    private final KeyValueStore<String, ConfigSetting> published;

    TwoPersonRules(AggregateStores stores, KeyValueStore<String, ConfigSetting> published) {
        this.stores = stores;
        this.published = published;
    }

    /** The rule for this command; only a release consults the config (every other command: the default). */
    TwoPersonRule forCommand(Command command) {
        if (!(command instanceof ReleaseKillSwitch)) {
            return TwoPersonRule.DEFAULT;
        }
        String key = TwoPersonRule.KILL_SWITCH_RELEASE_KEY;
        ConfigState own = stores.config.get(AggregateIds.config(key));
        if (own != null && own.value() != null) {
            return TwoPersonRule.of(own.value());
        }
        ConfigSetting setting = published.get(key);
        return setting == null ? TwoPersonRule.DEFAULT : TwoPersonRule.of(ConfigValues.fromAvro(setting.getValue()));
    }
}
