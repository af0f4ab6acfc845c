package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.ConfigValues;
import com.tradingcontrol.domain.AggregateIds;
import com.tradingcontrol.domain.Command;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.TwoPersonRule;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The two-person rules in force when a command is decided, from the config key of the action the
 * command would propose ({@link ProposalAction#configKey()}): this task's own config aggregate when its
 * partition holds the key (exact, read-your-writes), else the key as published on trading.config-state
 * (another task's partition; a change takes effect once it is published there), else the catalogue
 * default (kill-switch release on, global resume and maintenance off off).
 */
final class TwoPersonRules {
    private final AggregateStores stores;
    private final KeyValueStore<String, ConfigSetting> published;

    TwoPersonRules(AggregateStores stores, KeyValueStore<String, ConfigSetting> published) {
        this.stores = stores;
        this.published = published;
    }

    /**
     * The rules for this command; only a command that may propose (a release, a global resume,
     * maintenance off) consults the config, for its own action (every other command: the defaults).
     */
    TwoPersonRule forCommand(Command command) {
        ProposalAction action = ProposalAction.proposedBy(command);
        if (action == null) {
            return TwoPersonRule.DEFAULT;
        }
        ConfigState own = stores.config.get(AggregateIds.config(action.configKey()));
        if (own != null && own.value() != null) {
            return TwoPersonRule.DEFAULT.with(action, own.value());
        }
        ConfigSetting setting = published.get(action.configKey());
        return setting == null ? TwoPersonRule.DEFAULT
                : TwoPersonRule.DEFAULT.with(action, ConfigValues.fromAvro(setting.getValue()));
    }
}
