package com.tradingcontrol.client.internals;

import com.tradingcontrol.codec.ConfigValues;
import com.tradingcontrol.codec.ControlStateMapper;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.control.ProfileLookup;
import com.tradingcontrol.schemas.avro.ConfigSetting;
import com.tradingcontrol.schemas.avro.ControlState;
import com.tradingcontrol.schemas.avro.ProfileStatus;
import com.tradingcontrol.schemas.registry.SchemaRegistryClient;
import com.tradingcontrol.schemas.serde.AvroDeserializer;
import com.tradingcontrol.schemas.topics.TopicNames;

/**
 * Applies one raw record of a state topic to a {@link StateFolder}: Confluent wire format decoded
 * with the contracts' deserializer, mapped to the domain with the codec. A {@code null} value is a
 * tombstone. Bad data raises {@link org.apache.kafka.common.errors.SerializationException} (or an
 * {@link IllegalArgumentException} for a malformed scope); an unreachable registry raises
 * {@link com.tradingcontrol.schemas.registry.SchemaRegistryException}.
 */
final class RecordDecoder {

    static final String PROFILE_KEY_PREFIX = "profile:";

    private final AvroDeserializer<ControlState> controls;
    private final AvroDeserializer<ProfileStatus> profiles;
    private final AvroDeserializer<ConfigSetting> configs;

    RecordDecoder(SchemaRegistryClient registry) {
        this.controls = AvroDeserializer.specific(registry, ControlState.class);
        this.profiles = AvroDeserializer.specific(registry, ProfileStatus.class);
        this.configs = AvroDeserializer.specific(registry, ConfigSetting.class);
    }

    void apply(StateFolder folder, String topic, String key, byte[] value) {
        switch (topic) {
            case TopicNames.CONTROL_STATE -> applyControl(folder, key, value);
            case TopicNames.PROFILE_STATE -> applyProfile(folder, key, value);
            case TopicNames.CONFIG_STATE -> applyConfig(folder, key, value);
            default -> throw new IllegalStateException("not a state topic: " + topic);
        }
    }

    private void applyControl(StateFolder folder, String key, byte[] value) {
        if (value == null) {
            folder.control(Scope.parse(key), null, null);
            return;
        }
        ControlState avro = controls.deserialize(TopicNames.CONTROL_STATE, value);
        com.tradingcontrol.domain.control.ControlState state = ControlStateMapper.fromAvro(avro);
        folder.control(state.scope(), state, commandIdOf(avro.getLastEventId()));
    }

    /** Event ids are {@code <commandId>:<index>} (see the codec), so the last event names its command. */
    static String commandIdOf(String eventId) {
        int colon = eventId == null ? -1 : eventId.lastIndexOf(':');
        return colon < 0 ? eventId : eventId.substring(0, colon);
    }

    private void applyProfile(StateFolder folder, String key, byte[] value) {
        if (value == null) {
            if (key == null || !key.startsWith(PROFILE_KEY_PREFIX)) {
                throw new IllegalArgumentException("profile tombstone with key '" + key
                        + "': expected profile:<tenantId>:<profileId>");
            }
            folder.profile(key.substring(PROFILE_KEY_PREFIX.length()), null);
            return;
        }
        ProfileStatus p = profiles.deserialize(TopicNames.PROFILE_STATE, value);
        ProfileLookup.ProfileStatus status = new ProfileLookup.ProfileStatus(p.getEnabled(), p.getSetBy(),
                p.getSetAt(), p.getReason());
        folder.profile(StateSnapshot.profileKey(p.getTenantId(), p.getProfileId()),
                new ProfileRecord(p.getTenantId(), p.getProfileId(), p.getVersion(), p.getCommandId(), status));
    }

    private void applyConfig(StateFolder folder, String key, byte[] value) {
        if (value == null) {
            folder.config(key, null);
            return;
        }
        ConfigSetting c = configs.deserialize(TopicNames.CONFIG_STATE, value);
        folder.config(c.getKey(), new ConfigRecord(c.getKey(), ConfigValues.fromAvro(c.getValue()), c.getVersion(),
                c.getSetBy(), c.getSetAt(), c.getReason(), c.getCommandId()));
    }
}
