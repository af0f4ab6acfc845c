package com.tradingcontrol.processors.topology;

import com.tradingcontrol.codec.ConfigSettingMapper;
import com.tradingcontrol.codec.ProfileStatusMapper;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the full state of profile and config aggregates to the compacted {@code trading.profile-state}
 * (key: aggregate id) and {@code trading.config-state} (key: catalogue key), so a trading engine needs nothing
 * but Kafka and the registry. Records go through the decide step's context, so each one commits in the
 * transaction of the change it shows, with its events, outcome and audit record.
 *
 * <p>Why a catch-up: aggregates that predate these topics have no record there, and an engine would take an
 * existing profile for unknown. {@link #catchUp} publishes, once per task incarnation and before the task's
 * first command, every aggregate of the task whose current version is not what the topic shows (the global
 * stores over both topics, {@link StoreNames#PROFILE_STATE_VIEW} and {@link StoreNames#CONFIG_STATE_VIEW}):
 * after the upgrade that introduced the topics, all of them; after a rolling upgrade in which an older instance
 * changed some, those; after a topic was lost and recreated, everything again. The global stores are read to
 * the end before any task starts; one that lags behind a task's previous owner only causes a repeat of the
 * latest record, which is harmless for a full-state record.
 */
final class StatePublications {
    private static final Logger LOG = LoggerFactory.getLogger(StatePublications.class);

    private final ProcessorContext<String, Emission> context;
    private final AggregateStores stores;
    private final KeyValueStore<String, ProfileStatus> profilesOnTopic;
    private final KeyValueStore<String, ConfigSetting> configsOnTopic;
    private boolean caughtUp;

    StatePublications(ProcessorContext<String, Emission> context, AggregateStores stores) {
        this.context = context;
        this.stores = stores;
        this.profilesOnTopic = context.getStateStore(StoreNames.PROFILE_STATE_VIEW);
        this.configsOnTopic = context.getStateStore(StoreNames.CONFIG_STATE_VIEW);
    }

    /**
     * Forwards the state record of a created profile or a set config key.
     *
     * @return false for any other state (control aggregates have their own topic), which is not published
     */
    boolean publish(AggregateState state, long timestamp) {
        if (state instanceof ProfileState profile && profile.exists()) {
            forward(ProfileStatusMapper.key(profile), new Emission.Profile(ProfileStatusMapper.toAvro(profile)),
                    timestamp);
            return true;
        }
        if (state instanceof ConfigState config && config.value() != null) {
            forward(ConfigSettingMapper.key(config), new Emission.Config(ConfigSettingMapper.toAvro(config)),
                    timestamp);
            return true;
        }
        return false;
    }

    /**
     * The first call of a task incarnation publishes every profile and config aggregate of the task whose
     * current version is not on its topic; later calls do nothing.
     *
     * @return how many states were published (then the caller should commit)
     */
    int catchUp(long timestamp) {
        if (caughtUp) {
            return 0;
        }
        caughtUp = true;
        int profiles = catchUp(stores.profile, p -> version(profilesOnTopic.get(ProfileStatusMapper.key(p))),
                timestamp);
        int configs = catchUp(stores.config, c -> version(configsOnTopic.get(ConfigSettingMapper.key(c))),
                timestamp);
        if (profiles + configs > 0) {
            LOG.info("Task {} published {} profile and {} config states that were not on their topics yet",
                    context.taskId(), profiles, configs);
        }
        return profiles + configs;
    }

    private <S extends AggregateState> int catchUp(KeyValueStore<String, S> store, Function<S, Long> onTopic,
                                                   long timestamp) {
        int count = 0;
        try (KeyValueIterator<String, S> all = store.all()) {
            while (all.hasNext()) {
                S state = all.next().value;
                Long published = onTopic.apply(state);
                if ((published == null || published != state.version()) && publish(state, timestamp)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static Long version(ProfileStatus record) {
        return record == null ? null : record.getVersion();
    }

    private static Long version(ConfigSetting record) {
        return record == null ? null : record.getVersion();
    }

    private void forward(String key, Emission emission, long timestamp) {
        context.forward(new Record<>(key, emission, timestamp));
    }
}
